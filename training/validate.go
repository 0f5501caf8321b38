package training

import (
	"fmt"
	"math"
)

// Validate reports the first hyperparameter that cannot work, as a sentence
// saying what to change. It checks what Config alone decides; the checks
// that need the data (batch size, loss for the task) happen in NewPlan.
// A choice (optimizer, activation, loss, lr_schedule) must be a name of its
// registry: an unknown one is refused with the closest name, never
// replaced by a default.
func (c Config) Validate() error {
	for _, ck := range []struct {
		check func(string) error
		value string
	}{
		{activationRegistry.check, c.Activation}, {optimizerRegistry.check, c.Optimizer},
		{lossRegistry.check, c.Loss}, {scheduleRegistry.check, c.LRSchedule},
	} {
		if err := ck.check(ck.value); err != nil {
			return err
		}
	}
	if len(c.HiddenSizes) == 0 && c.HiddenLayers > 0 && c.HiddenNodes < 1 {
		return fmt.Errorf("training: %s=%d with %s=%d has layers without units; set %[3]s to at least 1 or %[1]s=0", ParamHiddenLayers, c.HiddenLayers, ParamHiddenNodes, c.HiddenNodes)
	}
	if c.HiddenLayers < 0 {
		return fmt.Errorf("training: %s=%d is negative; use 0 for a linear model", ParamHiddenLayers, c.HiddenLayers)
	}
	for i, n := range c.HiddenSizes {
		if n < 1 {
			return fmt.Errorf("training: %s=%v has %d units in layer %d; every layer needs at least 1", ParamHiddenSizes, c.HiddenSizes, n, i+1)
		}
	}
	checks := []struct {
		name   string
		v      float64
		lo, hi float64
		loOpen bool // lo itself is not allowed
		hiOpen bool // hi itself is not allowed
		advice string
	}{
		{ParamLearningRate, c.LearningRate, 0, math.Inf(1), true, false, "use a positive rate such as 0.01"},
		{ParamDropoutRate, c.DropoutRate, 0, 1, false, true, "use a fraction in [0, 1), such as 0.2"},
		{ParamL2, c.L2, 0, math.Inf(1), false, false, "use 0 (off) or a small positive amount such as 1e-4"},
		{ParamL1, c.L1, 0, math.Inf(1), false, false, "use 0 (off) or a small positive amount such as 1e-5"},
		{ParamMomentum, c.Momentum, 0, 1, false, true, "use a value in [0, 1), such as 0.9"},
		{ParamAdamBeta1, c.AdamBeta1, 0, 1, false, true, "use a value in [0, 1), such as 0.9"},
		{ParamAdamBeta2, c.AdamBeta2, 0, 1, false, true, "use a value in [0, 1), such as 0.999"},
		{ParamAdamEpsilon, c.AdamEpsilon, 0, math.Inf(1), true, false, "use a small positive value such as 1e-7"},
		{ParamWeightDecay, c.WeightDecay, 0, math.Inf(1), false, false, "use 0 (off) or a small positive amount such as 0.01"},
		{ParamLionBeta1, c.LionBeta1, 0, 1, false, true, "use a value in [0, 1), such as 0.9"},
		{ParamLionBeta2, c.LionBeta2, 0, 1, false, true, "use a value in [0, 1), such as 0.99"},
		{ParamHuberDelta, c.HuberDelta, 0, math.Inf(1), true, false, "use a positive value such as 1"},
		{ParamLRDecayRate, c.LRDecayRate, 0, 1, true, false, "use a factor in (0, 1], such as 0.5"},
		{ParamEarlyStoppingMinDelta, c.EarlyStoppingMinDelta, 0, math.Inf(1), false, false, "use 0 or a small positive value"},
	}
	for _, ck := range checks {
		bad := math.IsNaN(ck.v) || ck.v < ck.lo || ck.v > ck.hi ||
			(ck.loOpen && ck.v == ck.lo) || (ck.hiOpen && ck.v == ck.hi)
		if bad {
			return fmt.Errorf("training: %s=%v cannot work; %s", ck.name, ck.v, ck.advice)
		}
	}
	ints := []struct {
		name string
		v    int
		min  int
	}{
		{ParamEpochs, c.Epochs, 1}, {ParamBatchSize, c.BatchSize, 1}, {ParamLRDecayEpochs, c.LRDecayEpochs, 1},
		{ParamLRWarmupEpochs, c.LRWarmupEpochs, 0}, {ParamEarlyStoppingPatience, c.EarlyStoppingPatience, 0},
	}
	for _, ck := range ints {
		if ck.v < ck.min {
			return fmt.Errorf("training: %s=%d is below its minimum %d", ck.name, ck.v, ck.min)
		}
	}
	return nil
}
