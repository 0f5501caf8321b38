package plotting

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/hyperlab-go/hyperlab/history"
)

// Metric names a per-epoch number of a history.Epoch; it is history's
// Metric, so charts, tables and verdicts name metrics one way.
type Metric = history.Metric

// The metrics of a history.Epoch (see history.Metric).
const (
	TrainLoss     = history.TrainLoss
	ValLoss       = history.ValLoss
	ValAccuracy   = history.ValAccuracy
	ValError      = history.ValError
	TrainAccuracy = history.TrainAccuracy
	LearningRate  = history.LearningRate
	Seconds       = history.Seconds
	TrainPenalty  = history.TrainPenalty
	ValPenalty    = history.ValPenalty
)

// Metrics lists every Metric, in the order tooltips show them.
var Metrics = history.Metrics

// checkMetric returns an error naming m when it is not one of Metrics.
func checkMetric(m Metric) error {
	if err := m.Check(); err != nil {
		return fmt.Errorf("plotting: %w", err)
	}
	return nil
}

// runsMetric is the metric a chart of runs shows: m when set, else the
// validation loss, or the training loss when no run has a finite
// validation loss. It returns an error naming m when m is not one of
// Metrics.
func runsMetric(runs []Run, m Metric) (Metric, error) {
	if m == "" {
		m = ValLoss
		if !anyFinite(runs, ValLoss) {
			m = TrainLoss
		}
	}
	return m, checkMetric(m)
}

// anyFinite reports whether any epoch of runs has a finite value of m.
func anyFinite(runs []Run, m Metric) bool {
	for _, r := range runs {
		if r.History == nil {
			continue
		}
		for _, e := range r.History.Epochs {
			if history.Finite(m.Of(e)) {
				return true
			}
		}
	}
	return false
}

// present returns the metrics with at least one finite value in epochs.
func present(epochs []history.Epoch) []Metric {
	var out []Metric
	for _, m := range Metrics {
		for _, e := range epochs {
			// A penalty of 0 is no regularization: not worth a line.
			if history.Finite(m.Of(e)) && !(isPenalty(m) && m.Of(e) == 0) {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// untilDivergence returns the epochs before the first one whose training
// loss is not finite, and whether it cut any.
func untilDivergence(epochs []history.Epoch) ([]history.Epoch, bool) {
	for i, e := range epochs {
		if !history.Finite(e.TrainLoss) {
			return epochs[:i], true
		}
	}
	return epochs, false
}

func isPenalty(m Metric) bool { return m == TrainPenalty || m == ValPenalty }

// label is the name of m as a reader sees it, in the language in effect.
func label(m Metric) string { return i18n.T(m.Label()) }
