package lab

import (
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/training"
)

func TestWeightsMovedNeedsWeights(t *testing.T) {
	g := &Group{Runs: []*Run{{Values: training.Spec.Defaults()}}}
	if _, _, err := WeightsMoved(g); err == nil || !strings.Contains(err.Error(), "lab.Weights()") {
		t.Errorf("WeightsMoved of a run without weights: %v; want an error naming lab.Weights()", err)
	}
}

func TestMovedIn(t *testing.T) {
	// 3 inputs × 2 units, row-major: unit 0 is column 0 (indices 0, 2, 4).
	before := training.LayerWeights{Inputs: 3, Outputs: 2, W: []float32{1, 2, 3, 4, 5, 6}}
	after := training.LayerWeights{Inputs: 3, Outputs: 2, W: []float32{1, 9, 3, 9, 5, 6}}
	if moved, still := movedIn(before, after); moved != 2 || still != 1 {
		t.Errorf("movedIn = %d moved, %d still units; want 2 and 1 (unit 0 untouched)", moved, still)
	}
}
