package dense_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gomlx/gomlx/pkg/core/graph"
	"github.com/gomlx/gomlx/pkg/core/tensors"

	"github.com/hyperlab-go/hyperlab/training/dense"
)

// TestStackedMatMulMatchesMatMul checks that the K products of a stack, and
// their gradients, are those of K separate MatMuls.
func TestStackedMatMulMatchesMatMul(t *testing.T) {
	const k, batch, in, out = 3, 5, 4, 2
	rng := rand.New(rand.NewPCG(7, 7))
	x, w, r := randSlice[float32](rng, k*batch*in), randSlice[float32](rng, k*in*out), randSlice[float32](rng, k*batch*out)
	backend := newBackend(t)
	stacked := graph.MustNewExec(backend, func(x, w, r *graph.Node) []*graph.Node {
		y := dense.StackedMatMul(x, w)
		grads := graph.Gradient(graph.ReduceAllSum(graph.Mul(y, r)), x, w)
		return []*graph.Node{y, grads[0], grads[1]}
	})
	got := stacked.MustExec(tensors.FromFlatDataAndDimensions(x, k, batch, in), tensors.FromFlatDataAndDimensions(w, k, in, out), tensors.FromFlatDataAndDimensions(r, k, batch, out))
	single := graph.MustNewExec(backend, func(x, w, r *graph.Node) []*graph.Node {
		y := dense.MatMul(x, w)
		grads := graph.Gradient(graph.ReduceAllSum(graph.Mul(y, r)), x, w)
		return []*graph.Node{y, grads[0], grads[1]}
	})
	sizes := []int{batch * out, batch * in, in * out}
	for m := range k {
		want := single.MustExec(tensors.FromFlatDataAndDimensions(x[m*batch*in:(m+1)*batch*in], batch, in),
			tensors.FromFlatDataAndDimensions(w[m*in*out:(m+1)*in*out], in, out),
			tensors.FromFlatDataAndDimensions(r[m*batch*out:(m+1)*batch*out], batch, out))
		for i, name := range []string{"y", "dx", "dw"} {
			g := tensors.MustCopyFlatData[float32](got[i])[m*sizes[i] : (m+1)*sizes[i]]
			wnt := tensors.MustCopyFlatData[float32](want[i])
			for j := range wnt {
				if math.Abs(float64(g[j]-wnt[j])) > 1e-5 {
					t.Fatalf("model %d: %s[%d] = %v stacked, %v alone", m, name, j, g[j], wnt[j])
				}
			}
		}
	}
}

func TestStackedMatMulRejectsMismatchedStacks(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("a stack of 2 inputs against 3 weight matrices did not panic")
		}
	}()
	backend := newBackend(t)
	graph.MustNewExec(backend, func(x, w *graph.Node) *graph.Node { return dense.StackedMatMul(x, w) }).
		MustExec(tensors.FromShape(shapeOf([]int{2, 4, 3})), tensors.FromShape(shapeOf([]int{3, 3, 2})))
}
