package main

import (
	"bytes"
	"flag"
	"fmt"
	"slices"

	"github.com/gomlx/gomlx/backends"

	"math"
	"os"
	"strings"
	"time"

	"github.com/hyperlab-go/hyperlab/bench/internal/resultsfile"
	"github.com/hyperlab-go/hyperlab/training/dense"
)

// options are the command-line flags.
type options struct {
	cases    string
	items    string
	out      string
	python   string
	noTorch  bool
	threads  int
	warmup   int
	repeats  int
	minBlock time.Duration

	mnistSet, mnistBackend         string
	mnistLimit                     time.Duration
	sweepEpochs                    int
	overheadEpochs, overheadRounds int
	cpuProfile, memProfile         string
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.StringVar(&o.cases, "cases", "mnist,toy,wide", "step cases to time, comma-separated: mnist, toy, wide")
	fs.StringVar(&o.items, "items", strings.Join(allItems, ","), "what to run, comma-separated: "+strings.Join(allItems, ", "))
	fs.StringVar(&o.out, "out", "docs/benchmarks.md", "Markdown results file to rewrite (empty: do not write)")
	fs.StringVar(&o.python, "python", "", "python3 interpreter with torch (default: /usr/bin/python3, then python3)")
	fs.BoolVar(&o.noTorch, "notorch", false, "skip the PyTorch column")
	fs.IntVar(&o.threads, "threads", 2, "PyTorch threads (torch.set_num_threads)")
	fs.IntVar(&o.warmup, "warmup", 20, "untimed steps before timing (the first compiles)")
	fs.IntVar(&o.repeats, "repeats", 5, "timed blocks; the median block mean is reported")
	fs.DurationVar(&o.minBlock, "block", 300*time.Millisecond, "minimum duration of a timed block")
	fs.StringVar(&backendConfig, "backend", backendConfig, `GoMLX backend config for the Go steps and the overhead loop, e.g. "go" or "go:dotgeneral_large" (training.Run reads GOMLX_BACKEND)`)
	fs.StringVar(&o.mnistSet, "mnist-set", defaultMNISTSet, "hyperparameters of the MNIST run (--set syntax)")
	fs.StringVar(&o.mnistBackend, "mnist-backend", "", "GoMLX backend config of the MNIST run (default: dense.SimpleGoConfig for its model)")
	fs.DurationVar(&o.mnistLimit, "mnist-limit", 15*time.Minute, "stop the MNIST run after this long")
	fs.IntVar(&o.sweepEpochs, "sweep-epochs", 20, "epochs of each sweep trial")
	fs.IntVar(&o.overheadEpochs, "overhead-epochs", 3, "epochs of each overhead variant")
	fs.IntVar(&o.overheadRounds, "overhead-rounds", 2, "interleaved rounds of the overhead variants (fastest kept)")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the whole run to this file (go tool pprof)")
	fs.StringVar(&o.memProfile, "memprofile", "", "write an allocation profile of the whole run to this file")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("bench: unexpected argument %q; flags only (go run ./bench -h)", fs.Arg(0))
	}
	return o, nil
}

// allItems are the parts of the benchmark, in run order.
var allItems = []string{"steps", "mnist", "sweep", "overhead", "stack"}

// names splits a comma-separated flag value, dropping blanks.
func names(list string) []string {
	var out []string
	for _, name := range strings.Split(list, ",") {
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, name)
		}
	}
	return out
}

func selectCases(list string) ([]Case, error) {
	var out []Case
	for _, name := range names(list) {
		i := slices.IndexFunc(Cases, func(c Case) bool { return c.Name == name })
		if i < 0 {
			return nil, fmt.Errorf("bench: unknown case %q in -cases; use mnist, toy or wide", name)
		}
		out = append(out, Cases[i])
	}
	return out, nil
}

