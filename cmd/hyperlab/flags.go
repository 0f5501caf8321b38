package main

import (
	"errors"
	"flag"
	"fmt"
	"github.com/hyperlab-go/hyperlab/internal/typo"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"text/tabwriter"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// cli is one command's flag set: its own flags, the shared dataset and
// store flags, and one flag per hyperparameter of training.Spec.
type cli struct {
	name  string // the command, for messages
	intro string // what the command does, for --help
	fs    *flag.FlagSet
	hp    *hparams.Flags
	own   map[string]bool // flags that are not hyperparameters, for --help

	dataset   string
	size      int
	noise     float64
	dataSeed  int64
	runs      string
	out       string
	echarts   string
	allowBig  bool
	withHyper bool
	label     string // CSV label column
	task      string // CSV task: classification or regression
}

func newCLI(name, intro string) *cli {
	c := &cli{name: name, intro: intro, fs: flag.NewFlagSet("hyperlab "+name, flag.ContinueOnError), own: map[string]bool{}}
	c.fs.SetOutput(io.Discard)
	return c
}

// flag definers that also remember the name as the command's own.
func (c *cli) stringVar(p *string, name, def, usage string) {
	c.fs.StringVar(p, name, def, usage)
	c.own[name] = true
}
func (c *cli) intVar(p *int, name string, def int, usage string) {
	c.fs.IntVar(p, name, def, usage)
	c.own[name] = true
}
func (c *cli) floatVar(p *float64, name string, def float64, usage string) {
	c.fs.Float64Var(p, name, def, usage)
	c.own[name] = true
}
func (c *cli) boolVar(p *bool, name string, def bool, usage string) {
	c.fs.BoolVar(p, name, def, usage)
	c.own[name] = true
}

// dataFlags adds --dataset, --size, --noise and --data-seed.
func (c *cli) dataFlags(def string) {
	c.stringVar(&c.dataset, "dataset", def, "built-in dataset ("+strings.Join(datasets.Names(), ", ")+") or a path to a .csv file")
	c.intVar(&c.size, "size", 1000, "rows of a synthetic dataset")
	c.floatVar(&c.noise, "noise", 0.2, "noise of a synthetic dataset")
	c.fs.Int64Var(&c.dataSeed, "data-seed", 1, "seed of the synthetic data and of the train/validation split")
	c.own["data-seed"] = true
	c.stringVar(&c.label, "label", "", "CSV: the label (target) column (default: the last)")
	c.stringVar(&c.task, "task", "classification", "CSV: classification, or regression for a numeric target")
}

// storeFlags adds --runs, --out and --echarts. An empty runsDef means the
// default store depends on the data (see dataStore).
func (c *cli) storeFlags(runsDef, outUsage string) {
	usage := "run store directory: every run is saved there and reused when run again"
	if runsDef == "" {
		usage += ` (default hyperlab-runs/<dataset>-n<size>-noise<noise>-seed<data-seed>; "" for none)`
	}
	c.stringVar(&c.runs, "runs", runsDef, usage)
	c.stringVar(&c.out, "out", "", outUsage)
	c.stringVar(&c.echarts, "echarts", "", "where the HTML loads ECharts from: a URL, or a local echarts.min.js file to inline (default: the pinned CDN copy)")
}

// hyperFlags adds the hyperparameter flags, --set and --config, and
// --allow-large.
func (c *cli) hyperFlags() {
	c.hp = training.Spec.Flags(c.fs)
	c.own["set"], c.own["config"] = true, true
	c.withHyper = true
	c.boolVar(&c.allowBig, "allow-large", false, fmt.Sprintf("start even above %d trials or %d model parameters (simplego is slow for those)",
		training.DefaultLimits.MaxTrials, training.DefaultLimits.MaxParams))
}

var errHelp = errors.New("help shown")

// parse parses args; --help writes the help to w and returns errHelp.
// Every other problem is a usage error of one sentence.
func (c *cli) parse(args []string, w io.Writer) error {
	err := c.fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		c.help(w)
		return errHelp
	}
	if err != nil {
		msg := flagProblem(err.Error())
		if m := reUndefined.FindStringSubmatch(err.Error()); m != nil {
			if near := c.nearest(m[1]); near != "" {
				msg += fmt.Sprintf("; did you mean --%s?", near)
				return usagef("%s", msg)
			}
		}
		return usagef("%s (see hyperlab %s --help)", msg, c.name)
	}
	if c.fs.NArg() > 0 {
		return usagef("unexpected argument %q; hyperparameters and options are flags such as --learning_rate=0.1 (see hyperlab %s --help)", c.fs.Arg(0), c.name)
	}
	return nil
}

