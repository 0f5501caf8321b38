package lab

import (
	"context"
	"fmt"
	"strings"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// Search runs a model-based search (training.Search: TPE by default, and
// the median pruner when s.Pruner says so) over base on the named
// dataset, and shows the table of trials; s.Base is set to base. Trials
// already in the run store are replayed into the search rather than
// trained again, so a search cut short goes on where it stopped. A line
// under the cell says how many trials are done, the best loss so far and
// the time left.
func Search(base hparams.Values, dataset string, s training.Search) *SweepResult {
	return runShown(s.Trials, func(ctx context.Context, onTrial func(training.TrialEvent)) (*SweepResult, error) {
		return SearchErr(ctx, base, dataset, s, onTrial)
	})
}

// SearchErr is Search for Go code: no display, the error returned.
func SearchErr(ctx context.Context, base hparams.Values, dataset string, s training.Search, onTrial func(training.TrialEvent)) (*SweepResult, error) {
	s.Base = base
	set := Setup{Dataset: dataset, Runs: RunsDir(), Workers: sweepWorkers()}
	if s.Seed != 0 {
		// A seeded search repeats only one trial at a time: with more, what
		// the study proposes next depends on which trial finishes first.
		set.Workers = 1
	}
	// The guard judges the base: the search's trials differ from it only
	// within the space.
	prep, err := set.Prepare(base)
	if err != nil {
		return nil, err
	}
	sw := &training.Sweep{Search: &s, Data: prep.Data, Store: prep.Store, Workers: set.Workers, OnTrial: onTrial}
	res, err := sw.Run(ctx)
	if err != nil {
		return nil, err
	}
	return &SweepResult{Results: res, Spec: base.Spec(), Dataset: dataset, store: DataKey(dataset, prep.Options)}, nil
}

// Importance is the share of the best validation loss's variance each
// varied hyperparameter explains (training.Results.Importance: fANOVA on
// a random forest).
func (s *SweepResult) Importance() ([]training.Importance, error) {
	return s.Results.Importance(s.Spec, 1)
}

// ImportanceChart is the bar chart of Importance, its method stated.
func (s *SweepResult) ImportanceChart() (*plotting.Chart, error) {
	imp, err := s.Importance()
	if err != nil {
		return nil, err
	}
	return ImportanceChart(imp), nil
}

// ImportanceChart draws importances as plotting.Importance does, the
// method named (as lab and `hyperlab report` show it).
func ImportanceChart(imp []training.Importance) *plotting.Chart {
	bars := make([]plotting.ImportanceBar, len(imp))
	for i, x := range imp {
		bars[i] = plotting.ImportanceBar{Name: x.Name, Share: x.Share}
	}
	return plotting.Importance(bars, i18n.T(training.ImportanceMethod))
}

// ShowImportance shows the importance chart and a line naming the most
// important hyperparameters.
func (s *SweepResult) ShowImportance() {
	imp, err := s.Importance()
	Check(err)
	show(ImportanceChart(imp))
	msg := ImportanceSummary(imp)
	showSentence("", msg)
}

// ImportanceSummary lists the shares in words: "learning_rate explains
// 81% of the variance of the best validation loss, dropout_rate 12%, …".
func ImportanceSummary(imp []training.Importance) string {
	if len(imp) == 0 {
		return i18n.T("No hyperparameter varies, so none has an importance.")
	}
	parts := make([]string, len(imp))
	for i, x := range imp {
		parts[i] = fmt.Sprintf("%s %.0f%%", x.Name, 100*x.Share)
	}
	return i18n.Tf("Share of the variance of the best validation loss each hyperparameter explains on its own: %s (%s).",
		strings.Join(parts, ", "), i18n.T(training.ImportanceMethod))
}

// ShowLinked shows the sweep's views linked: every trial's loss curves,
// parallel coordinates, a heatmap over the first two varied
// hyperparameters and the table (plotting.LinkedSweep). Brushing an axis
// or clicking heatmap cells picks trials, whose curves and rows then stand
// out; hovering a trial highlights it everywhere.
func (s *SweepResult) ShowLinked() { s.showLinked(SweepOptions(s.Spec)) }

// ShowLinkedIn is ShowLinked with the heatmap's colour scale anchored to
// lo…hi, as ShowHeatmapIn anchors the heatmap's: for a loss of k classes,
// 0 and ln k.
func (s *SweepResult) ShowLinkedIn(lo, hi float64) {
	o := SweepOptions(s.Spec)
	o.ColorRange = [2]float64{lo, hi}
	s.showLinked(o)
}

func (s *SweepResult) showLinked(o plotting.SweepOptions) {
	res := s.Results.Untimed() // no wall-clock seconds in a saved notebook (see ShowTable)
	l, err := LinkedSweep(res, s.Names, o)
	Check(err)
	var t strings.Builder
	Check(res.WriteText(&t))
	if !isNotebook() {
		Display("", t.String())
		return
	}
	// A bundle with its image, as every chart's: the HTML alone would
	// leave viewers that choose by MIME type (an untrusted notebook) blank.
	b, err := l.Output()
	Check(err)
	b.Text = t.String()
	plotting.Show(b)
}
