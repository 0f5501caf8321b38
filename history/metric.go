package history

import (
	"fmt"
	"math"
)

// Metric names a per-epoch number of an Epoch. Its values are the JSON
// names of the Epoch fields, so a Metric can be written in a file (a saved
// verdict, a sweep's objective) and read back.
type Metric string

// The metrics of an Epoch. TrainLoss and ValLoss are data losses: what the
// loss function says, without the regularization penalty, so runs with and
// without L1/L2 compare on one scale. TrainPenalty and ValPenalty are the
// penalty on its own.
const (
	TrainLoss     Metric = "train_loss"
	ValLoss       Metric = "val_loss"
	ValAccuracy   Metric = "val_accuracy"
	ValError      Metric = "val_error"
	TrainAccuracy Metric = "train_accuracy"
	LearningRate  Metric = "learning_rate"
	Seconds       Metric = "seconds"
	TrainPenalty  Metric = "train_penalty"
	ValPenalty    Metric = "val_penalty"
)

// Metrics lists every Metric, in the order tooltips show them.
var Metrics = []Metric{TrainLoss, ValLoss, TrainAccuracy, ValAccuracy, ValError, LearningRate, Seconds, TrainPenalty, ValPenalty}

// Of returns the metric's value in e (NaN when it does not apply).
func (m Metric) Of(e Epoch) float64 {
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
	case TrainPenalty:
		return e.TrainPenalty
	case ValPenalty:
		return e.ValPenalty
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
	case TrainPenalty:
		return "train penalty"
	case ValPenalty:
		return "validation penalty"
	}
	return string(m)
}

// LowerIsBetter reports whether a smaller value of m is a better model
// (losses, errors, penalties); accuracies are higher-is-better.
func (m Metric) LowerIsBetter() bool { return m != ValAccuracy && m != TrainAccuracy }

// Valid reports whether m is one of Metrics.
func (m Metric) Valid() bool {
	for _, x := range Metrics {
		if x == m {
			return true
		}
	}
	return false
}

// Check returns an error naming m when it is not one of Metrics.
func (m Metric) Check() error {
	if !m.Valid() {
		return fmt.Errorf("unknown metric %q; use one of %v", string(m), Metrics)
	}
	return nil
}

// Series returns m per epoch of h (NaN where it does not apply).
func (h *History) Series(m Metric) []float64 {
	if h == nil {
		return nil
	}
	out := make([]float64, len(h.Epochs))
	for i, e := range h.Epochs {
		out[i] = m.Of(e)
	}
	return out
}