var (
	reUndefined = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	reInvalid   = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag -+([^:]*): (.*)$`)
	reNeedsArg  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
)

// flagProblem rewrites the flag package's messages as sentences.
func flagProblem(msg string) string {
	if m := reUndefined.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("unknown flag --%s", m[1])
	}
	if m := reInvalid.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s=%s is not valid (%s)", m[2], m[1], strings.TrimPrefix(m[3], "parse error"))
	}
	if m := reNeedsArg.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s needs a value", m[1])
	}
	return msg
}

// nearest returns the defined flag closest to name, if it is close.
func (c *cli) nearest(name string) string {
	best, bestD := "", max(1, len(name)/3)+1
	c.fs.VisitAll(func(f *flag.Flag) {
		if d := typo.Distance(name, f.Name); d < bestD {
			best, bestD = f.Name, d
		}
	})
	return best
}

// values returns the hyperparameters the flags set.
func (c *cli) values() (hparams.Values, error) {
	v, err := c.hp.Values()
	if err != nil {
		return hparams.Values{}, &usageError{oneSentence(err.Error())}
	}
	return v, nil
}

// dataStore sets --runs, when it was not given, to a store of its own for
// the data flags, so that a report lists the runs of one dataset. (Runs
// on other data could share a store: training.RunID includes the data.)
func (c *cli) dataStore() {
	given := false
	c.fs.Visit(func(f *flag.Flag) { given = given || f.Name == "runs" })
	if given || c.runs != "" {
		return
	}
	name := strings.TrimSuffix(filepath.Base(c.dataset), filepath.Ext(c.dataset))
	name = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, name)
	c.runs = filepath.Join("hyperlab-runs", fmt.Sprintf("%s-n%d-noise%g-seed%d", name, c.size, c.noise, c.dataSeed))
}

// oneRun reads what a command that trains one model needs from its
// parsed flags: the hyperparameters, the data, where its HTML loads ECharts
// from; and it stops a model too large for the backend (--allow-large).
func (c *cli) oneRun() (hparams.Values, datasets.Split, plotting.Source, error) {
	v, err := c.values()
	if err != nil {
		return v, datasets.Split{}, plotting.Source{}, err
	}
	data, err := c.loadData()
	if err != nil {
		return v, data, plotting.Source{}, err
	}
	source, err := echartsSource(c.echarts)
	if err != nil {
		return v, data, source, err
	}
	return v, data, source, guard([]hparams.Values{v}, data, 1, c.allowBig)
}

// loadData loads --dataset; a bad name or file is a usage error.
func (c *cli) loadData() (datasets.Split, error) {
	c.dataStore()
	opts := datasets.Options{Size: c.size, Noise: c.noise, Seed: c.dataSeed, Normalize: true, AllowLarge: c.allowBig,
		CSV: datasets.CSVOptions{Label: c.label}}
	switch c.task {
	case "regression":
		opts.CSV.Regression = true
	case "classification", "":
	default:
		return datasets.Split{}, usagef("--task=%s; use classification or regression", c.task)
	}
	// The data's memory is checked before it is made (--allow-large does
	// not lift this); the model's is checked by training before it trains.
	if err := (training.Memory{Data: training.EstimateMemory(training.MemorySizes{Rows: c.size, Features: 2}).Data}).Check(); err != nil {
		return datasets.Split{}, &usageError{oneSentence(err.Error())}
	}
	split, err := datasets.Load(c.dataset, opts)
	if err != nil {
		return split, &usageError{oneSentence(err.Error())}
	}
	return split, nil
}

// help writes the command's flags, then the hyperparameters with their
// defaults, ranges and help text.
func (c *cli) help(w io.Writer) {
	fmt.Fprintf(w, "Usage: hyperlab %s [flags]\n\n%s\n\nFlags:\n", c.name, c.intro)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	c.fs.VisitAll(func(f *flag.Flag) {
		if !c.own[f.Name] {
			return
		}
		def := f.DefValue
		if def != "" && def != "false" && def != "0" {
			def = " (default " + def + ")"
		} else {
			def = ""
		}
		_, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(tw, "  --%s\t%s%s\n", f.Name, usage, def)
	})
	tw.Flush()
	if !c.withHyper {
		return
	}
	fmt.Fprintf(w, "\nHyperparameters (--name=value, or --set=\"name=value;name=value\", or --config file.json):\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  name\tdefault\trange\thelp")
	for _, p := range training.Spec.Params() {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", p.Name, training.FormatValue(p.Default), p.Allowed(), p.Help)
	}
	tw.Flush()
}
