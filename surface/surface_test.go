package surface

import (
	"math"
	"strings"
	"testing"
)

func mustBowl(t *testing.T, a, b, angle float64) Surface {
	t.Helper()
	s, err := Bowl(a, b, angle)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBowlRejectsBadCurvature(t *testing.T) {
	for _, c := range [][2]float64{{0, 1}, {1, -2}, {math.NaN(), 1}, {1, math.Inf(1)}} {
		if _, err := Bowl(c[0], c[1], 0); err == nil || !strings.Contains(err.Error(), "positive") {
			t.Errorf("Bowl(%g, %g): error %v, want one saying the curvatures must be positive", c[0], c[1], err)
		}
	}
}

// The gradient is the loss's derivative: central differences agree.
func TestBowlGradientMatchesLoss(t *testing.T) {
	s := mustBowl(t, 1, 10, 0.7)
	const h = 1e-6
	for _, p := range []Point{{0.3, -1.2}, {-4, 2}, {1, 1}} {
		dx, dy := s.Grad(p.X, p.Y)
		nx := (s.Loss(p.X+h, p.Y) - s.Loss(p.X-h, p.Y)) / (2 * h)
		ny := (s.Loss(p.X, p.Y+h) - s.Loss(p.X, p.Y-h)) / (2 * h)
		if math.Abs(dx-nx) > 1e-4 || math.Abs(dy-ny) > 1e-4 {
			t.Errorf("at %v: gradient (%g, %g), finite differences (%g, %g)", p, dx, dy, nx, ny)
		}
	}
	if s.Curvature != 10 {
		t.Errorf("Curvature = %g, want 10", s.Curvature)
	}
	if l := s.Loss(0, 0); l != 0 {
		t.Errorf("the minimum is %g, want 0 at the origin", l)
	}
}

func TestSampleIsSquare(t *testing.T) {
	s := mustBowl(t, 1, 4, 0)
	g, err := Sample(s, 1, -1, 2, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Xs) != 5 || len(g.Ys) != 5 || len(g.Loss) != 5 || len(g.Loss[0]) != 5 {
		t.Fatalf("grid %d×%d with %d rows, want 5×5", len(g.Xs), len(g.Ys), len(g.Loss))
	}
	if g.Xs[0] != -1 || g.Xs[4] != 3 || g.Ys[0] != -3 || g.Ys[4] != 1 {
		t.Errorf("window x %g..%g y %g..%g, want -1..3 and -3..1", g.Xs[0], g.Xs[4], g.Ys[0], g.Ys[4])
	}
	if want := s.Loss(g.Xs[3], g.Ys[1]); g.Loss[1][3] != want {
		t.Errorf("Loss[1][3] = %g, want the loss at (Xs[3], Ys[1]) = %g", g.Loss[1][3], want)
	}
	if _, err := Sample(s, 0, 0, 0, 5); err == nil {
		t.Error("Sample with half-width 0: no error")
	}
	if _, err := Sample(s, 0, 0, 1, 1); err == nil {
		t.Error("Sample with 1 point a side: no error")
	}
}

func TestDescendRejectsBadArguments(t *testing.T) {
	s := mustBowl(t, 1, 1, 0)
	for _, lr := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if _, err := Descend(s, Point{1, 1}, lr, 10); err == nil {
			t.Errorf("learning rate %g: no error", lr)
		}
	}
	if _, err := Descend(s, Point{1, 1}, 0.1, 0); err == nil {
		t.Error("0 steps: no error")
	}
}

