package dense

import (
	"fmt"

	"github.com/gomlx/gomlx/pkg/core/graph"
	"github.com/gomlx/gomlx/pkg/core/shapes"
	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/layers/regularizers"
)

// Scope and variable names, the same as GoMLX's layers.Dense uses.
const (
	Scope       = "dense"
	WeightsName = "weights"
	BiasesName  = "biases"
)

// Apply adds a dense layer y = x·W + b for x of shape [batch, in] and returns y
// of shape [batch, outputs]. W ("weights", [in, outputs]) and, when useBias is
// set, b ("biases", [outputs]) are variables in ctx.In("dense"), as in
// layers.Dense; call it with a distinct scope per layer (ctx.In("layer_0")...).
//
// The gradient of the product is computed with two matrix products (see
// MatMul); the bias gradient is the sum of dY over the batch.
func Apply(ctx *context.Context, x *graph.Node, outputs int, useBias bool) *graph.Node {
	if x.Rank() != 2 {
		panic(fmt.Sprintf("dense: input has shape %s; it must be [batch, features] (rank 2)", x.Shape()))
	}
	if outputs < 1 {
		panic(fmt.Sprintf("dense: outputs=%d; a layer needs at least 1 output unit", outputs))
	}
	g := x.Graph()
	dtype := x.DType()
	ctx = ctx.In(Scope)

	weightsVar := ctx.VariableWithShape(WeightsName, shapes.Make(dtype, x.Shape().Dimensions[1], outputs))
	if regularizer := regularizers.FromContext(ctx); regularizer != nil {
		regularizer(ctx, g, weightsVar) // weights only, as layers.Dense does
	}
	y := MatMul(x, weightsVar.ValueGraph(g))
	if useBias {
		bias := ctx.VariableWithShape(BiasesName, shapes.Make(dtype, outputs)).ValueGraph(g)
		// [1, outputs] broadcasts over the batch; its gradient is ReduceSum(dY, 0).
		y = graph.Add(y, graph.Reshape(bias, 1, outputs))
	}
	return y
}

// MatMul returns x·w for x of shape [batch, in] and w of shape [in, out]. Its
// gradients are dX = dY·wᵀ and dW = xᵀ·dY, each one matrix product, instead of
// the [batch, in, out] broadcast that GoMLX's own Dot gradient builds.
//
// How it is wired: x and w enter the product through identity nodes whose
// custom gradients compute dX and dW from dY, and dY is captured by a third
// identity on the product's output. Reverse-mode differentiation in GoMLX
// visits nodes from the newest to the oldest, so the output identity always
// sees dY before the input identities need it. GoMLX still builds its own
// gradient for the inner product, but nothing consumes it, so the backends
// never compute it (simplego and XLA only run nodes that reach an output).
func MatMul(x, w *graph.Node) *graph.Node {
	if x.Rank() != 2 || w.Rank() != 2 {
		panic(fmt.Sprintf("dense: MatMul needs two matrices, got x %s and w %s", x.Shape(), w.Shape()))
	}
	if x.Shape().Dimensions[1] != w.Shape().Dimensions[0] {
		panic(fmt.Sprintf("dense: MatMul of x %s and w %s: x has %d features but w has %d rows",
			x.Shape(), w.Shape(), x.Shape().Dimensions[1], w.Shape().Dimensions[0]))
	}
	if x.DType() != w.DType() {
		panic(fmt.Sprintf("dense: MatMul of x %s and w %s: dtypes differ", x.Shape(), w.Shape()))
	}

	// dY is set by the output identity's gradient, which runs before the
	// gradients of xIn and wIn (they are older nodes).
	var dY *graph.Node
	xIn := graph.IdentityWithCustomGradient(x, func(_, v *graph.Node) *graph.Node {
		if dY == nil {
			return v // unreachable by construction; keeps the math right anyway
		}
		// dX[b,i] = Σ_o dY[b,o]·w[i,o]
		return graph.DotGeneral(dY, []int{1}, nil, w, []int{1}, nil)
	})
	wIn := graph.IdentityWithCustomGradient(w, func(_, v *graph.Node) *graph.Node {
		if dY == nil {
			return v
		}
		// dW[i,o] = Σ_b x[b,i]·dY[b,o]
		return graph.DotGeneral(x, []int{0}, nil, dY, []int{0}, nil)
	})
	return graph.IdentityWithCustomGradient(graph.Dot(xIn, wIn), func(_, v *graph.Node) *graph.Node {
		dY = v
		return v
	})
}
