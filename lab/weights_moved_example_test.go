package lab_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/lab"
	"github.com/hyperlab-go/hyperlab/training"
)

// Two seeds of a 2→2 layer: the first seed's second unit never moved (a
// ReLU unit inactive on every example), the second seed moved everything.
func ExampleWeightsMoved() {
	layer := func(w ...float32) training.LayerWeights {
		return training.LayerWeights{Name: "dense 1", Inputs: 2, Outputs: 2, W: w, B: make([]float32, 2)}
	}
	before := []training.LayerWeights{layer(0.1, 0.2, 0.3, 0.4)}
	seed := func(after ...float32) *lab.Run {
		return &lab.Run{Values: training.Spec.Defaults(), Weights: &training.Weights{Before: before, After: []training.LayerWeights{layer(after...)}}}
	}
	g := &lab.Group{Runs: []*lab.Run{seed(0.5, 0.2, 0.7, 0.4), seed(0.5, 0.6, 0.7, 0.8)}}
	t, msg, err := lab.WeightsMoved(g)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(t.Text())
	fmt.Println(msg)
	// Output:
	// mean ± s.d. over 2 seeds
	// layer    W    share of W moved  units with no incoming weight moved
	// dense 1  2×2  75.0 % ± 35.4 %   0.5 ± 0.71
	// Training moved 75.0 % ± 35.4 % of the weights W (mean ± s.d. over 2 seeds; lowest seed 50.0 %, highest 100.0 %).
}
