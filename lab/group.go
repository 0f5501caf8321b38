package lab

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/hyperlab-go/hyperlab/evidence"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
	"github.com/janpfeifer/gonb/gonbui"
)

// Seeds trains the configuration over n seeds (its seed, seed+1, …) instead
// of one: Train returns the first seed's run with Group set to all n, and
// shows their mean with a band instead of one curve. Each seed is its own
// run in the store, so adding seeds later trains only the new ones.
func Seeds(n int) Option { return func(s *settings) { s.seeds = n } }

// Group is one configuration trained over several seeds.
type Group struct {
	Runs    []*Run // one per seed, in seed order
	Label   string // legend label; empty means one built from the differing hyperparameters
	Dataset string
	store   string // the run-store directory of its dataset, relative to RunsDir

	labelEn, labelZh string // the label in each language, for verdicts (see Labels)
}

// TrainSeeds trains v over n seeds on the named dataset and returns the
// group; Train(v, dataset, Seeds(n)).Group is the same.
func TrainSeeds(v hparams.Values, dataset string, n int, opts ...Option) *Group {
	r := Train(v, dataset, append(opts, Seeds(n))...)
	if r.Group == nil { // n == 1
		return &Group{Runs: []*Run{r}, Label: r.Label, Dataset: dataset}
	}
	return r.Group
}

// trainSeeds is TrainErr over s.seeds seeds: each seed trains quietly,
// then the group shows its band chart and summary.
func trainSeeds(ctx context.Context, v hparams.Values, dataset string, s *settings, opts []Option) (*Run, error) {
	vs, err := training.Seeds(v, s.seeds)
	if err != nil {
		return nil, err
	}
	g := &Group{Label: s.label, Dataset: dataset, store: DataKey(dataset, dataOptions(dataset, v, s.data)), labelEn: s.labelEn, labelZh: s.labelZh}
	one := append(append([]Option{}, opts...), Seeds(1), Quiet())
	progress := ""
	if !s.quiet && isNotebook() { // a line under the cell while the seeds train
		progress = plotting.NewID()
		defer gonbui.UpdateHTML(progress, "")
	}
	if !s.noStack && s.boundary == 0 && !s.weights {
		if progress != "" {
			gonbui.UpdateHTML(progress, fmt.Sprintf("<p>%d seeds training…</p>", len(vs)))
		}
		if err := trainStacked(ctx, vs, dataset, s, g); err != nil {
			return firstRun(g), err
		}
	} else {
		for i, sv := range vs {
			if progress != "" {
				gonbui.UpdateHTML(progress, fmt.Sprintf("<p>seed %d of %d training…</p>", i+1, len(vs)))
			}
			r, err := TrainErr(ctx, sv, dataset, one...)
			if err != nil {
				return r, err
			}
			r.Group = g
			g.Runs = append(g.Runs, r)
		}
	}
	if !s.quiet {
		c, err := plotting.Band([]plotting.Group{g.plotting("")}, plotting.BandOptions{LogY: s.logY, Title: s.title})
		if err != nil {
			return g.Runs[0], err
		}
		show(c)
		line := g.Summary()
		showSentence("hyperlab-run", line)
	}
	return g.Runs[0], nil
}

// trainStacked trains the seeds vs in one graph (training.RunPlans), as
// TrainErr would one by one, and adds their runs to g.
func trainStacked(ctx context.Context, vs []hparams.Values, dataset string, s *settings, g *Group) error {
	root := RunsDir()
	if s.runs != nil {
		root = *s.runs
	}
	set := Setup{Dataset: dataset, Data: s.data, Runs: root, AllowLarge: s.allowLarge}
	prep, err := set.Prepare(vs[0], vs...)
	if err != nil {
		return err
	}
	trained := make([]bool, len(vs))
	opts := make([][]training.Option, len(vs))
	for i := range vs {
		if prep.Store != nil {
			opts[i] = append(opts[i], training.Store(prep.Store))
		}
		if s.noCache {
			opts[i] = append(opts[i], training.NoCache())
		}
		opts[i] = append(opts[i], training.OnEpoch(func(history.Epoch) { trained[i] = true }))
	}
	start := time.Now()
	hs, errs := training.RunPlans(ctx, prep.Plans, opts)
	seconds := time.Since(start).Seconds() / float64(len(vs))
	for i, h := range hs {
		if h == nil {
			h = &history.History{Status: history.Failed}
		}
		r := &Run{Values: vs[i], Dataset: dataset, Data: prep.Data, Label: s.label, History: h, Seconds: seconds, Group: g,
			Reused: !trained[i] && len(h.Epochs) > 0}
		g.Runs = append(g.Runs, r)
		if errs[i] != nil {
			return errs[i]
		}
	}
	return nil
}

// firstRun is the group's first run, or nil.
func firstRun(g *Group) *Run {
	if len(g.Runs) == 0 {
		return nil
	}
	return g.Runs[0]
}

// Values returns the hyperparameters of the group's first seed.
func (g *Group) Values() hparams.Values { return g.Runs[0].Values }

// Histories returns each seed's history.
func (g *Group) Histories() []*history.History {
	out := make([]*history.History, 0, len(g.Runs))
	for _, r := range g.Runs {
		out = append(out, r.History)
	}
	return out
}

// Curve is metric m per epoch over the seeds: mean, s.d., min and max.
func (g *Group) Curve(m history.Metric) history.Curve { return history.MeanCurve(g.Histories(), m) }

// Best returns the best epoch of the seed-mean validation loss and its
// Stat over seeds (see training.Group.Best).
func (g *Group) Best() (epoch int, s history.Stat, ok bool) {
	return (&training.Group{Runs: g.Histories()}).Best()
}

