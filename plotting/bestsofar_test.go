package plotting

import (
	"math"
	"slices"
	"testing"
)

func TestBestSoFarInfo(t *testing.T) {
	d := BestSoFarInfo([]float64{0.6, 0.7, math.NaN(), 0.4, math.Inf(1), 0.5, 0.1}, BestSoFarOptions{})
	if want := []int{1, 2, 4, 6, 7}; !slices.Equal(d.Trials, want) {
		t.Errorf("trials %v, want %v (the finite ones, numbered in run order from 1)", d.Trials, want)
	}
	if want := []float64{0.6, 0.6, 0.4, 0.4, 0.1}; !slices.Equal(d.Best, want) {
		t.Errorf("best so far %v, want %v", d.Best, want)
	}
	if d.Missing != 2 {
		t.Errorf("missing %d, want 2 (a NaN and an Inf)", d.Missing)
	}
	if d.Title != "Best validation loss so far" {
		t.Errorf("title %q", d.Title)
	}
	// The staircase: a start, a drop at each improvement, an end.
	c := d.Chart()
	series := c.Series()
	if len(series) != 2 || series[0].Points != 1+2+2+1 || series[1].Points != 5 {
		t.Errorf("series %+v, want the steps (6 corners) and the 5 dots", series)
	}
	if e := BestSoFarInfo(nil, BestSoFarOptions{}); e.Notice == "" {
		t.Errorf("no trials: no notice")
	}
	// A log axis cannot show 0: such a value is missing, not drawn.
	if l := BestSoFarInfo([]float64{0, 0.5}, BestSoFarOptions{LogY: true}); l.Missing != 1 || len(l.Trials) != 1 {
		t.Errorf("log axis: %+v", l)
	}
}

// TestLargeScatter checks that a scatter of many points is drawn in
// ECharts' large mode, and a small one is not.
func TestLargeScatter(t *testing.T) {
	for _, n := range []int{largePoints, largePoints + 1} {
		values := make([]float64, n)
		for i := range values {
			values[i] = 1 / float64(i+1)
		}
		dots := seriesAt(BestSoFar(values, BestSoFarOptions{}).Option, 1)
		if large := dots["large"] == true; large != (n > largePoints) {
			t.Errorf("%d points: large mode %v", n, large)
		}
	}
}
