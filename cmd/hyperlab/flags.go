package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/tabwriter"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/typo"
	"github.com/hyperlab-go/hyperlab/lab"
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

// dataFlags adds --dataset, --size, --noise and --data-seed. The three
// data flags override lab's defaults for the dataset only when given, as
// the data_* hyperparameters do in a notebook (datasets.ParamSize, ...), so
// that the CLI and a notebook train on the same split.
func (c *cli) dataFlags(def string) {
	c.stringVar(&c.dataset, "dataset", def, "built-in dataset ("+strings.Join(datasets.Names(), ", ")+") or a path to a .csv file")
	c.intVar(&c.size, "size", 1000, "rows of a synthetic dataset (mnist: training images to load, default all)")
	c.floatVar(&c.noise, "noise", 0.2, "noise of a synthetic dataset (mnist: none)")
	c.fs.Int64Var(&c.dataSeed, "data-seed", 1, "seed of the synthetic data and of the train/validation split")
	c.own["data-seed"] = true
	c.stringVar(&c.label, "label", "", "CSV: the label (target) column (default: the last)")
	c.stringVar(&c.task, "task", "classification", "CSV: classification, or regression for a numeric target")
}

// defaultRuns is the run-store root of train and sweep; each dataset gets a
// folder of its own under it (lab.DataKey), as in a notebook's runs folder.
const defaultRuns = "hyperlab-runs"

// storeFlags adds --runs, and --out and --echarts (pageFlags).
func (c *cli) storeFlags(runsDef, outUsage string) {
	usage := "run store: every run is saved under it, in a folder per dataset, and reused when run again (the same folder layout as a notebook's runs)"
	if runsDef == "" {
		usage = "run store directory: a root holding a folder per dataset (train and sweep print theirs), or one of those folders"
	}
	c.stringVar(&c.runs, "runs", runsDef, usage)
	c.pageFlags("HTML", "", outUsage)
}

// pageFlags adds --out, the HTML page a command writes (outDef by default,
// "" for none), and --echarts, where that page loads ECharts from; page
// names the page in --echarts' help ("report", "chart").
func (c *cli) pageFlags(page, outDef, outUsage string) {
	c.stringVar(&c.out, "out", outDef, outUsage)
	c.stringVar(&c.echarts, "echarts", "", "where the "+page+" loads ECharts from: a URL, or a local echarts.min.js file to inline (default: the pinned CDN copy)")
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

// parseArgs parses args as parse does and says whether the command stops
// there, with its exit code: exitOK after --help, a usage failure (written
// to e) for any other problem.
func (c *cli) parseArgs(args []string, e *env) (code int, stop bool) {
	if err := c.parse(args, e.stdout); err != nil {
		if errors.Is(err, errHelp) {
			return exitOK, true
		}
		return fail(e, c.name, err), true
	}
	return 0, false
}

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
	var names []string
	c.fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return typo.Closest(name, names)
}

// values returns the hyperparameters the flags set.
func (c *cli) values() (hparams.Values, error) {
	v, err := c.hp.Values()
	if err != nil {
		return hparams.Values{}, &usageError{oneSentence(err.Error())}
	}
	return v, nil
}

// setup is the command's lab.Setup: the same data options, run-store
// layout and size guard as a notebook's Train.
func (c *cli) setup(workers int) lab.Setup {
	over := map[string]float64{}
	c.fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "size":
			over[datasets.ParamSize] = float64(c.size)
		case "noise":
			over[datasets.ParamNoise] = c.noise
		case "data-seed":
			over[datasets.ParamSeed] = float64(c.dataSeed)
		}
	})
	return lab.Setup{Dataset: c.dataset, DataOverrides: over, Runs: c.runs,
		CSV:        datasets.CSVOptions{Label: c.label, Regression: c.task == "regression"},
		AllowLarge: c.allowBig, AllowLargeHint: "add --allow-large", Workers: workers}
}

// oneRun reads what a command that trains one model needs from its
// parsed flags: the hyperparameters, the data, where its HTML loads ECharts
// from; and it stops a model too large for the backend (--allow-large).
func (c *cli) oneRun() (oneRun, error) {
	var r oneRun
	var err error
	if r.values, err = c.values(); err != nil {
		return r, err
	}
	if r.options, r.data, err = c.loadData(r.values); err != nil {
		return r, err
	}
	if r.source, err = echartsSource(c.echarts); err != nil {
		return r, err
	}
	ps, err := c.setup(1).Guard([]hparams.Values{r.values}, r.data)
	if err != nil {
		return r, &usageError{oneSentence(err.Error())}
	}
	r.plan = ps[0]
	return r, nil
}

// oneRun is what cli.oneRun reads.
type oneRun struct {
	values  hparams.Values
	options datasets.Options // the data options, which name the run-store folder
	data    datasets.Split
	plan    *training.Plan // the one conversion and check of values
	source  plotting.Source
}

// loadData loads --dataset as lab does for the Values v; a bad name or
// file is a usage error.
func (c *cli) loadData(v hparams.Values) (datasets.Options, datasets.Split, error) {
	switch c.task {
	case "classification", "regression", "":
	default:
		return datasets.Options{}, datasets.Split{}, usagef("--task=%s; use classification or regression", c.task)
	}
	o, split, err := c.setup(1).Load(v)
	if err != nil {
		return o, split, &usageError{oneSentence(err.Error())}
	}
	return o, split, nil
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
	// The same table as a notebook's %% --help.
	fmt.Fprintf(w, "\nHyperparameters (--name=value, or --set=\"name=value;name=value\", or --config file.json):\n")
	fmt.Fprint(w, training.Spec.Defaults().Table().Text())
	fmt.Fprintln(w, training.ReferenceHint)
}