func selectItems(list string) (map[string]bool, error) {
	sel := map[string]bool{}
	for _, name := range names(list) {
		if !slices.Contains(allItems, name) {
			return nil, fmt.Errorf("bench: unknown item %q in -items; use %s", name, strings.Join(allItems, ", "))
		}
		sel[name] = true
	}
	return sel, nil
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return err
	}
	cases, err := selectCases(o.cases)
	if err != nil {
		return err
	}
	items, err := selectItems(o.items)
	if err != nil {
		return err
	}
	rep := &Report{
		Machine:      ThisMachine(),
		Date:         time.Now(),
		Command:      strings.TrimSpace("go run ./bench " + strings.Join(args, " ")),
		TorchThreads: o.threads,
		LoadBefore:   loadAverage(),
	}
	fmt.Printf("bench: %d CPUs, %s, %s, GoMLX %s\n", rep.Machine.CPUs, rep.Machine.CPUModel, rep.Machine.GoVersion, rep.Machine.GoMLX)

	if o.cpuProfile != "" {
		stop, err := startCPUProfile(o.cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	// The results file is rewritten after every item, so an interrupted run
	// still leaves what it measured.
	flush := func() error {
		rep.LoadAfter = loadAverage()
		if o.out == "" {
			return nil
		}
		var buf bytes.Buffer
		rep.WriteMarkdown(&buf)
		buf.Write(keptSection(o.out))
		return resultsfile.Write(o.out, buf.Bytes())
	}
	for _, it := range []struct {
		name string
		run  func() error
	}{
		{"steps", func() error { return runSteps(o, cases, rep) }},
		{"mnist", func() error { return runMNIST(o.mnistSet, o.mnistBackend, o.mnistLimit, rep) }},
		{"sweep", func() error { return runSweep(o.sweepEpochs, rep) }},
		{"overhead", func() error { return runOverhead(o.overheadEpochs, o.overheadRounds, rep) }},
		{"stack", func() error { return runStack(o.sweepEpochs, o.overheadRounds, o.out) }},
	} {
		if !items[it.name] {
			continue
		}
		if it.name == "stack" { // writes its own block of the results file
			if err := it.run(); err != nil {
				return err
			}
			continue
		}
		if err := it.run(); err != nil {
			return err
		}
		if err := flush(); err != nil {
			return err
		}
	}
	if o.memProfile != "" {
		if err := writeHeapProfile(o.memProfile); err != nil {
			return err
		}
	}

	rep.WriteText(os.Stdout)
	if o.out != "" {
		fmt.Printf("\nbench: wrote %s\n", o.out)
	}
	return nil
}

func runSteps(o options, cases []Case, rep *Report) error {
	python := ""
	if !o.noTorch {
		var err error
		if python, err = FindPython(o.python); err != nil {
			return err
		}
	}
	backend, err := NewBackend()
	if err != nil {
		return err
	}
	warmupBudget := 10 * o.minBlock
	for _, c := range cases {
		nan := Timing{Wall: math.NaN(), CPU: math.NaN()}
		row := StepRow{Case: c, Hyperlab: nan, HyperlabTuned: nan, Stock: nan, Torch: nan}
		// simplego configured for this model's size (see dense.SimpleGoConfig).
		row.TunedConfig = dense.SimpleGoConfig(c.Batch, c.Sizes...)
		tuned, err := backends.NewWithConfig(row.TunedConfig)
		if err != nil {
			return fmt.Errorf("bench: backend %q: %w", row.TunedConfig, err)
		}
		var cs []*Contender
		for _, v := range []struct {
			name    string
			backend backends.Backend
			layer   Layer
		}{{string(Hyperlab), backend, Hyperlab}, {string(Stock), backend, Stock}, {"hyperlab tuned", tuned, Hyperlab}} {
			step, err := NewStep(v.backend, c, v.layer, 1)
			if err != nil {
				return err
			}
			if err := step.WarmUp(o.warmup, warmupBudget); err != nil {
				return fmt.Errorf("bench: %s with %s: %w", c.Name, v.name, err)
			}
			cs = append(cs, &Contender{Name: v.name, Block: step.Block})
		}
		if python != "" {
			ts, err := StartTorch(python, c, o.threads, o.warmup, warmupBudget)
			if err != nil {
				return err
			}
			defer ts.Close()
			rep.TorchVersion, rep.TorchThreads = ts.Version, ts.Threads
			cs = append(cs, &Contender{Name: "pytorch", Block: ts.Block})
		}
		got, err := Interleave(cs, o.repeats, o.minBlock)
		if err != nil {
			return fmt.Errorf("bench: case %s: %w", c.Name, err)
		}
		row.Hyperlab, row.Stock, row.HyperlabTuned = got[0], got[1], got[2]
		if len(got) > 3 {
			row.Torch = got[3]
		}
		for i, ct := range cs {
			fmt.Printf("  %-5s %-14s %8s ms/step wall, %8s ms/step CPU (%d timed steps)\n", c.Name, ct.Name, ms(got[i].Wall), ms(got[i].CPU), got[i].Steps)
		}
		rep.Steps = append(rep.Steps, row)
	}
	return nil
}

// keptSection is the part of the old results file that `go run
// ./bench/search` and the stack item wrote (each between its markers),
// kept when this program rewrites the file; nothing when there is none.
func keptSection(path string) []byte {
	old, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var kept []byte
	for _, m := range [][2]string{{"<!-- bench/search: begin -->", "<!-- bench/search: end -->"}, {stackBegin, stackEnd}} {
		i, j := bytes.Index(old, []byte(m[0])), bytes.Index(old, []byte(m[1]))
		if i >= 0 && j > i {
			kept = append(append(append(kept, '\n'), old[i:j+len(m[1])]...), '\n')
		}
	}
	return kept
}
