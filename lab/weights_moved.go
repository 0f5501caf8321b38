package lab

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training"
)

// WeightsMoved measures, over the seeds of a group trained with the Weights
// option, how many weights W training moved, layer by layer: the share of
// each layer's weights that changed (mean ± s.d. over seeds) and the units
// none of whose incoming weights changed. Such a unit got no gradient from
// any training example (a ReLU unit inactive on all of them), which is why
// "training changes every weight" is not quite true. The sentence sums it up
// over all layers.
func WeightsMoved(g *Group) (Table, string, error) {
	t := Table{Caption: fmt.Sprintf("mean ± s.d. over %d seeds", len(g.Runs)),
		Header: []string{"layer", "W", "share of W moved", "units with no incoming weight moved"}}
	var layers [][]float64 // per layer, the share moved per seed
	var stillUnits [][]float64
	var total []float64
	var names, shapes []string
	for _, r := range g.Runs {
		w := r.Weights
		if w == nil || len(w.Before) == 0 || len(w.Before) != len(w.After) {
			return t, "", fmt.Errorf("lab: WeightsMoved needs runs trained with lab.Weights(); seed %d has no weights", r.Values.Int(training.ParamSeed))
		}
		moved, all := 0, 0
		for i, after := range w.After {
			m, still := movedIn(w.Before[i], after)
			if len(layers) <= i {
				layers, stillUnits = append(layers, nil), append(stillUnits, nil)
				names = append(names, after.Name)
				shapes = append(shapes, fmt.Sprintf("%d×%d", after.Inputs, after.Outputs))
			}
			layers[i] = append(layers[i], float64(m)/float64(len(after.W)))
			stillUnits[i] = append(stillUnits[i], float64(still))
			moved, all = moved+m, all+len(after.W)
		}
		total = append(total, float64(moved)/float64(all))
	}
	for i := range layers {
		t.Rows = append(t.Rows, []string{names[i], shapes[i], percent(history.Summarize(layers[i])), training.MeanSD(history.Summarize(stillUnits[i]))})
	}
	s := history.Summarize(total)
	msg := fmt.Sprintf("Training moved %s of the weights W (mean ± s.d. over %d seeds; lowest seed %.1f %%, highest %.1f %%).",
		percent(s), s.N, 100*s.Min, 100*s.Max)
	return t, msg, nil
}

// ShowWeightsMoved shows WeightsMoved's table and sentence.
func ShowWeightsMoved(g *Group) {
	t, msg, err := WeightsMoved(g)
	Check(err)
	t.ShowWith(msg)
}

// movedIn counts the weights of a layer that changed, and the units (columns
// of the row-major Inputs×Outputs matrix) none of whose weights changed.
func movedIn(before, after training.LayerWeights) (moved, stillUnits int) {
	for j := 0; j < after.Outputs; j++ {
		any := false
		for i := 0; i < after.Inputs; i++ {
			k := i*after.Outputs + j
			if after.W[k] != before.W[k] {
				moved++
				any = true
			}
		}
		if !any {
			stillUnits++
		}
	}
	return moved, stillUnits
}

// percent is a share as "92.2 % ± 6.0 %".
func percent(s history.Stat) string {
	return fmt.Sprintf("%.1f %% ± %.1f %%", 100*s.Mean, 100*s.SD)
}
