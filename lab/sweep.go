package lab

import (
	"context"
	"html"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/janpfeifer/gonb/gonbui"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// SweepResult is a finished sweep: training's table of trials (embedded:
// Rows, Best, Sort, WriteCSV, ...) and what the views need to draw it.
type SweepResult struct {
	*training.Results
	Spec    *hparams.Spec
	Dataset string
	store   string // the run-store directory of its dataset, relative to RunsDir (for Evidence)
}

// Grid trains every combination of axes (name → values) over base on the
// named dataset and shows the table of trials, the best one highlighted.
// Trials already in the run store are read back. A line under the cell
// counts the trials while they train. Trials that share an architecture
// train stacked in one graph unless NoStack is given (the only Option a
// sweep reads).
func Grid(base hparams.Values, dataset string, axes map[string][]any, opts ...Option) *SweepResult {
	trials, err := training.GridTrials(base, axes)
	Check(err)
	return sweep(base, dataset, trials, opts...)
}

// RandomSearch trains n configurations drawn over base (the named
// hyperparameters vary within their declared ranges, log-uniformly where
// declared log-scaled; the same seed draws the same trials) and shows the
// table of trials.
func RandomSearch(base hparams.Values, dataset string, n int, seed int64, names ...string) *SweepResult {
	trials, err := training.RandomTrials(base, n, seed, names...)
	Check(err)
	return sweep(base, dataset, trials)
}

func sweep(base hparams.Values, dataset string, trials []hparams.Values, opts ...Option) *SweepResult {
	return runShown(len(trials), func(ctx context.Context, onTrial func(training.TrialEvent)) (*SweepResult, error) {
		return SweepErr(ctx, base, dataset, trials, onTrial, opts...)
	})
}

// runShown runs a sweep or a search under Ctrl-C, with one line under the
// cell updated in place (training.Progress: trials done of total, best
// loss so far, time left), then shows the table.
func runShown(total int, run func(ctx context.Context, onTrial func(training.TrialEvent)) (*SweepResult, error)) *SweepResult {
	ctx, stop := signalContext()
	defer stop()
	progress := plotting.NewID()
	p := &training.Progress{Total: total}
	onTrial := func(ev training.TrialEvent) {
		p.Add(ev)
		if ev.Done && isNotebook() {
			gonbui.UpdateHTML(progress, "<p>"+html.EscapeString(p.String())+"</p>")
		}
	}
	res, err := run(ctx, onTrial)
	if isNotebook() {
		plotting.Show(plotting.Bundle{DisplayID: progress}) // the progress line goes away
	}
	Check(err)
	res.ShowTable()
	return res
}

// SweepErr trains trials on the named dataset, using the run store, and
// returns the results; onTrial (may be nil) hears each trial start and end.
// Of opts, a sweep reads NoStack.
func SweepErr(ctx context.Context, base hparams.Values, dataset string, trials []hparams.Values, onTrial func(training.TrialEvent), opts ...Option) (*SweepResult, error) {
	set := Setup{Dataset: dataset, Runs: RunsDir(), Workers: sweepWorkers()}
	prep, err := set.Prepare(base, trials...)
	if err != nil {
		return nil, err
	}
	split, store := prep.Data, prep.Store
	s := &training.Sweep{Trials: trials, Data: split, Store: store, OnTrial: onTrial}
	if settingsOf(opts).noStack {
		s.Options = append(s.Options, training.NoStack())
	}
	res, err := s.Run(ctx)
	if err != nil {
		return nil, err
	}
	return &SweepResult{Results: res, Spec: base.Spec(), Dataset: dataset, store: DataKey(dataset, prep.Options)}, nil
}

// ShowTable shows the trials, the best one highlighted, and names it,
// without the seconds each took: a wall-clock time would change the saved
// notebook at every run (Rows[i].Seconds holds it; Summary shows seconds
// per epoch for runs that differ in batch size, the tutorial about time).
func (s *SweepResult) ShowTable() {
	res := s.Results.Untimed()
	var b strings.Builder
	Check(res.WriteHTML(&b))
	var t strings.Builder
	Check(res.WriteText(&t))
	best := s.BestSummary()
	Display(b.String()+paragraph("", best), t.String()+best+"\n")
}

// BestSummary says which trial was best and what it reached.
func (s *SweepResult) BestSummary() string {
	best, ok := s.Best()
	if !ok {
		return i18n.Tf("None of the %d trials finished with a finite loss.", len(s.Rows))
	}
	acc := ""
	if finite(best.ValAccuracy) {
		acc = i18n.Tf(", validation accuracy %.1f%%", 100*best.ValAccuracy)
	}
	return i18n.Tf("Best of %d trials: %s (best validation loss %s at epoch %d%s).",
		len(s.Rows), strings.Join(hparams.Pairs(best.Values, s.Names), ", "), num(best.BestLoss), best.BestEpoch, acc)
}

// trials is the sweep views' data of s over its varied hyperparameters,
// and their options.
func (s *SweepResult) trials() ([]plotting.Trial, plotting.SweepOptions) {
	return SweepTrials(s.Rows, s.Names), SweepOptions(s.Spec)
}

// ShowSlice shows each trial's best validation loss against one
// hyperparameter (a log axis when it is declared log-scaled).
func (s *SweepResult) ShowSlice(param string) {
	t, o := s.trials()
	show(plotting.Slice(t, param, o))
}

// ShowHeatmap shows the best validation loss over two hyperparameters.
func (s *SweepResult) ShowHeatmap(x, y string) {
	t, o := s.trials()
	show(plotting.Heatmap(t, x, y, o))
}

// ShowHeatmapIn is ShowHeatmap with the colour scale anchored to lo…hi
// (widened where a cell lies outside), so that a few thousandths between
// cells do not look as far apart as chance and perfect: for a loss of k
// classes, 0 and ln k.
func (s *SweepResult) ShowHeatmapIn(x, y string, lo, hi float64) {
	t, o := s.trials()
	o.ColorRange = [2]float64{lo, hi}
	show(plotting.Heatmap(t, x, y, o))
}

// ShowParallel shows every trial as a line across the varied
// hyperparameters and the best validation loss.
func (s *SweepResult) ShowParallel() {
	t, o := s.trials()
	show(plotting.Parallel(t, o))
}
