package training

import (
	"context"
	"math"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
)

// An L2 run's validation loss is the data loss: the unregularized
// cross-entropy of its trained weights on the validation split, computed
// here in plain Go from the weight snapshot; the penalty is recorded apart
// and equals l2 × Σw² of the same weights.
func TestPenaltyValidationDataLoss(t *testing.T) {
	data := moons(t)
	const l2 = 0.05
	var w Weights
	h, err := Run(context.Background(), values(t, "epochs", 3, ParamL2, l2, ParamActivation, "relu"), data, WeightSnapshots(&w))
	if err != nil {
		t.Fatal(err)
	}
	last, _ := h.Last()
	want := plainCrossEntropy(w.After, data.Validation)
	if math.Abs(last.ValLoss-want) > 1e-4*math.Max(1, want) {
		t.Errorf("validation loss of the L2 run is %g, the unregularized loss of its weights is %g", last.ValLoss, want)
	}
	var sq float64
	for _, l := range w.After {
		for _, x := range l.W {
			sq += float64(x) * float64(x)
		}
	}
	if math.Abs(last.ValPenalty-l2*sq) > 1e-4*math.Max(1, l2*sq) {
		t.Errorf("validation penalty %g, want l2·Σw² = %g", last.ValPenalty, l2*sq)
	}
	if !(last.TrainPenalty > 0) {
		t.Errorf("train penalty %g, want > 0 with l2=%g", last.TrainPenalty, l2)
	}
	// Without regularization the penalty is 0, not missing.
	h0, err := Run(context.Background(), values(t, "epochs", 1), data)
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := h0.Last(); e.ValPenalty != 0 || e.TrainPenalty != 0 {
		t.Errorf("unregularized run: penalties %g, %g, want 0", e.TrainPenalty, e.ValPenalty)
	}
}

// crossEntropy is the mean softmax cross-entropy of a ReLU MLP with the
// given layers on d: the loss formula, independent of the GoMLX graph.
func plainCrossEntropy(layers []LayerWeights, d *datasets.Dataset) float64 {
	var sum float64
	for r := range d.Len() {
		h := make([]float64, d.NumFeatures)
		for j := range h {
			h[j] = float64(d.X[r*d.NumFeatures+j])
		}
		for k, l := range layers {
			out := make([]float64, l.Outputs)
			for o := range out {
				out[o] = float64(l.B[o])
				for i := range l.Inputs {
					out[o] += h[i] * float64(l.W[i*l.Outputs+o])
				}
				if k < len(layers)-1 {
					out[o] = math.Max(0, out[o])
				}
			}
			h = out
		}
		m := math.Inf(-1)
		for _, z := range h {
			m = math.Max(m, z)
		}
		var e float64
		for _, z := range h {
			e += math.Exp(z - m)
		}
		sum += m + math.Log(e) - h[d.Labels[r]]
	}
	return sum / float64(d.Len())
}
