package datasets

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// rowKey identifies a row by its features, to check that a split neither
// loses nor duplicates rows.
func rowKeys(ds ...*Dataset) []string {
	var keys []string
	for _, d := range ds {
		for i := 0; i < d.Len(); i++ {
			var b strings.Builder
			for _, v := range d.Row(i) {
				b.WriteString(string(rune(math.Float32bits(v) % 50000)))
				b.WriteString(",")
			}
			keys = append(keys, b.String())
		}
	}
	slices.Sort(keys)
	return keys
}

func TestSplitFractions(t *testing.T) {
	tests := []struct {
		n                 int
		val, test         float64
		wantVal, wantTest int
		stratified        bool
	}{
		{1000, 0.2, 0, 200, 0, false},
		{1000, 0.1, 0.1, 100, 100, false},
		{999, 0.25, 0.25, 250, 250, false},
		{10, 0, 0, 0, 0, false},
		{1000, 0.2, 0.1, 200, 100, true},
		{3, 0.3, 0.3, 1, 1, false},
	}
	for _, tt := range tests {
		d := Moons(tt.n, 0.1, 1)
		split := SplitFractions
		if tt.stratified {
			split = SplitStratified
		}
		s, err := split(d, tt.val, tt.test, 9)
		if err != nil {
			t.Fatalf("n=%d val=%g test=%g: %v", tt.n, tt.val, tt.test, err)
		}
		if s.Validation.Len() != tt.wantVal || s.Test.Len() != tt.wantTest || s.Train.Len() != tt.n-tt.wantVal-tt.wantTest {
			t.Errorf("n=%d val=%g test=%g: sizes %d/%d/%d", tt.n, tt.val, tt.test, s.Train.Len(), s.Validation.Len(), s.Test.Len())
		}
		for _, part := range []*Dataset{s.Train, s.Validation, s.Test} {
			if err := part.Validate(); err != nil {
				t.Error(err)
			}
		}
		if !slices.Equal(rowKeys(d), rowKeys(s.Train, s.Validation, s.Test)) {
			t.Errorf("n=%d: the parts do not hold exactly the original rows", tt.n)
		}
	}
}

func TestSplitSeeded(t *testing.T) {
	d := Blobs(500, 3, 1, 1)
	a, _ := SplitFractions(d, 0.2, 0.2, 5)
	b, _ := SplitFractions(d, 0.2, 0.2, 5)
	c, _ := SplitFractions(d, 0.2, 0.2, 6)
	if !slices.Equal(a.Train.X, b.Train.X) {
		t.Error("the same seed gave different splits")
	}
	if slices.Equal(a.Train.X, c.Train.X) {
		t.Error("different seeds gave the same split")
	}
}

func TestSplitStratifiedKeepsShares(t *testing.T) {
	// 10% class 0, 90% class 1: a stratified 10% validation set holds
	// exactly 10% of each class.
	d := &Dataset{Name: "skewed", Task: Classification, NumFeatures: 1, NumClasses: 2}
	for i := 0; i < 1000; i++ {
		d.X = append(d.X, float32(i))
		d.Labels = append(d.Labels, int32(min(i%10, 1)))
	}
	s, err := SplitStratified(d, 0.1, 0, 3)
	if err != nil {
		t.Fatal(err)
	}
	ones := 0
	for _, l := range s.Validation.Labels {
		ones += int(l)
	}
	if s.Validation.Len() != 100 || ones != 90 {
		t.Errorf("validation has %d rows with %d of class 1; want 100 with 90", s.Validation.Len(), ones)
	}
}

func TestSplitStratifiedRegression(t *testing.T) {
	s, err := SplitStratified(Sine(100, 0, 1), 0.2, 0.1, 1)
	if err != nil || s.Validation.Len() != 20 || s.Test.Len() != 10 {
		t.Fatalf("sizes %v %v, err %v", s.Validation.Len(), s.Test.Len(), err)
	}
}

func TestNormalizeFitsOnTrainOnly(t *testing.T) {
	d := Blobs(1000, 3, 2, 1)
	s, _ := SplitFractions(d, 0.3, 0, 2)
	n := Normalize(s)
	mean, std := stats(n.Train)
	for j := range mean {
		if math.Abs(mean[j]) > 1e-4 || math.Abs(std[j]-1) > 1e-4 {
			t.Errorf("train feature %d: mean %g std %g, want 0 and 1", j, mean[j], std[j])
		}
	}
	// The validation part uses the training statistics.
	sc := FitScaler(s.Train)
	for i, v := range s.Validation.X {
		j := i % 2
		want := (float64(v) - sc.Mean[j]) / sc.Std[j]
		if math.Abs(float64(n.Validation.X[i])-want) > 1e-5 {
			t.Fatalf("validation X[%d] = %v, want %v", i, n.Validation.X[i], want)
		}
	}
	if vm, _ := stats(n.Validation); vm[0] == 0 && vm[1] == 0 {
		t.Error("validation mean is exactly 0: fitted on validation?")
	}
	if slices.Equal(s.Train.X, n.Train.X) {
		t.Error("Normalize changed nothing")
	}
	if mean0, _ := stats(s.Train); math.Abs(mean0[0]) < 1e-4 {
		t.Error("Normalize modified its input")
	}
}

func TestNormalizeConstantFeature(t *testing.T) {
	d := &Dataset{Name: "c", Task: Regression, NumFeatures: 2, X: []float32{1, 5, 2, 5, 3, 5}, Targets: []float32{0, 0, 0}}
	n := Normalize(Split{Train: d, Validation: d.subset(nil), Test: d.subset(nil)})
	for i := 1; i < 6; i += 2 {
		if n.Train.X[i] != 0 {
			t.Fatalf("constant feature became %v, want 0", n.Train.X[i])
		}
	}
}

func stats(d *Dataset) (mean, std []float64) {
	sc := FitScaler(d)
	return sc.Mean, sc.Std
}

func TestGrid2D(t *testing.T) {
	d := &Dataset{Name: "g", Task: Classification, NumFeatures: 2, NumClasses: 1,
		X: []float32{0, 0, 2, 1, 1, -1}, Labels: []int32{0, 0, 0}}
	xs, ys, pts := Grid2D(d, 3, 0.5)
	if !slices.Equal(xs, []float64{-0.5, 1, 2.5}) || !slices.Equal(ys, []float64{-1.5, 0, 1.5}) {
		t.Fatalf("xs %v ys %v", xs, ys)
	}
	if len(pts) != 18 {
		t.Fatalf("%d coordinates, want 18", len(pts))
	}
	// Point k = j*steps+i is (xs[i], ys[j]).
	if pts[2*5] != 2.5 || pts[2*5+1] != 0 {
		t.Errorf("point 5 = (%v, %v), want (2.5, 0)", pts[10], pts[11])
	}
	for _, bad := range []*Dataset{nil, Sine(10, 0, 1), Moons(0, 0, 1)} {
		if xs, ys, pts := Grid2D(bad, 10, 0); xs != nil || ys != nil || pts != nil {
			t.Errorf("Grid2D of an unusable dataset returned data")
		}
	}
	if xs, _, _ := Grid2D(d, 1, 0); xs != nil {
		t.Error("steps=1 returned a grid")
	}
}