// Final returns metric m at each seed's last epoch, summarised.
func (g *Group) Final(m history.Metric) history.Stat {
	return (&training.Group{Runs: g.Histories()}).Final(m)
}

// Summary is one line about the group: seeds, final losses and accuracy as
// mean ± s.d., and the best epoch of the mean.
func (g *Group) Summary() string {
	if g == nil || len(g.Runs) == 0 {
		return i18n.T("no runs")
	}
	s := i18n.Tf("%s, %d seeds: training loss %s, validation loss %s", g.Dataset, len(g.Runs),
		training.MeanSD(g.Final(history.TrainLoss)), training.MeanSD(g.Final(history.ValLoss)))
	if acc := g.Final(history.ValAccuracy); acc.N > 0 {
		s += i18n.Tf(", validation accuracy %s", training.MeanSD(acc))
	}
	if e, best, ok := g.Best(); ok {
		s += i18n.Tf("; best epoch of the mean %d (validation loss %s)", e, training.MeanSD(best))
	}
	if n := g.diverged(); n > 0 {
		s += i18n.Tf("; %d of %d seeds diverged", n, len(g.Runs))
	}
	return s + i18n.T(".")
}

func (g *Group) diverged() int {
	n := 0
	for _, r := range g.Runs {
		if r.Status == history.Diverged {
			n++
		}
	}
	return n
}

// sharedValues is the group's hyperparameters without the seed.
func (g *Group) sharedValues() map[string]any {
	m := g.Values().Map()
	delete(m, training.ParamSeed)
	return m
}

// plotting is the group as the band chart sees it; label overrides the
// group's own.
func (g *Group) plotting(label string) plotting.Group {
	if label == "" {
		label = g.Label
	}
	return plotting.Group{Label: label, Values: g.sharedValues(), Runs: g.Histories()}
}

// groupLabels labels groups by the hyperparameters that differ between
// them (plotting.Labels, the one home of that rule), or their own Label.
func groupLabels(groups []*Group) []string {
	runs := make([]plotting.Run, len(groups))
	for i, g := range groups {
		runs[i] = plotting.Run{Label: g.Label, Values: g.sharedValues()}
	}
	return plotting.Labels(runs)
}

// groupsOf returns the groups of runs trained with Seeds, and false when
// any run has none.
func groupsOf(runs []*Run) ([]*Group, bool) {
	var out []*Group
	for _, r := range runs {
		if r == nil || r.Group == nil {
			return nil, false
		}
		out = append(out, r.Group)
	}
	return out, len(out) > 0
}

// CompareGroups draws each group's seed mean with a min–max band, labelled
// by the hyperparameters that differ, and shows GroupSummary below.
// Compare does this for runs trained with Seeds.
func CompareGroups(groups ...*Group) {
	CompareGroupsBy(plotting.BandOptions{}, groups...)
}

// CompareGroupsBy is CompareGroups with options: another metric, a ±1 s.d.
// band, a log axis, a title.
func CompareGroupsBy(o plotting.BandOptions, groups ...*Group) {
	c, err := BandChart(o, groups...)
	Check(err)
	show(c)
	GroupSummary(groups...).Show()
}

// BandChart returns CompareGroups' chart.
func BandChart(o plotting.BandOptions, groups ...*Group) (*plotting.Chart, error) {
	labels := groupLabels(groups)
	pg := make([]plotting.Group, len(groups))
	for i, g := range groups {
		pg[i] = g.plotting(labels[i])
	}
	return plotting.Band(pg, o)
}

// GroupSummary tabulates groups, one row each, as mean ± s.d. over seeds:
// final training and validation loss, their gap, the best validation loss
// of each seed (its own minimum: what a verdict "at best" compares), the
// best epoch of the mean validation curve and the seeds' validation loss
// there, the final validation accuracy, and how many seeds diverged.
func GroupSummary(groups ...*Group) Table {
	bestVal := evidence.Measure{Metric: history.ValLoss, At: evidence.Best} // what a verdict at best compares
	labels := groupLabels(groups)
	t := Table{Caption: i18n.T("mean ± s.d. over seeds"), Header: i18n.Ts("group", "seeds", "train loss", "val loss", "gap (val−train)",
		"best val loss", "best epoch of the mean", "val loss there", "val accuracy", "diverged")}
	for i, g := range groups {
		gap, own := make([]float64, len(g.Runs)), make([]float64, len(g.Runs))
		for k, r := range g.Runs {
			gap[k] = nan()
			if last, ok := r.Last(); ok {
				gap[k] = last.ValLoss - last.TrainLoss
			}
			own[k] = bestVal.Of(r.History)
		}
		row := []string{labels[i], fmt.Sprint(len(g.Runs)), training.MeanSD(g.Final(history.TrainLoss)),
			training.MeanSD(g.Final(history.ValLoss)), training.MeanSD(history.Summarize(gap)),
			training.MeanSD(history.Summarize(own)), "–", "–",
			training.MeanSD(g.Final(history.ValAccuracy)), fmt.Sprint(g.diverged())}
		if e, best, ok := g.Best(); ok {
			row[6], row[7] = fmt.Sprint(e), training.MeanSD(best)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// signalContext is the context of a cell: cancelled by an interrupt.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// inCell runs f in a cell's context (cancelled by an interrupt) and ends
// the cell on its error, as Check does: the body of each facade call whose
// ...Err twin does the work.
func inCell[T any](f func(context.Context) (T, error)) T {
	ctx, stop := signalContext()
	defer stop()
	r, err := f(ctx)
	Check(err)
	return r
}
