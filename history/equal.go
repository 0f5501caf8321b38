package history

import "math"

// Equal reports whether e and o record the same epoch: every field equal,
// a NaN (a metric not measured) equal to a NaN. Epochs cannot be compared
// with ==, since most hold a NaN (ValError in classification, ValAccuracy
// in regression) and NaN == NaN is false.
func (e Epoch) Equal(o Epoch) bool {
	same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
	return e.Epoch == o.Epoch && e.Steps == o.Steps &&
		same(e.TrainLoss, o.TrainLoss) && same(e.ValLoss, o.ValLoss) &&
		same(e.ValAccuracy, o.ValAccuracy) && same(e.ValError, o.ValError) &&
		same(e.TrainAccuracy, o.TrainAccuracy) && same(e.LearningRate, o.LearningRate) &&
		same(e.Seconds, o.Seconds) && same(e.TrainPenalty, o.TrainPenalty) && same(e.ValPenalty, o.ValPenalty)
}
