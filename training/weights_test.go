package training

import (
	"slices"
	"testing"
)

func TestHistogram(t *testing.T) {
	l := LayerWeights{W: []float32{-5, -1, -0.99, -0.5, 0, 0.49, 0.5, 0.99, 1, 7}}
	// Bins over [-1, 1]: [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1]; outside values clamp.
	if got, want := l.Histogram(4, -1, 1), []int{3, 1, 2, 4}; !slices.Equal(got, want) {
		t.Errorf("Histogram = %v, want %v", got, want)
	}
	if got := l.Histogram(0, -1, 1); !slices.Equal(got, []int{10}) {
		t.Errorf("Histogram with 0 bins = %v, want one bin of 10", got)
	}
}
