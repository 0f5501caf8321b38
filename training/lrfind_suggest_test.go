package training

import (
	"math"
	"testing"
)

// rates are 10^(-5 + i/10), i from 0: evenly spaced on a log axis.
func rates(n int) []float64 {
	lrs := make([]float64, n)
	for i := range lrs {
		lrs[i] = math.Pow(10, -5+float64(i)/10)
	}
	return lrs
}

// TestSuggestSteep: a gentle fall with one sharp drop between points 20
// and 21; steep names point 20.
func TestSuggestSteep(t *testing.T) {
	lrs, loss := rates(40), make([]float64, 40)
	for i := range loss {
		loss[i] = 10 - 0.01*float64(i)
		if i > 20 {
			loss[i] -= 5
		}
	}
	if got, slope := steep(lrs, loss); got != lrs[20] || slope >= 0 {
		t.Errorf("steep = %g (slope %g), want %g", got, slope, lrs[20])
	}
}

// TestSuggestMinimum: the lowest loss at point 30 gives a tenth of its rate.
func TestSuggestMinimum(t *testing.T) {
	lrs, loss := rates(40), make([]float64, 40)
	for i := range loss {
		loss[i] = math.Abs(float64(i - 30))
	}
	if got := minimum(lrs, loss); got != lrs[30]/10 {
		t.Errorf("minimum = %g, want %g", got, lrs[30]/10)
	}
}

// TestSuggestValley: the loss rises over points 0..9, falls over 10..30
// and rises again. The longest decreasing run is 10..30 (21 points), so
// fastai's start is 9 and its pick is 9 + 7 + 3 = point 19.
func TestSuggestValley(t *testing.T) {
	lrs, loss := rates(40), make([]float64, 40)
	for i := range loss {
		switch {
		case i < 10:
			loss[i] = 0.5 + 0.04*float64(i)
		case i <= 30:
			loss[i] = 1 - 0.045*float64(i-10)
		default:
			loss[i] = 0.1 + 0.2*float64(i-30)
		}
	}
	idx, start, end := valley(lrs, loss)
	if idx != 19 || start != 9 || end != 30 {
		t.Errorf("valley = point %d (run %d..%d), want point 19 (run 9..30)", idx, start, end)
	}
}

// TestSuggestSlide: the loss falls linearly (gradient -0.01) up to point
// 40, then curves up steeply. Sliding a pair 15 apart from the right, the
// gradients first agree at points 24 and 39; the last pair that disagreed
// had its left point at 25.
func TestSuggestSlide(t *testing.T) {
	lrs, loss := rates(60), make([]float64, 60)
	for i := range loss {
		loss[i] = 1 - 0.01*float64(i)
		if i > 40 {
			loss[i] = 0.6 + 0.05*math.Pow(float64(i-40), 2)
		}
	}
	if got := slide(lrs, loss); got != lrs[25] {
		t.Errorf("slide = %g, want %g (point 25)", got, lrs[25])
	}
	if got := slide(rates(10), make([]float64, 10)); !math.IsNaN(got) {
		t.Errorf("slide of 10 points = %g, want NaN", got)
	}
}

func TestLRFindSuggestionsMarkTheOneUsed(t *testing.T) {
	res := syntheticTest(LRFindOptions{})
	s := res.Suggestions()
	if len(s) != 4 || s[0].Rule != SuggestValley || s[1].Rule != SuggestSlide || s[2].Rule != SuggestSteep || s[3].Rule != SuggestMinimum {
		t.Fatalf("Suggestions = %+v, want valley, slide, steep, minimum", s)
	}
	used := 0
	for _, x := range s {
		if x.Used {
			used++
			if x.LearningRate != res.Suggested {
				t.Errorf("%s is marked used but Suggested is %g", x.Rule, res.Suggested)
			}
		}
	}
	if used != 1 || !s[0].Used {
		t.Errorf("want exactly valley used: %+v", s)
	}
}
