package main

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/gomlx/gomlx/backends/simplego"
	"github.com/gomlx/gomlx/pkg/core/dtypes"
	"github.com/gomlx/gomlx/pkg/core/graph"
	"github.com/gomlx/gomlx/pkg/core/shapes"
	"github.com/gomlx/gomlx/pkg/core/tensors"
	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/training"
	"github.com/hyperlab-go/hyperlab/training/dense"
)

// stackFloor measures what bounds one stack. A stacked step of K models
// costs about a + b·K: a is what the stack pays once (the ops' dispatch),
// b what each model adds (its arithmetic on simplego's kernels). K models
// one after the other cost K·s, s being one step alone, so one stack gains
// K·s / (a + b·K) < s/b over them, however large K grows (when a ≥ 0).
// It times one stack (RunStack, without RunPlans' parts per core) at two
// sizes and the larger size's models one after the other, all whole runs
// of the defaults (every step included: evaluation, compiling, host
// copies), and the matrix products alone of a stacked step at both sizes
// (the forward product, the input gradient and the weight gradient of each
// layer, shaped as dense.StackedMatMul shapes them), to show how much of b
// they are.
func stackFloor(data datasets.Split, epochs, rounds int) (Section, error) {
	sizes := [2]int{4, 16}
	var stacks [2][]*training.Plan
	for i, k := range sizes {
		vs, err := toyGrid(epochs, map[string][]any{training.ParamSeed: seeds(k)})
		if err != nil {
			return Section{}, err
		}
		if stacks[i], err = training.NewPlans(vs, data); err != nil {
			return Section{}, err
		}
	}
	stack := func(ps []*training.Plan) func() error {
		return func() error {
			return finished(training.RunStack(context.Background(), ps, make([][]training.Option, len(ps))))
		}
	}
	t, err := fastest(rounds, stack(stacks[0]), stack(stacks[1]), oneAfterAnother(stacks[1]))
	if err != nil {
		return Section{}, err
	}
	p := stacks[0][0]
	steps := float64(p.Steps())
	step := [2]float64{t[0] / steps, t[1] / steps}
	alone := t[2] / steps / float64(sizes[1])
	widths := []int{p.Features}
	for _, l := range p.Layers {
		widths = append(widths, l.Outputs)
	}
	config := strings.TrimPrefix(dense.SimpleGoConfig(p.Config.BatchSize, widths...), "go:")
	var products [2]float64
	sec := Section{
		Title: fmt.Sprintf("What bounds one stack: the cost each model adds to a stacked step (simplego, GoMLX %s)", ThisMachine().GoMLX),
		Header: []string{"models K", "one stack's step", "its matrix products", "products' share",
			"one step alone", "K alone ÷ one stack"},
	}
	for i, k := range sizes {
		secs, macs, err := stackedProducts(config, k, p.Config.BatchSize, widths)
		if err != nil {
			return Section{}, err
		}
		products[i] = secs
		fmt.Printf("  stack floor K=%d: one stack's step %s, its products %s (%.2f ns per multiply-add), one step alone %s\n",
			k, us(step[i]), us(secs), secs*1e9/float64(macs), us(alone))
		sec.Rows = append(sec.Rows, []string{fmt.Sprint(k), us(step[i]), us(secs), fmt.Sprintf("%.0f %%", 100*secs/step[i]),
			us(alone), fmt.Sprintf("%.2f×", float64(k)*alone/step[i])})
	}
	added := float64(sizes[1] - sizes[0])
	perModel, productsPerModel := (step[1]-step[0])/added, (products[1]-products[0])/added
	once := step[0] - float64(sizes[0])*perModel
	sec.Note = fmt.Sprintf("From K = %d to %d each model adds %s to one stack's step, %s of it in matrix products, and one step alone takes %s. ",
		sizes[0], sizes[1], us(perModel), us(productsPerModel), us(alone))
	if once >= 0 && perModel > 0 {
		sec.Note += fmt.Sprintf("So one stack is at most %.1f× faster than its models one after the other, however many it holds; "+
			"RunPlans trains one stack per core at the same time (%d here), which the rows above include. ", alone/perModel, runtime.GOMAXPROCS(0))
	}
	sec.Note += fmt.Sprintf("Steps: whole %d-epoch runs of the defaults (%s, batch %d, %d steps each; evaluation, compiling and host copies included) "+
		"over their steps, one stack by RunStack, one step alone from the %d models one after the other, faster of %d interleaved rounds; seeds 1…K. "+
		"Products: the %d DotGenerals of one stacked step (forward, input gradient but the first layer's, weight gradient), "+
		"alone in one graph on the stack's backend (`go:%s`), mean of 1000 calls.",
		epochs, widthsText(widths), p.Config.BatchSize, p.Steps(), sizes[1], rounds, 3*len(widths)-4, config)
	return sec, nil
}

// seeds returns 1…k.
func seeds(k int) []any {
	out := make([]any, k)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// us writes seconds as whole microseconds.
func us(secs float64) string { return fmt.Sprintf("%.0f µs", secs*1e6) }

// widthsText writes widths as 2-16-16-2.
func widthsText(widths []int) string {
	s := make([]string, len(widths))
	for i, w := range widths {
		s[i] = fmt.Sprint(w)
	}
	return strings.Join(s, "-")
}

// stackedProducts times the matrix products of one training step of k
// stacked models with the given layer widths at batch rows, on simplego
// configured by config, and returns the seconds per step and the number of
// multiply-adds.
func stackedProducts(config string, k, batch int, widths []int) (float64, int, error) {
	backend, err := simplego.New(config)
	if err != nil {
		return 0, 0, err
	}
	defer backend.Finalize()
	var args []any
	macs := 0
	for i := range len(widths) - 1 {
		in, out := widths[i], widths[i+1]
		for _, dims := range [][]int{{k, batch, in}, {k, in, out}, {k, batch, out}} { // x, w, dY
			args = append(args, tensors.FromShape(shapes.Make(dtypes.Float32, dims...)))
		}
		macs += 2 * k * batch * in * out
		if i > 0 {
			macs += k * batch * in * out
		}
	}
	exec, err := graph.NewExec(backend, func(ins []*graph.Node) []*graph.Node {
		var outs []*graph.Node
		for i := 0; i < len(ins); i += 3 {
			x, w, dy := ins[i], ins[i+1], ins[i+2]
			// The three products of dense.StackedMatMul and its gradient.
			outs = append(outs, graph.DotGeneral(x, []int{2}, []int{0}, w, []int{1}, []int{0}))
			if i > 0 {
				outs = append(outs, graph.DotGeneral(dy, []int{2}, []int{0}, w, []int{2}, []int{0}))
			}
			outs = append(outs, graph.DotGeneral(x, []int{1}, []int{0}, dy, []int{1}, []int{0}))
		}
		return outs
	})
	if err != nil {
		return 0, 0, err
	}
	defer exec.Finalize()
	call := func() error {
		outs, err := exec.Exec(args...)
		for _, o := range outs {
			_ = o.FinalizeAll()
		}
		return err
	}
	if err := call(); err != nil { // compiles
		return 0, 0, err
	}
	const calls = 1000
	start := time.Now()
	for range calls {
		if err := call(); err != nil {
			return 0, 0, err
		}
	}
	return time.Since(start).Seconds() / calls, macs, nil
}
