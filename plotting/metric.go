package plotting

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/history"
)

// Metric names a per-epoch number of a history.Epoch. Its values are the
// JSON names of the Epoch fields.
type Metric string

// The metrics of a history.Epoch.
const (
	TrainLoss     Metric = "train_loss"
	ValLoss       Metric = "val_loss"
	ValAccuracy   Metric = "val_accuracy"
	ValError      Metric = "val_error"
	TrainAccuracy Metric = "train_accuracy"
	LearningRate  Metric = "learning_rate"
	Seconds       Metric = "seconds"
)

// Metrics lists every Metric, in the order tooltips show them.
var Metrics = []Metric{TrainLoss, ValLoss, TrainAccuracy, ValAccuracy, ValError, LearningRate, Seconds}

// Of returns the metric's value in e (NaN when it does not apply).
func (m Metric) Of(e history.Epoch) float64 {
	switch m {
	case TrainLoss:
		return e.TrainLoss
	case ValLoss:
		return e.ValLoss
	case ValAccuracy:
		return e.ValAccuracy
	case ValError:
		return e.ValError
	case TrainAccuracy:
		return e.TrainAccuracy
	case LearningRate:
		return e.LearningRate
	case Seconds:
		return e.Seconds
	}
	return math.NaN()
}

// Label is the metric in words, for axes and legends.
func (m Metric) Label() string {
	switch m {
	case TrainLoss:
		return "train loss"
	case ValLoss:
		return "validation loss"
	case ValAccuracy:
		return "validation accuracy"
	case ValError:
		return "validation error"
	case TrainAccuracy:
		return "train accuracy"
	case LearningRate:
		return "learning rate"
	case Seconds:
		return "seconds"
	}
	return string(m)
}

// Valid reports whether m is one of Metrics.
func (m Metric) Valid() bool {
	for _, x := range Metrics {
		if x == m {
			return true
		}
	}
	return false
}

// check returns an error naming m when it is not one of Metrics.
func (m Metric) check() error {
	if !m.Valid() {
		return fmt.Errorf("plotting: unknown metric %q; use one of %v", string(m), Metrics)
	}
	return nil
}

// present returns the metrics with at least one finite value in epochs.
func present(epochs []history.Epoch) []Metric {
	var out []Metric
	for _, m := range Metrics {
		for _, e := range epochs {
			if history.Finite(m.Of(e)) {
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
