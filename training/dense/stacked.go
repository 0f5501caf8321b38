package dense

import (
	"fmt"

	"github.com/gomlx/gomlx/pkg/core/graph"
)

// StackedMatMul returns the K products x[k]·w[k] for x of shape [K, batch, in]
// and w of shape [K, in, out], shaped [K, batch, out]: K independent models'
// layers in one batched DotGeneral (the leading axis is DotGeneral's batch
// axis), so a stack of small models pays one op's overhead instead of K.
//
// As MatMul, its gradients are two batched products, dX[k] = dY[k]·w[k]ᵀ and
// dW[k] = x[k]ᵀ·dY[k], wired through identity nodes with custom gradients.
func StackedMatMul(x, w *graph.Node) *graph.Node {
	if x.Rank() != 3 || w.Rank() != 3 {
		panic(fmt.Sprintf("dense: StackedMatMul needs x [K, batch, in] and w [K, in, out], got x %s and w %s", x.Shape(), w.Shape()))
	}
	xd, wd := x.Shape().Dimensions, w.Shape().Dimensions
	if xd[0] != wd[0] || xd[2] != wd[1] {
		panic(fmt.Sprintf("dense: StackedMatMul of x %s and w %s: the stacks (K) or the inner widths differ", x.Shape(), w.Shape()))
	}
	if x.DType() != w.DType() {
		panic(fmt.Sprintf("dense: StackedMatMul of x %s and w %s: dtypes differ", x.Shape(), w.Shape()))
	}
	var dY *graph.Node
	xIn := graph.IdentityWithCustomGradient(x, func(_, v *graph.Node) *graph.Node {
		if dY == nil {
			return v
		}
		// dX[k,b,i] = Σ_o dY[k,b,o]·w[k,i,o]
		return graph.DotGeneral(dY, []int{2}, []int{0}, w, []int{2}, []int{0})
	})
	wIn := graph.IdentityWithCustomGradient(w, func(_, v *graph.Node) *graph.Node {
		if dY == nil {
			return v
		}
		// dW[k,i,o] = Σ_b x[k,b,i]·dY[k,b,o]
		return graph.DotGeneral(x, []int{1}, []int{0}, dY, []int{1}, []int{0})
	})
	y := graph.DotGeneral(xIn, []int{2}, []int{0}, wIn, []int{1}, []int{0})
	return graph.IdentityWithCustomGradient(y, func(_, v *graph.Node) *graph.Node {
		dY = v
		return v
	})
}
