package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/gomlx/gomlx/backends/simplego"
	"github.com/gomlx/gomlx/pkg/core/dtypes"
	"github.com/gomlx/gomlx/pkg/core/graph"
	"github.com/gomlx/gomlx/pkg/core/shapes"
	"github.com/gomlx/gomlx/pkg/core/tensors"
	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training"
	"github.com/hyperlab-go/hyperlab/training/dense"
)

// stackFloor measures what bounds issue 19's speed targets. A stacked
// step of K models costs about a + b·K: a is what stacking pays once (the
// ops' dispatch), b what each model adds (its arithmetic on simplego's
// kernels). K runs one after the other cost K × (one step alone), so no
// stack, however large, is more than (one step alone) / b times faster.
// It times whole stacked runs of the defaults at two sizes (every step
// included: evaluation, compiling, host copies) to find a and b, and the
// matrix products alone of a stacked step (the forward product, the input
// gradient and the weight gradient of each layer, shaped as
// dense.StackedMatMul shapes them) to show how much of b they are.
func stackFloor(data datasets.Split, epochs, rounds int) (Section, error) {
	v, err := training.Spec.Defaults().With(training.ParamEpochs, epochs)
	if err != nil {
		return Section{}, err
	}
	p, err := training.NewPlan(v, data)
	if err != nil {
		return Section{}, err
	}
	sizes := []int{4, 16}
	runs := []func() error{func() error {
		h, err := p.Run(context.Background())
		return finished([]*history.History{h}, []error{err})
	}}
	for _, k := range sizes {
		vs, err := toyGrid(epochs, map[string][]any{training.ParamSeed: seeds(k)})
		if err != nil {
			return Section{}, err
		}
		ps, err := plans(vs, data)
		if err != nil {
			return Section{}, err
		}
		runs = append(runs, func() error {
			return finished(training.RunPlans(context.Background(), ps, make([][]training.Option, k)))
		})
	}
	t, err := fastest(rounds, runs...)
	if err != nil {
		return Section{}, err
	}
	steps := float64(p.Steps())
	alone, small, large := t[0]/steps, t[1]/steps, t[2]/steps
	perModel := (large - small) / float64(sizes[1]-sizes[0])
	once := small - float64(sizes[0])*perModel
	widths := []int{p.Features}
	for _, l := range p.Layers {
		widths = append(widths, l.Outputs)
	}
	config := strings.TrimPrefix(dense.SimpleGoConfig(p.Config.BatchSize, widths...), "go:")
	sec := Section{
		Title: "What bounds stacking on simplego v0.26.0: the cost each model adds to a stacked step",
		Header: []string{"models K", "stacked step", "its matrix products", "products' share",
			"one step alone", "K alone ÷ stacked"},
	}
	var productsPerModel float64
	for i, k := range sizes {
		secs, macs, err := stackedProducts(config, k, p.Config.BatchSize, widths)
		if err != nil {
			return Section{}, err
		}
		step := []float64{small, large}[i]
		productsPerModel = secs / float64(k)
		fmt.Printf("  stack floor K=%d: stacked step %.0f µs, its products %.0f µs (%.2f ns per multiply-add), one step alone %.0f µs\n",
			k, step*1e6, secs*1e6, secs*1e9/float64(macs), alone*1e6)
		sec.Rows = append(sec.Rows, []string{fmt.Sprint(k), us(step), us(secs), fmt.Sprintf("%.0f %%", 100*secs/step),
			us(alone), fmt.Sprintf("%.2f×", float64(k)*alone/step)})
	}
	sec.Note = fmt.Sprintf("Each model adds %s to a stacked step (%s of it in matrix products), and stacking pays %s once; one model alone takes %s a step. "+
		"So no stack is more than %.1f× faster than its models one after the other (issue 19's target: ≥ 6× at K = 16, which needs each model to add at most %s%s), and 5 seeds stacked take about %.2f× one seed (target ≤ 1.5×). "+
		"Steps: whole %d-epoch runs of the defaults (%s, batch %d, %d steps each; evaluation, compiling and host copies included) over their steps, faster of %d interleaved rounds; seeds 1…K. "+
		"Products: the %d DotGenerals of one stacked step (forward, input gradient but the first layer's, weight gradient), alone in one graph on the stack's backend (`go:%s`), mean of 1000 calls.",
		us(perModel), us(productsPerModel), us(once), us(alone), alone/perModel, us(alone/6), beyond(productsPerModel > alone/6, ", less than its matrix products alone"), (once+5*perModel)/alone,
		epochs, widthsText(widths), p.Config.BatchSize, p.Steps(), rounds, 3*len(widths)-4, config)
	return sec, nil
}

// beyond returns text when the measurement says so, else nothing.
func beyond(holds bool, text string) string {
	if holds {
		return text
	}
	return ""
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
