package training

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/datasets"
)

// Boundary is a trained classifier's decision over the plane of a 2-D
// dataset, as plain data for a chart: Class[j*len(Xs)+i] is the class the
// model predicts at (Xs[i], Ys[j]) and Confidence the softmax probability
// of that class there.
type Boundary struct {
	Xs         []float64 `json:"xs"`
	Ys         []float64 `json:"ys"`
	Class      []int     `json:"class"`
	Confidence []float64 `json:"confidence"`
}

// BoundaryMargin is how far the grid reaches beyond the data on every
// side, in feature units (datasets.Grid2D's margin).
const BoundaryMargin = 0.5

// checkBoundary refuses a decision boundary that cannot be computed: it
// needs a classification dataset with 2 features, over a grid of 2 to
// MaxBoundarySteps points a side. The DecisionBoundary option checks it
// before training, so a run does not train only to fail at the end.
func checkBoundary(d *datasets.Dataset, steps int) error {
	if d.Task != datasets.Classification || d.NumFeatures != 2 {
		return fmt.Errorf("training: a decision boundary needs a classification dataset with 2 features, and %s has %d (%s); drop the DecisionBoundary option", d.Name, d.NumFeatures, d.Task)
	}
	if steps < 2 || steps > MaxBoundarySteps {
		return fmt.Errorf("training: a decision boundary of %d×%d points; use a resolution from 2 to %d", steps, steps, MaxBoundarySteps)
	}
	return nil
}

// boundary predicts over a steps×steps grid that covers d.
func (m *model) boundary(d *datasets.Dataset, steps int) (Boundary, error) {
	if err := checkBoundary(d, steps); err != nil {
		return Boundary{}, err
	}
	xs, ys, points := datasets.Grid2D(d, steps, BoundaryMargin)
	out, err := m.outputsFor(points)
	if err != nil {
		return Boundary{}, err
	}
	b := Boundary{Xs: xs, Ys: ys, Class: make([]int, len(points)/2), Confidence: make([]float64, len(points)/2)}
	c := m.outputs
	for k := range b.Class {
		logits := out[k*c : (k+1)*c]
		best := 0
		for i, v := range logits {
			if v > logits[best] {
				best = i
			}
		}
		var sum float64
		for _, v := range logits {
			sum += math.Exp(float64(v - logits[best]))
		}
		b.Class[k], b.Confidence[k] = best, 1/sum
	}
	return b, nil
}
