package training

import (
	"fmt"

	"github.com/gomlx/gomlx/pkg/core/tensors"
	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/hyperlab-go/hyperlab/training/dense"
)

// Weights holds the trainable parameters of every layer before and after
// training, as plain data (for a histogram of how training moved them).
type Weights struct {
	Before []LayerWeights `json:"before"`
	After  []LayerWeights `json:"after"`
}

// LayerWeights is one dense layer's parameters: W is the Inputs×Outputs
// weight matrix, row-major, and B the Outputs biases.
type LayerWeights struct {
	Name    string    `json:"name"`
	Inputs  int       `json:"inputs"`
	Outputs int       `json:"outputs"`
	W       []float32 `json:"w"`
	B       []float32 `json:"b"`
}

// Histogram counts W's values in bins equal bins over [lo, hi]; values
// outside the range go to the first or last bin.
func (l LayerWeights) Histogram(bins int, lo, hi float64) []int {
	counts := make([]int, max(bins, 1))
	width := (hi - lo) / float64(len(counts))
	for _, v := range l.W {
		i := 0
		if width > 0 {
			i = int((float64(v) - lo) / width)
		}
		counts[min(max(i, 0), len(counts)-1)]++
	}
	return counts
}

// snapshot copies the current value of every layer's variables.
func (m *model) snapshot() ([]LayerWeights, error) {
	layers := m.cfg.Layers(m.features, m.outputs)
	out := make([]LayerWeights, len(layers))
	for i, l := range layers {
		scope := context.ScopeSeparator + modelScope + context.ScopeSeparator + l.Name + context.ScopeSeparator + dense.Scope
		w, err := variableData(m.ctx, scope, dense.WeightsName)
		if err != nil {
			return nil, err
		}
		b, err := variableData(m.ctx, scope, dense.BiasesName)
		if err != nil {
			return nil, err
		}
		out[i] = LayerWeights{Name: l.Name, Inputs: l.Inputs, Outputs: l.Outputs, W: w, B: b}
	}
	return out, nil
}

func variableData(ctx *context.Context, scope, name string) ([]float32, error) {
	v := ctx.GetVariableByScopeAndName(scope, name)
	if v == nil {
		return nil, fmt.Errorf("training: the model has no variable %s/%s", scope, name)
	}
	t, err := v.Value()
	if err != nil {
		return nil, err
	}
	return tensors.CopyFlatData[float32](t)
}
