package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training"
)

// axesFlag collects repeated --grid name=v1,v2,... flags.
type axesFlag struct {
	names []string
	axes  map[string][]any
}

func (a *axesFlag) String() string { return "" }

// Set reads name=v1,v2,v3. List-valued hyperparameters (hidden_layers)
// separate their alternatives with ';' instead: hidden_layers=16;32,16.
func (a *axesFlag) Set(s string) error {
	name, list, ok := strings.Cut(s, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.TrimSpace(list) == "" {
		return fmt.Errorf("want name=value,value,... such as learning_rate=0.001,0.01,0.1")
	}
	if _, dup := a.axes[name]; dup {
		return fmt.Errorf("%s is given twice", name)
	}
	sep := ","
	if strings.Contains(list, ";") {
		sep = ";"
	}
	var vals []any
	for _, v := range strings.Split(list, sep) {
		if v = strings.TrimSpace(v); v != "" {
			vals = append(vals, v)
		}
	}
	if a.axes == nil {
		a.axes = map[string][]any{}
	}
	a.names = append(a.names, name)
	a.axes[name] = vals
	return nil
}

// sweepArgs is what a sweep needs beyond the data: demo fills it itself.
type sweepArgs struct {
	base       hparams.Values
	grid       axesFlag
	random     int
	vary       string
	searchSeed int64
	halving    int
	parallel   int
	shard      string
	shards     int
	shardFrom  string // the variable the shard came from, for the header
	sort       string
	table      string
	seeds      int
	search     string   // --search: tpe or random (model-based search instead of a list of trials)
	prune      string   // --prune: median or none
	searchN    int      // --trials: the search's number of trials
	space      dimsFlag // --space, repeated
	stack      bool     // --stack: train trials of one architecture in one graph
}

// dimsFlag collects repeated --space dimensions (training.ParseDim).
type dimsFlag []training.Dim

func (d *dimsFlag) String() string { return "" }

func (d *dimsFlag) Set(s string) error {
	dim, err := training.ParseDim(s)
	if err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "training: "))
	}
	*d = append(*d, dim)
	return nil
}

// addSweepFlags adds the flags of a sweep to c (sweep and slurm take them all).
func addSweepFlags(c *cli) *sweepArgs {
	a := &sweepArgs{}
	c.fs.Var(&a.grid, "grid", "an axis of the grid: name=v1,v2,... (repeat for more axes; list values use ';' between alternatives)")
	c.own["grid"] = true
	c.intVar(&a.random, "random", 0, "draw N random configurations: with --grid, N of the grid's points; without, over --vary within the declared ranges")
	c.stringVar(&a.vary, "vary", training.ParamLearningRate, "with --random: the hyperparameters to draw, comma-separated, within their declared ranges")
	c.fs.Int64Var(&a.searchSeed, "search-seed", 1, "with --random: the seed of the draw")
	c.own["search-seed"] = true
	c.intVar(&a.halving, "halving", 0, "successive halving: first rung of N epochs, keep the better half, double the epochs, up to --epochs")
	c.intVar(&a.parallel, "parallel", runtime.NumCPU(), "trials trained at the same time")
	c.boolVar(&a.stack, "stack", training.StackByDefault, "train the trials that share an architecture, batch size and epochs in one graph (small models train several times faster); --stack=false trains each alone")
	c.stringVar(&a.shard, "shard", "", "run only shard i of n (i/n, from 0/n): trial k belongs to shard k mod n")
	c.intVar(&a.shards, "shards", 0, "number of shards, the index coming from $JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or $SLURM_ARRAY_TASK_ID (Slurm job array; there the array gives the count too, and --shards may be left out)")
	c.stringVar(&a.sort, "sort", "best_loss", "sort the table by this column (-column for descending)")
	c.stringVar(&a.search, "search", "", "search instead of listing trials: tpe (Tree-structured Parzen Estimator) or random, over --space, for --trials trials; --search-seed seeds it")
	c.stringVar(&a.prune, "prune", "none", "with --search: median stops a trial whose validation loss after an epoch is worse than the median of earlier trials there; none trains every trial to the end")
	c.intVar(&a.searchN, "trials", 20, "with --search: the number of trials in all (stored ones included)")
	c.fs.Var(&a.space, "space", "with --search: a dimension, repeated: name (its declared range or choices), name=low:high, or name=a,b,c")
	c.own["space"] = true
	c.intVar(&a.seeds, "seeds", 1, "train every configuration over N seeds and add a table of mean ± s.d. per configuration")
	c.stringVar(&a.table, "table", "", "also export the results table to this file: "+tableExtensions)
	c.dataFlags("moons")
	c.storeFlags(defaultRuns, "write the HTML report (charts and table) to this file")
	c.hyperFlags()
	return a
}

