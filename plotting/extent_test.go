package plotting

import (
	"math"
	"testing"
)

func TestExtentLeavesOutWhatIsNotFinite(t *testing.T) {
	e := noExtent()
	if !e.empty() {
		t.Fatal("a new extent is not empty")
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		e.add(v)
	}
	if !e.empty() {
		t.Errorf("NaN and ±Inf made the extent %v", e)
	}
	for _, v := range []float64{0.5, -2, math.NaN(), 3} {
		e.add(v)
	}
	if e != (extent{-2, 3}) {
		t.Errorf("extent %v, want -2…3", e)
	}
}
