package training

import (
	"fmt"

	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive // GoMLX graph code reads best with its ops unqualified.
	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/layers"
	"github.com/gomlx/gomlx/pkg/ml/layers/activations"
	"github.com/gomlx/gomlx/pkg/ml/train"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training/dense"
)

// modelScope holds the model's variables; optimizers keep theirs elsewhere.
const modelScope = "model"

// layerName names hidden layer i (from 0) and the output layer, in the
// graph scopes and in history.LayerParams.
func layerName(i, hidden int) string {
	if i == hidden {
		return "output"
	}
	return fmt.Sprintf("hidden_%d", i+1)
}

// denseLayer is the one place the dense layer is chosen: dense.Apply has a
// two-matrix-product gradient, about 8× faster than layers.Dense on the
// simplego backend for an MNIST-sized layer.
func denseLayer(ctx *context.Context, x *Node, outputs int) *Node {
	return dense.Apply(ctx, x, outputs, true)
}

// modelGraph builds the MLP: each hidden layer is dense → activation →
// dropout (training only), then a dense output layer with outputs units
// (logits for classification, the prediction for regression).
func modelGraph(ctx *context.Context, c Config, x *Node, outputs int) *Node {
	ctx = ctx.In(modelScope)
	g := x.Graph()
	hidden := c.Hidden()
	act, err := activationRegistry.lookup(c.Activation)
	if err != nil {
		panic(err) // NewPlan validated c; guard turns a panic into an error
	}
	for i, units := range hidden {
		x = denseLayer(ctx.In(layerName(i, len(hidden))), x, units)
		x = activations.Apply(act, x)
		if c.DropoutRate > 0 {
			// A no-op unless ctx.IsTraining(g): evaluation sees every unit.
			x = layers.DropoutNormalize(ctx, x, Scalar(g, x.DType(), c.DropoutRate), true)
		}
	}
	out := denseLayer(ctx.In(layerName(len(hidden), len(hidden))), x, outputs)
	if c.L1 > 0 {
		// l1 × Σ|w| over the weights; the dense layers add the L2 term
		// themselves (regularizers.FromContext reads l2_regularization).
		var sum *Node
		for i := range len(hidden) + 1 {
			w := ctx.In(layerName(i, len(hidden))).In(dense.Scope).GetVariable(dense.WeightsName)
			term := ReduceAllSum(Abs(w.ValueGraph(g)))
			if sum == nil {
				sum = term
			} else {
				sum = Add(sum, term)
			}
		}
		train.AddLoss(ctx, MulScalar(sum, c.L1))
	}
	return out
}

// activationRegistry lists every activation: the choices of
// ParamActivation, each a GoMLX activation.
var activationRegistry = &registry[activations.Type]{param: ParamActivation, entries: []entry[activations.Type]{
	{Choice{"relu", "max(0, x)"}, activations.TypeRelu},
	{Choice{"tanh", "hyperbolic tangent, in (−1, 1)"}, activations.TypeTanh},
	{Choice{"sigmoid", "1/(1+e^−x), in (0, 1)"}, activations.TypeSigmoid},
	{Choice{"gelu", "x·Φ(x), a smooth relu (Hendrycks & Gimpel 2016)"}, activations.TypeGelu},
	{Choice{"swish", "x·sigmoid(x), also called silu"}, activations.TypeSwish},
	{Choice{"linear", "no activation: the hidden layers stay linear"}, activations.TypeNone},
}}

// Layers counts the trainable parameters of the MLP c describes for inputs
// features and outputs output units: weights W = inputs×outputs and biases
// B = outputs per layer.
func (c Config) Layers(inputs, outputs int) []history.LayerParams {
	hidden := c.Hidden()
	sizes := append(hidden, outputs)
	out := make([]history.LayerParams, len(sizes))
	in := inputs
	for i, n := range sizes {
		out[i] = history.LayerParams{Name: layerName(i, len(hidden)), Inputs: in, Outputs: n, Weights: in * n, Biases: n}
		in = n
	}
	return out
}
