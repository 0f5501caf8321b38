package evidence

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/history"
)

// Group is one configuration trained over several seeds.
type Group struct {
	// Label names the group in the verdict; callers label groups by the
	// hyperparameters that differ between them.
	Label string `json:"label"`
	// LabelZh is the label in the Chinese sentence, when the group has a
	// name of its own in each language (e.g. "step" and "阶梯").
	LabelZh string `json:"label_zh,omitempty"`
	// Values are the hyperparameters the runs share (the seed excluded),
	// kept in the saved claim for the reader.
	Values map[string]any `json:"values,omitempty"`
	Runs   []Run          `json:"runs"`
}

// Run is one seed of a group: where its history is stored, so that a saved
// verdict can be recomputed, and the history itself (not saved).
type Run struct {
	Seed    int64            `json:"seed"`
	Store   string           `json:"store,omitempty"` // run-store directory, relative to the runs root
	ID      string           `json:"id,omitempty"`    // run ID in that store
	History *history.History `json:"-"`
}

// NewGroup is a group of the given histories, one per seed, seeds counted
// from 1; for groups read back from a run store fill Runs yourself.
func NewGroup(label string, runs ...*history.History) Group {
	g := Group{Label: label}
	for i, h := range runs {
		g.Runs = append(g.Runs, Run{Seed: int64(i + 1), History: h})
	}
	return g
}

// histories returns the runs' histories and an error naming a missing one.
func (g Group) histories() ([]*history.History, error) {
	out := make([]*history.History, len(g.Runs))
	for i, r := range g.Runs {
		if r.History == nil {
			return nil, fmt.Errorf("evidence: group %q: seed %d has no history; load it from the run store first", g.Label, r.Seed)
		}
		out[i] = r.History
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("evidence: group %q has no runs; train it over seeds first", g.Label)
	}
	return out, nil
}

// At says which number of a run's epochs a Measure takes.
type At string

// The points of a run a Measure can take.
const (
	Final At = "final" // the last epoch
	Best  At = "best"  // the best epoch: lowest (highest for an accuracy)
	Mean  At = "mean"  // the mean over epochs (e.g. seconds per epoch)
)

// StepLoss is the Series of an oscillation claim that reads the per-step
// training loss instead of a per-epoch metric.
const StepLoss history.Metric = "step_loss"

// Measure turns one run into one number: Metric (minus Minus, when set:
// the train/validation gap is {ValLoss, TrainLoss}) at a point of the run.
type Measure struct {
	Metric history.Metric `json:"metric"`
	Minus  history.Metric `json:"minus,omitempty"`
	At     At             `json:"at"`
}

// Gap is the validation loss minus the training loss at the last epoch.
func Gap() Measure { return Measure{Metric: history.ValLoss, Minus: history.TrainLoss, At: Final} }

// Of returns the measure of h (NaN when it does not apply).
func (m Measure) Of(h *history.History) float64 {
	if h == nil || len(h.Epochs) == 0 {
		return math.NaN()
	}
	val := func(e history.Epoch) float64 {
		v := m.Metric.Of(e)
		if m.Minus != "" {
			v -= m.Minus.Of(e)
		}
		return v
	}
	switch m.At {
	case Best:
		best := math.NaN()
		for _, e := range h.Epochs {
			v := val(e)
			if history.Finite(v) && (math.IsNaN(best) || (m.lowerIsBetter() && v < best) || (!m.lowerIsBetter() && v > best)) {
				best = v
			}
		}
		return best
	case Mean:
		xs := make([]float64, len(h.Epochs))
		for i, e := range h.Epochs {
			xs[i] = val(e)
		}
		return history.Summarize(xs).Mean
	default:
		return val(h.Epochs[len(h.Epochs)-1])
	}
}

func (m Measure) lowerIsBetter() bool { return m.Minus != "" || m.Metric.LowerIsBetter() }

// check names what is wrong with m.
func (m Measure) check() error {
	if err := m.Metric.Check(); err != nil {
		return fmt.Errorf("evidence: %w", err)
	}
	if m.Minus != "" {
		if err := m.Minus.Check(); err != nil {
			return fmt.Errorf("evidence: %w", err)
		}
	}
	switch m.At {
	case Final, Best, Mean:
		return nil
	}
	return fmt.Errorf("evidence: a measure's At is %q; use %q, %q or %q", m.At, Final, Best, Mean)
}

// Stat returns the measure over the group's seeds.
func (m Measure) Stat(g Group) (history.Stat, error) {
	xs, err := m.seeds(g)
	if err != nil {
		return history.Stat{}, err
	}
	return history.Summarize(xs), nil
}

// seeds returns the measure of each of the group's seeds, in order.
func (m Measure) seeds(g Group) ([]float64, error) {
	hs, err := g.histories()
	if err != nil {
		return nil, err
	}
	xs := make([]float64, len(hs))
	for i, h := range hs {
		xs[i] = m.Of(h)
	}
	return xs, nil
}