func runSweep(ctx context.Context, c *cli, args []string, e *env) int {
	a := addSweepFlags(c)
	if code, stop := c.parseArgs(args, e); stop {
		return code
	}
	sw, err := a.build(c, e)
	if err != nil {
		return fail(e, c.name, err)
	}
	return executeSweep(ctx, c, a, sw, e, "Sweep")
}

// build checks the flags and prepares the sweep (without its callbacks).
func (a *sweepArgs) build(c *cli, e *env) (*training.Sweep, error) {
	base, err := c.values()
	if err != nil {
		return nil, err
	}
	a.base = base
	if a.parallel < 1 {
		return nil, usagef("--parallel=%d must be at least 1", a.parallel)
	}
	if a.table != "" {
		if _, err := tableFormat(a.table); err != nil {
			return nil, err
		}
	}
	shard, err := a.parseShard(e)
	if err != nil {
		return nil, err
	}
	if a.search != "" {
		return a.buildSearch(shard)
	}
	if len(a.space) > 0 || a.prune != "none" {
		return nil, usagef("--space and --prune go with --search tpe (or random)")
	}
	if err := a.checkSize(c.allowBig); err != nil {
		return nil, err
	}
	trials, err := a.trials()
	if err != nil {
		return nil, err
	}
	if a.seeds != 1 {
		if trials, err = training.SeedTrials(trials, a.seeds); err != nil {
			return nil, &usageError{err.Error()}
		}
	}
	if len(trials) > 0 {
		// A misspelt --sort is found now, not after the whole sweep.
		if err := training.CheckSort(a.sort, trials[0].Map()); err != nil {
			return nil, &usageError{oneSentence(err.Error())}
		}
	}
	sw := &training.Sweep{Trials: trials, Workers: a.parallel, Shard: shard}
	if !a.stack {
		sw.Options = append(sw.Options, training.NoStack())
	}
	if a.halving > 0 {
		if shard.Count > 1 {
			return nil, usagef("--halving compares all trials at each rung, so it cannot run with --shard or --shards")
		}
		sw.Halving = &training.Halving{MinEpochs: a.halving}
	}
	return sw, nil
}

// parseShard decides which shard of the trials this process runs: --shard
// i/n, or the job array's variables (clusterShard), or all of them.
func (a *sweepArgs) parseShard(e *env) (training.Shard, error) {
	if a.shard != "" {
		if a.shards != 0 {
			return training.Shard{}, usagef("give either --shard i/n or --shards n, not both")
		}
		s, err := training.ParseShard(a.shard)
		if err != nil {
			return s, usagef("--shard=%s is not a shard i/n with 0 ≤ i < n, such as 0/4", a.shard)
		}
		return s, nil
	}
	s, from, ok, err := clusterShard(e.getenv, a.shards)
	if err != nil || !ok {
		return s, err
	}
	a.shardFrom = from
	return s, nil
}

// checkSize refuses a grid or random search too large to list, before it
// is built: far above the trial limit (where listing alone is costly;
// just above it, guard gives the time estimate) unless --allow-large, and
// above the machine's memory always.
func (a *sweepArgs) checkSize(allow bool) error {
	n := a.random
	if len(a.grid.names) > 0 {
		n = max(n, hparams.GridSize(a.grid.axes))
	}
	if limit := 100 * training.DefaultLimits.MaxTrials; n > limit && !allow && (a.random == 0 || a.random > limit) {
		return usagef("the sweep has %d trials, far more than the %d a sweep runs without asking; use fewer values, or add --allow-large", n, training.DefaultLimits.MaxTrials)
	}
	if err := (training.Memory{Grid: training.EstimateMemory(training.MemorySizes{Trials: n}).Grid}).Check(); err != nil {
		return &usageError{oneSentence(err.Error())}
	}
	return nil
}

