package main

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/hyperlab-go/hyperlab/bench/internal/resultsfile"
	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training"
)

// The stack item's block in the results file: it is replaced alone, so
// `-items stack` leaves the other sections as they are.
const stackBegin, stackEnd = "<!-- bench stack: begin -->", "<!-- bench stack: end -->"

// runStack times issue 19's three comparisons, each side by side in one
// run (interleaved rounds, the faster kept): 16 toy configurations stacked
// vs one after the other; 5 seeds of moons stacked vs separate vs one
// seed; a 64-trial grid with parallel 2, stacked vs not; and what bounds
// the first two (stackFloor). It writes its sections between the stack
// markers of out.
func runStack(epochs, rounds int, out string) error {
	data, err := datasets.Load("moons", datasets.Options{Size: 1000, Noise: 0.2, Seed: 1, Normalize: true})
	if err != nil {
		return err
	}
	var secs []Section
	s, err := stackConfigs(data, epochs, rounds)
	if err != nil {
		return err
	}
	secs = append(secs, s)
	if s, err = stackSeeds(data, rounds); err != nil {
		return err
	}
	secs = append(secs, s)
	if s, err = stackGrid(data, epochs, rounds); err != nil {
		return err
	}
	secs = append(secs, s)
	if s, err = stackFloor(data, epochs, rounds); err != nil {
		return err
	}
	secs = append(secs, s)
	if out == "" {
		return nil
	}
	var md bytes.Buffer
	for _, s := range secs {
		s.writeMarkdown(&md)
	}
	fmt.Fprintf(&md, "\nMeasured by `go run ./bench -items stack` on %s (load average %s).\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), loadAverage())
	return resultsfile.ReplaceSection(out, stackBegin, stackEnd, md.String())
}

// fastest runs each variant rounds times, interleaved, and returns the
// fastest wall time of each in seconds.
func fastest(rounds int, variants ...func() error) ([]float64, error) {
	best := make([]float64, len(variants))
	for r := range rounds {
		for i, v := range variants {
			start := time.Now()
			if err := v(); err != nil {
				return nil, err
			}
			if s := time.Since(start).Seconds(); r == 0 || s < best[i] {
				best[i] = s
			}
		}
	}
	return best, nil
}

// toyGrid is the grid of axes over the defaults trained for epochs.
func toyGrid(epochs int, axes map[string][]any) ([]hparams.Values, error) {
	base, err := training.Spec.Defaults().With(training.ParamEpochs, epochs)
	if err != nil {
		return nil, err
	}
	return training.GridTrials(base, axes)
}

// oneAfterAnother trains ps alone, one after the other.
func oneAfterAnother(ps []*training.Plan) func() error {
	return func() error {
		for _, p := range ps {
			h, err := p.Run(context.Background())
			if err := finished([]*history.History{h}, []error{err}); err != nil {
				return err
			}
		}
		return nil
	}
}

// finished fails unless every run finished.
func finished(hs []*history.History, errs []error) error {
	for i, h := range hs {
		if errs[i] != nil {
			return errs[i]
		}
		if h.Status != history.Finished {
			return fmt.Errorf("bench: run %d ended %s: %s", i, h.Status, h.Err)
		}
	}
	return nil
}

func stackConfigs(data datasets.Split, epochs, rounds int) (Section, error) {
	vs, err := toyGrid(epochs, map[string][]any{
		training.ParamLearningRate: {0.001, 0.003, 0.01, 0.03},
		training.ParamSeed:         {1, 2, 3, 4},
	})
	if err != nil {
		return Section{}, err
	}
	ps, err := training.NewPlans(vs, data)
	if err != nil {
		return Section{}, err
	}
	opts := make([][]training.Option, len(ps))
	t, err := fastest(rounds,
		func() error { return finished(training.RunPlans(context.Background(), ps, opts)) },
		oneAfterAnother(ps))
	if err != nil {
		return Section{}, err
	}
	fmt.Printf("  stack 16 configs: stacked %.2f s, one after the other %.2f s\n", t[0], t[1])
	return Section{
		Title:  "16 toy configurations in one graph (training.RunPlans) vs one after the other",
		Header: []string{"configurations", "epochs each", "stacked", "one after the other", "speed-up", "≥ 6×"},
		Rows: [][]string{{fmt.Sprint(len(ps)), fmt.Sprint(epochs), fmt.Sprintf("%.2f s", t[0]), fmt.Sprintf("%.2f s", t[1]),
			fmt.Sprintf("%.2f×", t[1]/t[0]), yesNo(t[1]/t[0] >= 6)}},
		Note: "learning_rate ∈ {0.001, 0.003, 0.01, 0.03} × seed ∈ {1, 2, 3, 4}, default model (2-16-16-2 relu, Adam, batch 32), " +
			"1000 moons (800 train / 200 validation, evaluated every epoch), no run store, default backend (`go:ops_sequential`); " +
			fmt.Sprintf("stacked: RunPlans trains one stack per core at the same time (%d here); one after the other: one goroutine; ", runtime.GOMAXPROCS(0)) +
			fmt.Sprintf("faster of %d interleaved rounds. Both include building and compiling the graphs.", rounds),
	}, nil
}

func stackSeeds(data datasets.Split, rounds int) (Section, error) {
	v := training.Spec.Defaults()
	run := func(n int, opts ...training.Option) func() error {
		return func() error {
			g, err := training.RunSeeds(context.Background(), v, n, data, opts...)
			if err != nil {
				return err
			}
			return finished(g.Runs, make([]error, len(g.Runs)))
		}
	}
	t, err := fastest(rounds, run(5), run(5, training.NoStack()), run(1))
	if err != nil {
		return Section{}, err
	}
	fmt.Printf("  stack 5 seeds: stacked %.2f s, separate %.2f s, one seed %.2f s\n", t[0], t[1], t[2])
	return Section{
		Title:  "5 seeds of moons defaults (training.RunSeeds): stacked vs separate vs one seed",
		Header: []string{"stacked", "separate (NoStack)", "one seed", "stacked / one seed", "≤ 1.5×", "separate / stacked"},
		Rows: [][]string{{fmt.Sprintf("%.2f s", t[0]), fmt.Sprintf("%.2f s", t[1]), fmt.Sprintf("%.2f s", t[2]),
			fmt.Sprintf("%.2f×", t[0]/t[2]), yesNo(t[0]/t[2] <= 1.5), fmt.Sprintf("%.2f×", t[1]/t[0])}},
		Note: "training.Spec defaults (2-16-16-2 relu, Adam, batch 32, 30 epochs), 1000 moons as above, seeds 1-5, no run store; " +
			fmt.Sprintf("faster of %d interleaved rounds.", rounds),
	}, nil
}

func stackGrid(data datasets.Split, epochs, rounds int) (Section, error) {
	trials, err := toyGrid(epochs, map[string][]any{
		training.ParamLearningRate: {0.001, 0.003, 0.01, 0.03},
		training.ParamL2:           {0.0, 0.0001, 0.001, 0.01},
		training.ParamSeed:         {1, 2, 3, 4},
	})
	if err != nil {
		return Section{}, err
	}
	sweep := func(opts ...training.Option) func() error {
		return func() error {
			res, err := (&training.Sweep{Trials: trials, Data: data, Workers: 2, Options: opts}).Run(context.Background())
			if err != nil {
				return err
			}
			for _, r := range res.Rows {
				if r.Status != history.Finished {
					return fmt.Errorf("bench: grid trial %d ended %s: %s", r.Trial, r.Status, r.Error)
				}
			}
			return nil
		}
	}
	t, err := fastest(rounds, sweep(), sweep(training.NoStack()))
	if err != nil {
		return Section{}, err
	}
	fmt.Printf("  stack 64-trial grid, parallel 2: stacked %.2f s, not stacked %.2f s\n", t[0], t[1])
	return Section{
		Title:  "64-trial grid on moons, parallel 2 (training.Sweep): stacked vs not",
		Header: []string{"trials", "epochs each", "stacked", "not stacked (NoStack)", "speed-up"},
		Rows: [][]string{{fmt.Sprint(len(trials)), fmt.Sprint(epochs), fmt.Sprintf("%.2f s", t[0]), fmt.Sprintf("%.2f s", t[1]),
			fmt.Sprintf("%.2f×", t[1]/t[0])}},
		Note: "learning_rate ∈ {0.001, 0.003, 0.01, 0.03} × l2_regularization ∈ {0, 1e-4, 1e-3, 1e-2} × seed ∈ {1, …, 4}, default model, " +
			"1000 moons as above, Workers 2 (stacked: two stacks of 32, one per worker), no run store; " +
			fmt.Sprintf("faster of %d interleaved rounds.", rounds),
	}, nil
}
