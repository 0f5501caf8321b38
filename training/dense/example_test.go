package dense_test

import (
	"fmt"

	"github.com/gomlx/gomlx/backends"
	_ "github.com/gomlx/gomlx/backends/simplego"
	"github.com/gomlx/gomlx/pkg/core/graph"
	"github.com/gomlx/gomlx/pkg/core/tensors"
	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/layers/activations"

	"github.com/hyperlab-go/hyperlab/training/dense"
)

// A two-layer model built with Apply: the variables are named and shaped as
// layers.Dense names them, and the gradient of a loss reaches every one.
func ExampleApply() {
	// simplego, the pure-Go backend, running one op at a time: its parallel
	// op scheduler has a data race in GoMLX v0.26.0 (go test -race fails).
	backend, err := backends.NewWithConfig("go:ops_sequential")
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.New()
	ctx.SetParam("initializers_seed", int64(42))
	exec, err := context.NewExec(backend, ctx, func(ctx *context.Context, x *graph.Node) (*graph.Node, *graph.Node) {
		h := activations.Relu(dense.Apply(ctx.In("layer_0"), x, 3, true))
		y := dense.Apply(ctx.In("layer_1"), h, 2, true)
		loss := graph.ReduceAllSum(graph.Square(y))
		w0 := ctx.GetVariableByScopeAndName("/layer_0/dense", "weights").ValueGraph(x.Graph())
		return y, graph.Gradient(loss, w0)[0]
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	x := tensors.FromValue([][]float32{{1, 2, 3, 4}, {0, 1, 0, 1}})
	outs, err := exec.Exec(x)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("output:", outs[0].Shape(), "dW of layer 0:", outs[1].Shape())
	ctx.EnumerateVariables(func(v *context.Variable) {
		if v.Trainable {
			fmt.Println(v.ScopeAndName(), v.Shape())
		}
	})
	// Output:
	// output: (Float32)[2 2] dW of layer 0: (Float32)[4 3]
	// /layer_0/dense/weights (Float32)[4 3]
	// /layer_0/dense/biases (Float32)[3]
	// /layer_1/dense/weights (Float32)[3 2]
	// /layer_1/dense/biases (Float32)[2]
}

// MatMul on its own: x·w, whose gradient is two matrix products.
func ExampleMatMul() {
	backend, err := backends.NewWithConfig("go:ops_sequential")
	if err != nil {
		fmt.Println(err)
		return
	}
	exec, err := graph.NewExec(backend, func(x, w *graph.Node) (y, dX, dW *graph.Node) {
		y = dense.MatMul(x, w)
		grads := graph.Gradient(graph.ReduceAllSum(y), x, w)
		return y, grads[0], grads[1]
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	outs, err := exec.Exec([][]float32{{1, 2}, {3, 4}}, [][]float32{{1, 0}, {-1, 2}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("y  =", outs[0].Value())
	fmt.Println("dX =", outs[1].Value()) // ones·wᵀ: row sums of w
	fmt.Println("dW =", outs[2].Value()) // xᵀ·ones: column sums of x
	// Output:
	// y  = [[-1 4] [-1 8]]
	// dX = [[1 1] [1 1]]
	// dW = [[4 4] [6 6]]
}

// The simplego configuration for three model sizes: a toy MLP keeps
// simplego's matrix kernels, the MNIST MLP gets the blocked one.
func ExampleSimpleGoConfig() {
	fmt.Println(dense.SimpleGoConfig(32, 2, 16, 16, 2))
	fmt.Println(dense.SimpleGoConfig(128, 784, 128, 10))
	fmt.Println(dense.SimpleGoConfig(16, 100, 10))
	// Output:
	// go:ops_sequential
	// go:ops_sequential,dotgeneral_large
	// go:ops_sequential
}