func (a *sweepArgs) trials() ([]hparams.Values, error) {
	switch {
	case a.random > 0 && len(a.grid.names) > 0:
		t, err := training.GridTrials(a.base, a.grid.axes)
		if err != nil {
			return nil, &usageError{oneSentence(err.Error())}
		}
		return training.SampleTrials(t, a.random, a.searchSeed), nil
	case a.random > 0:
		var names []string
		for _, n := range strings.Split(a.vary, ",") {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
		t, err := training.RandomTrials(a.base, a.random, a.searchSeed, names...)
		if err != nil {
			return nil, &usageError{oneSentence(err.Error())}
		}
		return t, nil
	case a.random < 0:
		return nil, usagef("--random=%d must be a positive number of trials", a.random)
	case len(a.grid.names) == 0:
		return nil, usagef("a sweep needs a search space: give --grid name=v1,v2 (repeatable) or --random N")
	}
	t, err := training.GridTrials(a.base, a.grid.axes)
	if err != nil {
		return nil, &usageError{oneSentence(err.Error())}
	}
	return t, nil
}

// executeSweep loads the data, checks the resource guard, runs the sweep
// with progress, prints the table and writes the report.
func executeSweep(ctx context.Context, c *cli, a *sweepArgs, sw *training.Sweep, e *env, title string) int {
	dataOpts, data, err := c.loadData(a.base)
	if err != nil {
		return fail(e, c.name, err)
	}
	sw.Data = data
	source, err := echartsSource(c.echarts)
	if err != nil {
		return fail(e, c.name, err)
	}
	mine := 0
	var owned []hparams.Values
	for i, v := range sw.Trials {
		if sw.Shard.Owns(i) {
			mine++
			owned = append(owned, v)
		}
	}
	if sw.Search != nil { // the guard judges the base; the trials vary only within the space
		for i := range sw.Search.Trials {
			if sw.Shard.Owns(i) {
				mine++
			}
		}
		owned = []hparams.Values{a.base}
	}
	if mine == 0 {
		fmt.Fprintf(e.stdout, "Shard %s has no trials: the sweep has only %d.\n", sw.Shard, len(sw.Trials))
		return exitOK
	}
	set := c.setup(a.parallel)
	if _, err := set.Guard(owned, data); err != nil {
		return fail(e, c.name, &usageError{oneSentence(err.Error())})
	}
	if c.runs == "" {
		return fail(e, c.name, usagef("a sweep records its trials in a run store; give --runs DIR"))
	}
	store, err := set.Store(dataOpts)
	if err != nil {
		return fail(e, c.name, err)
	}
	sw.Store = store
	label := trialLabeler(sw)
	p := newProgress(e.stdout)
	p.total = mine
	sw.OnTrial = func(ev training.TrialEvent) { p.trialEvent(ev, label(ev)) }
	sw.OnEpoch = p.epoch
	if !p.tty {
		p.every = max(1, a.base.Int(training.ParamEpochs)/5)
	}
	shardNote := ""
	if sw.Shard.Count > 1 {
		shardNote = fmt.Sprintf(", shard %s", sw.Shard)
		if a.shardFrom != "" {
			shardNote += " (from " + a.shardFrom + ")"
		}
	}
	fmt.Fprintf(e.stdout, "%s: %d trials%s on %s (%d training rows), %d at a time, runs in %s\n",
		title, mine, shardNote, c.dataset, data.Train.Len(), a.parallel, store.Root())
	res, runErr := sw.Run(ctx)
	p.finish()
	if res == nil {
		return fail(e, c.name, runErr)
	}
	if err := res.Sort(a.sort); err != nil {
		return fail(e, c.name, &usageError{err.Error()})
	}
	fmt.Fprintln(e.stdout)
	if err := res.WriteText(e.stdout); err != nil {
		return fail(e, c.name, err)
	}
	if a.seeds > 1 {
		fmt.Fprintf(e.stdout, "\nOver %d seeds (mean ± s.d.):\n", a.seeds)
		if err := res.WriteGroupsText(e.stdout); err != nil {
			return fail(e, c.name, err)
		}
	}
	if best, ok := bestSentence(res); ok {
		fmt.Fprintf(e.stdout, "\n%s\n", best)
	}
	if a.table != "" {
		if err := writeTable(res, a.table); err != nil {
			return fail(e, c.name, err)
		}
		fmt.Fprintf(e.stdout, "Results table: %s\n", a.table)
	}
	if c.out != "" {
		notes := []string{fmt.Sprintf("%d trials on %s (%d training rows)%s.", mine, c.dataset, data.Train.Len(), shardNote)}
		page, err := reportPage("hyperlab "+strings.ToLower(title), res, notes, source)
		if err != nil {
			return fail(e, c.name, err)
		}
		path, err := writePage(page, c.out)
		if err != nil {
			return fail(e, c.name, err)
		}
		fmt.Fprintf(e.stdout, "Report: %s\n", path)
	}
	if runErr != nil {
		return fail(e, c.name, runErr)
	}
	if n := failedTrials(res); n > 0 {
		fmt.Fprintf(e.stderr, "hyperlab %s: %d of %d trials failed (see the error column).\n", c.name, n, len(res.Rows))
		return exitFailure
	}
	if !anyFinished(res) {
		fmt.Fprintf(e.stderr, "hyperlab %s: no trial finished (see the status column).\n", c.name)
		return exitFailure
	}
	return exitOK
}

func failedTrials(res *training.Results) int {
	n := 0
	for _, r := range res.Rows {
		if r.Status == history.Failed {
			n++
		}
	}
	return n
}

func anyFinished(res *training.Results) bool {
	for _, r := range res.Rows {
		if r.Status == history.Finished || r.Status == training.Pruned {
			return true
		}
	}
	return false
}