// On a bowl with curvature c along one axis, one step multiplies that
// coordinate by (1 − lr·c): the closed form the path must follow.
func TestDescendFollowsClosedForm(t *testing.T) {
	s := mustBowl(t, 2, 8, 0)
	p, err := Descend(s, Point{1, 1}, 0.2, 5)
	if err != nil {
		t.Fatal(err)
	}
	x, y := math.Pow(1-0.2*2, 5), math.Pow(1-0.2*8, 5)
	last := p.Points[len(p.Points)-1]
	if math.Abs(last.X-x) > 1e-12 || math.Abs(last.Y-y) > 1e-12 {
		t.Errorf("after 5 steps at (%g, %g), want (%g, %g)", last.X, last.Y, x, y)
	}
	if p.Steps() != 5 || len(p.Loss) != 6 {
		t.Errorf("%d steps and %d losses, want 5 and 6", p.Steps(), len(p.Loss))
	}
}

func TestDescendStopsAfterDiverging(t *testing.T) {
	s := mustBowl(t, 1, 1, 0)
	p, err := Descend(s, Point{1, 1}, 100, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if p.Steps() >= 1000 {
		t.Errorf("took all %d steps of a diverging path; it should stop once the loss exploded", p.Steps())
	}
	if DefaultRule.Classify(p) != Diverging {
		t.Errorf("classified %s, want %s", DefaultRule.Classify(p), Diverging)
	}
}

func TestReversalsAndRises(t *testing.T) {
	p := Path{
		Points: []Point{{0, 0}, {1, 0}, {2, 0}, {1, 0}, {2, 0}, {2, 1}},
		Loss:   []float64{5, 4, 3, 4, 2, 2},
	}
	// Steps: +x, +x, −x (reverses), +x (reverses), +y (perpendicular: not a reversal).
	if got := p.Reversals(); got != 2 {
		t.Errorf("Reversals = %d, want 2", got)
	}
	if got := p.Rises(); got != 1 {
		t.Errorf("Rises = %d, want 1", got)
	}
}

// The regimes follow the bowl's curvature c: below 1/c no zig-zag, between
// 1/c and 2/c a converging zig-zag, above 2/c divergence.
func TestClassifyFollowsCurvature(t *testing.T) {
	for _, c := range []float64{4, 10, 50} {
		s := mustBowl(t, 1, c, 0.4)
		for _, tc := range []struct {
			lr   float64
			want Regime
		}{
			{0.001 / c, Slow},
			{0.9 / c, Good},
			{1.7 / c, Oscillating},
			{2.0 / c, Oscillating}, // bounces across the valley for ever, never closer

			{2.2 / c, Diverging},
		} {
			steps := 60
			if tc.want == Good {
				steps = int(20 * c) // the shallow side needs about c/lr·c steps
			}
			p, err := Descend(s, Point{-3, 2}, tc.lr, steps)
			if err != nil {
				t.Fatal(err)
			}
			if got := DefaultRule.Classify(p); got != tc.want {
				t.Errorf("curvature %g, lr %g: %s (reversals %d of %d, loss %g → %g), want %s",
					c, tc.lr, got, p.Reversals(), p.Steps(), p.Loss[0], p.Final(), tc.want)
			}
		}
	}
}

func TestClassifyOrder(t *testing.T) {
	flat := Path{Points: []Point{{0, 0}, {1, 0}}, Loss: []float64{1, 1}}
	if got := DefaultRule.Classify(flat); got != Diverging {
		t.Errorf("a loss that did not fall: %s, want %s", got, Diverging)
	}
	nan := Path{Points: []Point{{0, 0}, {1, 0}}, Loss: []float64{1, math.NaN()}}
	if got := DefaultRule.Classify(nan); got != Diverging {
		t.Errorf("a NaN loss: %s, want %s", got, Diverging)
	}
}

func TestUntil(t *testing.T) {
	p := Path{Points: []Point{{0, 0}, {1, 0}, {2, 0}, {3, 0}}, Loss: []float64{10, 5, 0.05, 0.01}}
	if got := p.Until(0.1); got.Steps() != 2 || got.Final() != 0.05 {
		t.Errorf("Until(0.1): %d steps ending at %g, want 2 ending at 0.05", got.Steps(), got.Final())
	}
	if got := p.Until(0.001); got.Steps() != 3 {
		t.Errorf("Until(0.001): %d steps, want all 3", got.Steps())
	}
}
