package lab

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// Run is one trained model as a notebook sees it: the History of its epochs
// (embedded, so run.Epochs and run.Best() work), the hyperparameters it was
// trained with and the data it was trained on.
type Run struct {
	*history.History
	Values  hparams.Values
	Dataset string         // the dataset's name, as given to Train
	Data    datasets.Split // the split it trained on
	Label   string         // legend label; empty means one built from the differing hyperparameters
	Reused  bool           // read back from the run store instead of trained
	Seconds float64        // wall time of this call

	// Boundary and Weights are filled when asked for with the options of
	// the same names.
	Boundary *training.Boundary
	Weights  *training.Weights

	// Group is set when the run was trained with Seeds(n): the n seeds of
	// its configuration, this run being the first. Compare draws groups.
	Group *Group
}

// Option tunes Train.
type Option func(*settings)

type settings struct {
	quiet    bool
	label    string
	title    string
	logY     bool
	noCache  bool
	data     *datasets.Options
	runs     *string
	boundary int
	weights  bool

	allowLarge bool // see AllowLarge
	seeds      int  // see Seeds
	noStack    bool // see NoStack

	labelEn, labelZh string // see Labels
}

// settingsOf applies opts to fresh settings.
func settingsOf(opts []Option) *settings {
	s := &settings{}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Quiet trains without a live chart or summary line, for a later Compare.
func Quiet() Option { return func(s *settings) { s.quiet = true } }

// Label names the run in legends and tables.
func Label(label string) Option { return func(s *settings) { s.label = label } }

// Labels names the run in both languages: legends and tables show the one
// of the language in effect (as Text picks), and a verdict on a group
// trained with Seeds writes en in its English sentence and zh in its
// Chinese one.
func Labels(en, zh string) Option {
	return func(s *settings) { s.label, s.labelEn, s.labelZh = Text(en, zh), en, zh }
}

// Title sets the title of the live chart.
func Title(title string) Option { return func(s *settings) { s.title = title } }

// LogY draws the loss on a logarithmic axis.
func LogY() Option { return func(s *settings) { s.logY = true } }

// NoCache trains again even when the run store holds this run.
func NoCache() Option { return func(s *settings) { s.noCache = true } }

// NoStack trains the seeds of Seeds, and the trials of Grid, GridSeeds and
// SweepErr, one after the other instead of in one graph (see
// training.RunStack): the numbers are the same within float32 rounding;
// stacking is only faster.
func NoStack() Option { return func(s *settings) { s.noStack = true } }

// Data sets the dataset options, replacing the defaults and the Values'
// data_* hyperparameters.
func Data(o datasets.Options) Option { return func(s *settings) { s.data = &o } }

// Runs stores runs under dir instead of RunsDir(); "" stores nothing.
func Runs(dir string) Option { return func(s *settings) { s.runs = &dir } }

// Boundary computes the decision boundary over a steps×steps grid after
// training (2-D classification sets only), for ShowBoundaries.
func Boundary(steps int) Option { return func(s *settings) { s.boundary = steps } }

// Weights keeps every layer's weights before and after training, for
// ShowWeights.
func Weights() Option { return func(s *settings) { s.weights = true } }

// Train trains a model with the hyperparameters v on the named dataset
// (see datasets.Names: "moons", "spirals", "mnist", ...) and returns the
// run. In a notebook it shows the loss per epoch under the cell, updated
// every epoch, and ends with the final chart and a line of numbers.
//
// A run with the same hyperparameters (seed included) on the same data
// that is already in the run store (see RunsDir) is read back instead of
// trained again, so a re-run cell is instant. A diverged run is a result,
// not an error. On a mistake (an unknown dataset, a batch larger than the
// data) the cell ends with one sentence, as Check does; TrainErr returns
// the error instead.
func Train(v hparams.Values, dataset string, opts ...Option) *Run {
	return inCell(func(ctx context.Context) (*Run, error) { return TrainErr(ctx, v, dataset, opts...) })
}

// TrainErr is Train for Go code: it returns the error.
func TrainErr(ctx context.Context, v hparams.Values, dataset string, opts ...Option) (*Run, error) {
	s := settingsOf(opts)
	if v.Spec() == nil {
		return nil, fmt.Errorf("lab: Train got empty hyperparameters; pass hp.Values() or training.Spec.Defaults()")
	}
	if s.seeds > 1 || s.seeds < 0 {
		return trainSeeds(ctx, v, dataset, s, opts)
	}
	root := RunsDir()
	if s.runs != nil {
		root = *s.runs
	}
	set := Setup{Dataset: dataset, Data: s.data, Runs: root, AllowLarge: s.allowLarge}
	prep, err := set.Prepare(v)
	if err != nil {
		return nil, err
	}
	split, store, plan := prep.Data, prep.Store, prep.Plans[0]
	r := &Run{Values: v, Dataset: dataset, Data: split, Label: s.label}
	var topts []training.Option
	if store != nil {
		topts = append(topts, training.Store(store))
	}
	if s.noCache {
		topts = append(topts, training.NoCache())
	}
	if s.boundary > 0 {
		r.Boundary = &training.Boundary{}
		topts = append(topts, training.DecisionBoundary(r.Boundary, s.boundary))
	}
	if s.weights {
		r.Weights = &training.Weights{}
		topts = append(topts, training.WeightSnapshots(r.Weights))
	}
	trained := false
	topts = append(topts, training.OnEpoch(func(history.Epoch) { trained = true }))
	var live *plotting.Live
	lossOpts := plotting.LossOptions{Title: s.title, LogY: s.logY}
	if lossOpts.Title == "" { // two single-run charts must say which run each is
		lossOpts.Title = i18n.T("Loss per epoch") + " · " + changedText(v)
	}
	if !s.quiet && isNotebook() {
		live = plotting.NewLive(plotting.LiveOptions{Loss: lossOpts})
		topts = append(topts, training.OnEpoch(live.Epoch))
	}
	start := time.Now()
	h, err := plan.Run(ctx, topts...)
	r.Seconds = time.Since(start).Seconds()
	if h == nil {
		h = &history.History{Status: history.Failed}
	}
	r.History = h
	r.Reused = !trained && len(h.Epochs) > 0
	if s.quiet {
		return r, err
	}
	if live != nil {
		if derr := live.Done(h); derr != nil && err == nil {
			err = derr
		}
	}
	if err == nil {
		showSentence("hyperlab-run", r.Summary())
	}
	return r, err
}

// Summary is one line of numbers about the run: its status, epochs, final
// losses and accuracy, and where it came from.
func (r *Run) Summary() string {
	if r == nil || r.History == nil {
		return i18n.T("no run")
	}
	last, ok := r.Last()
	if !ok {
		return i18n.Tf("%s: %s before the first epoch ended. %s", r.Dataset, i18n.T(string(r.Status)), r.Err)
	}
	s := i18n.Tf("%s, %s: %s after %d epochs of %d steps: training loss %s, validation loss %s",
		r.Dataset, changedText(r.Values), i18n.T(string(r.Status)), last.Epoch, last.Steps, num(last.TrainLoss), num(last.ValLoss))
	if finite(last.ValAccuracy) {
		s += i18n.Tf(", validation accuracy %.1f%%", 100*last.ValAccuracy)
	}
	if r.Status == history.Diverged {
		s += " (" + r.Err + ")"
	}
	if r.Reused {
		return s + i18n.T("; read back from the run store.")
	}
	// No wall-clock time: it would change the saved notebook at every run
	// (r.Seconds holds it for the cells that are about time).
	return s + i18n.T("; trained in this cell.")
}

// changedText names the values of v that differ from their defaults
// ("learning_rate=0.3, epochs=7"), or says "defaults".
func changedText(v hparams.Values) string {
	names := v.Changed()
	if len(names) == 0 {
		return i18n.T("defaults")
	}
	return strings.Join(hparams.Pairs(v.Map(), names), ", ")
}

// plottingRun is the run as the charts of several runs see it.
func (r *Run) plottingRun() plotting.Run {
	return plotting.Run{Label: r.Label, Values: r.Values.Map(), History: r.History}
}

// Set returns v with name set to value; a value the declaration does not
// allow ends the cell with one sentence, as Check does.
func Set(v hparams.Values, name string, value any) hparams.Values {
	out, err := v.With(name, value)
	Check(err)
	return out
}
