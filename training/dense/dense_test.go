package dense_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gomlx/gomlx/backends"
	_ "github.com/gomlx/gomlx/backends/simplego"
	"github.com/gomlx/gomlx/pkg/core/dtypes"
	"github.com/gomlx/gomlx/pkg/core/graph"
	"github.com/gomlx/gomlx/pkg/core/shapes"
	"github.com/gomlx/gomlx/pkg/core/tensors"
	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/layers"

	"github.com/hyperlab-go/hyperlab/training/dense"
)

func newBackend(t testing.TB) backends.Backend {
	t.Helper()
	b, err := backends.NewWithConfig("go:ops_sequential") // the parallel scheduler races in v0.26.0
	if err != nil {
		t.Fatalf("simplego backend: %v", err)
	}
	return b
}

// layerFn builds one dense layer in ctx; both implementations share this shape.
type layerFn func(ctx *context.Context, x *graph.Node, outputs int, useBias bool) *graph.Node

func stockDense(ctx *context.Context, x *graph.Node, outputs int, useBias bool) *graph.Node {
	return layers.Dense(ctx, x, useBias, outputs)
}

// result holds the forward output and the gradients of loss = Σ y⊙r.
type result[T float32 | float64] struct {
	y, dx, dw, db []T
}

func randSlice[T float32 | float64](rng *rand.Rand, n int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = T(rng.NormFloat64())
	}
	return s
}

// run evaluates a layer built by fn on the given values: the variables are
// created beforehand with the given weights and biases, and the layer reuses
// them, so both implementations see identical parameters.
func run[T float32 | float64](t *testing.T, fn layerFn, batch, in, out int, useBias bool, x, w, b, r []T) result[T] {
	t.Helper()
	backend := newBackend(t)
	ctx := context.New()
	layerCtx := ctx.In("layer_0")
	layerCtx.In("dense").VariableWithValue("weights", tensors.FromFlatDataAndDimensions(w, in, out))
	if useBias {
		layerCtx.In("dense").VariableWithValue("biases", tensors.FromFlatDataAndDimensions(b, out))
	}
	exec, err := context.NewExec(backend, ctx, func(ctx *context.Context, xN, rN *graph.Node) []*graph.Node {
		g := xN.Graph()
		y := fn(ctx.In("layer_0").Reuse(), xN, out, useBias)
		loss := graph.ReduceAllSum(graph.Mul(y, rN))
		wNode := ctx.GetVariableByScopeAndName("/layer_0/dense", "weights").ValueGraph(g)
		wrt := []*graph.Node{xN, wNode}
		if useBias {
			wrt = append(wrt, ctx.GetVariableByScopeAndName("/layer_0/dense", "biases").ValueGraph(g))
		}
		return append([]*graph.Node{y}, graph.Gradient(loss, wrt...)...)
	})
	if err != nil {
		t.Fatalf("NewExec: %v", err)
	}
	outs, err := exec.Exec(tensors.FromFlatDataAndDimensions(x, batch, in), tensors.FromFlatDataAndDimensions(r, batch, out))
	if err != nil {
		t.Fatalf("Exec: %v", err)
	}
	res := result[T]{
		y:  tensors.MustCopyFlatData[T](outs[0]),
		dx: tensors.MustCopyFlatData[T](outs[1]),
		dw: tensors.MustCopyFlatData[T](outs[2]),
	}
	if useBias {
		res.db = tensors.MustCopyFlatData[T](outs[3])
	}
	return res
}

// closeEnough compares with a tolerance relative to the largest magnitude, since
// sums of many products lose low bits in a different order in each
// implementation.
func closeEnough[T float32 | float64](t *testing.T, what string, got, want []T, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values, want %d", what, len(got), len(want))
	}
	scale := 1.0
	for _, v := range want {
		scale = math.Max(scale, math.Abs(float64(v)))
	}
	for i := range want {
		if d := math.Abs(float64(got[i]) - float64(want[i])); d > tol*scale || math.IsNaN(float64(got[i])) {
			t.Fatalf("%s[%d] = %g, layers.Dense gives %g (diff %g > %g)", what, i, got[i], want[i], d, tol*scale)
		}
	}
}

type shapeCase struct {
	name           string
	batch, in, out int
	useBias        bool
}

func shapeCases() []shapeCase {
	cases := []shapeCase{
		{"batch 1", 1, 5, 3, true},
		{"non-square wide", 4, 3, 17, true},
		{"non-square narrow", 8, 33, 2, true},
		{"odd last partial batch of MNIST", 96, 784, 10, true},
		{"odd batch 37", 37, 16, 16, true},
		{"no bias", 9, 7, 5, false},
		{"1x1", 1, 1, 1, true},
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range 8 {
		cases = append(cases, shapeCase{
			name:    fmt.Sprintf("random %d", i),
			batch:   1 + rng.IntN(64),
			in:      1 + rng.IntN(64),
			out:     1 + rng.IntN(64),
			useBias: rng.IntN(4) != 0,
		})
	}
	return cases
}

func TestGradientsMatchLayersDense(t *testing.T) {
	for i, c := range shapeCases() {
		t.Run(fmt.Sprintf("%s %dx%d->%d", c.name, c.batch, c.in, c.out), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(i), 1))
			x := randSlice[float32](rng, c.batch*c.in)
			w := randSlice[float32](rng, c.in*c.out)
			b := randSlice[float32](rng, c.out)
			r := randSlice[float32](rng, c.batch*c.out)
			want := run(t, stockDense, c.batch, c.in, c.out, c.useBias, x, w, b, r)
			got := run(t, dense.Apply, c.batch, c.in, c.out, c.useBias, x, w, b, r)
			const tol = 1e-5
			closeEnough(t, "y", got.y, want.y, tol)
			closeEnough(t, "dX", got.dx, want.dx, tol)
			closeEnough(t, "dW", got.dw, want.dw, tol)
			closeEnough(t, "db", got.db, want.db, tol)
		})
	}
}

func TestGradientsFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	const batch, in, out = 13, 11, 6
	x := randSlice[float64](rng, batch*in)
	w := randSlice[float64](rng, in*out)
	b := randSlice[float64](rng, out)
	r := randSlice[float64](rng, batch*out)
	want := run(t, stockDense, batch, in, out, true, x, w, b, r)
	got := run(t, dense.Apply, batch, in, out, true, x, w, b, r)
	closeEnough(t, "y", got.y, want.y, 1e-12)
	closeEnough(t, "dX", got.dx, want.dx, 1e-12)
	closeEnough(t, "dW", got.dw, want.dw, 1e-12)
	closeEnough(t, "db", got.db, want.db, 1e-12)
}

// TestGradientsByHand pins the formulas on numbers small enough to check on
// paper, independently of layers.Dense.
func TestGradientsByHand(t *testing.T) {
	x := []float32{1, 2, 3, 4}  // [[1 2] [3 4]]
	w := []float32{1, 0, -1, 2} // [[1 0] [-1 2]]
	b := []float32{10, 20}
	r := []float32{1, 0, 0, 1} // dY
	got := run(t, dense.Apply, 2, 2, 2, true, x, w, b, r)
	want := result[float32]{
		y:  []float32{1*1 + 2*-1 + 10, 1*0 + 2*2 + 20, 3*1 + 4*-1 + 10, 3*0 + 4*2 + 20},
		dx: []float32{1, -1, 0, 2}, // dY·Wᵀ = [[1 -1] [0 2]]
		dw: []float32{1, 3, 2, 4},  // Xᵀ·dY = [[1 3] [2 4]]
		db: []float32{1, 1},
	}
	closeEnough(t, "y", got.y, want.y, 0)
	closeEnough(t, "dX", got.dx, want.dx, 0)
	closeEnough(t, "dW", got.dw, want.dw, 0)
	closeEnough(t, "db", got.db, want.db, 0)
}

// TestVariablesLikeLayersDense checks scope, names, shapes and dtype of the
// created variables, so parameter counting and checkpoints are unchanged.
func TestVariablesLikeLayersDense(t *testing.T) {
	list := func(fn layerFn, useBias bool) string {
		backend := newBackend(t)
		ctx := context.New()
		exec := context.MustNewExec(backend, ctx, func(ctx *context.Context, x *graph.Node) *graph.Node {
			h := fn(ctx.In("layer_0"), x, 4, useBias)
			return fn(ctx.In("layer_1"), h, 2, useBias)
		})
		exec.MustExec(tensors.FromFlatDataAndDimensions(make([]float32, 3*5), 3, 5))
		var names []string
		ctx.EnumerateVariables(func(v *context.Variable) {
			names = append(names, fmt.Sprintf("%s %s", v.ScopeAndName(), v.Shape()))
		})
		return strings.Join(names, "\n")
	}
	for _, useBias := range []bool{true, false} {
		want, got := list(stockDense, useBias), list(dense.Apply, useBias)
		if got != want {
			t.Errorf("useBias=%v: variables\n%s\nlayers.Dense creates\n%s", useBias, got, want)
		}
	}
}

func TestPanicsNameTheProblem(t *testing.T) {
	cases := []struct {
		name    string
		dims    []int
		outputs int
		want    string
	}{
		{"rank 1 input", []int{5}, 3, "dense: input has shape"},
		{"rank 3 input", []int{2, 3, 4}, 3, "must be [batch, features]"},
		{"zero outputs", []int{2, 3}, 0, "dense: outputs=0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var msg string
			func() {
				defer func() { msg = fmt.Sprint(recover()) }()
				g := graph.NewGraph(newBackend(t), "panics")
				x := graph.Zeros(g, shapeOf(c.dims))
				dense.Apply(context.New(), x, c.outputs, true)
			}()
			if !strings.Contains(msg, c.want) {
				t.Errorf("panic %q, want it to contain %q", msg, c.want)
			}
		})
	}
}

func TestMatMulPanicsOnMismatch(t *testing.T) {
	var msg string
	func() {
		defer func() { msg = fmt.Sprint(recover()) }()
		g := graph.NewGraph(newBackend(t), "mismatch")
		dense.MatMul(graph.Zeros(g, shapeOf([]int{2, 3})), graph.Zeros(g, shapeOf([]int{4, 5})))
	}()
	if !strings.Contains(msg, "x has 3 features but w has 4 rows") {
		t.Errorf("panic %q does not name the mismatch", msg)
	}
}

func shapeOf(dims []int) shapes.Shape { return shapes.Make(dtypes.Float32, dims...) }
