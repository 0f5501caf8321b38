package training

import (
	"fmt"
	"github.com/hyperlab-go/hyperlab/internal/typo"
	"math"
	"slices"
	"strings"
)

// The names each string hyperparameter accepts.
var (
	activationNames = []string{"relu", "tanh", "sigmoid", "gelu", "swish", "linear"}
	optimizerNames  = []string{"sgd", "momentum", "adam", "adamw", "rmsprop"}
	lossNames       = []string{"auto", "cross_entropy", "mse", "mae", "huber"}
	scheduleNames   = []string{"constant", "step", "exponential", "cosine"}
)

// Validate reports the first hyperparameter that cannot work, as a sentence
// saying what to change. It checks what Config alone decides; the checks
// that need the data (batch size, loss for the task) happen in Run.
func (c Config) Validate() error {
	if err := oneOf("activation", c.Activation, activationNames); err != nil {
		return err
	}
	if err := oneOf("optimizer", c.Optimizer, optimizerNames); err != nil {
		return err
	}
	if err := oneOf("loss", c.Loss, lossNames); err != nil {
		return err
	}
	if err := oneOf("lr_schedule", c.LRSchedule, scheduleNames); err != nil {
		return err
	}
	if len(c.HiddenSizes) == 0 && c.HiddenLayers > 0 && c.HiddenNodes < 1 {
		return fmt.Errorf("training: fnn_num_hidden_layers=%d with fnn_num_hidden_nodes=%d has layers without units; set fnn_num_hidden_nodes to at least 1 or fnn_num_hidden_layers=0", c.HiddenLayers, c.HiddenNodes)
	}
	if c.HiddenLayers < 0 {
		return fmt.Errorf("training: fnn_num_hidden_layers=%d is negative; use 0 for a linear model", c.HiddenLayers)
	}
	for i, n := range c.HiddenSizes {
		if n < 1 {
			return fmt.Errorf("training: hidden_layers=%v has %d units in layer %d; every layer needs at least 1", c.HiddenSizes, n, i+1)
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
		{"learning_rate", c.LearningRate, 0, math.Inf(1), true, false, "use a positive rate such as 0.01"},
		{"dropout_rate", c.DropoutRate, 0, 1, false, true, "use a fraction in [0, 1), such as 0.2"},
		{"l2_regularization", c.L2, 0, math.Inf(1), false, false, "use 0 (off) or a small positive amount such as 1e-4"},
		{"l1_regularization", c.L1, 0, math.Inf(1), false, false, "use 0 (off) or a small positive amount such as 1e-5"},
		{"momentum", c.Momentum, 0, 1, false, true, "use a value in [0, 1), such as 0.9"},
		{"adam_beta1", c.AdamBeta1, 0, 1, false, true, "use a value in [0, 1), such as 0.9"},
		{"adam_beta2", c.AdamBeta2, 0, 1, false, true, "use a value in [0, 1), such as 0.999"},
		{"adam_epsilon", c.AdamEpsilon, 0, math.Inf(1), true, false, "use a small positive value such as 1e-7"},
		{"weight_decay", c.WeightDecay, 0, math.Inf(1), false, false, "use 0 (off) or a small positive amount such as 0.01"},
		{"huber_loss_delta", c.HuberDelta, 0, math.Inf(1), true, false, "use a positive value such as 1"},
		{"lr_decay_rate", c.LRDecayRate, 0, 1, true, false, "use a factor in (0, 1], such as 0.5"},
		{"early_stopping_min_delta", c.EarlyStoppingMinDelta, 0, math.Inf(1), false, false, "use 0 or a small positive value"},
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
		{"epochs", c.Epochs, 1}, {"batch_size", c.BatchSize, 1}, {"lr_decay_epochs", c.LRDecayEpochs, 1},
		{"lr_warmup_epochs", c.LRWarmupEpochs, 0}, {"early_stopping_patience", c.EarlyStoppingPatience, 0},
	}
	for _, ck := range ints {
		if ck.v < ck.min {
			return fmt.Errorf("training: %s=%d is below its minimum %d", ck.name, ck.v, ck.min)
		}
	}
	return nil
}

// oneOf checks a string hyperparameter against its choices and suggests the
// closest one.
func oneOf(name, value string, choices []string) error {
	if slices.Contains(choices, value) {
		return nil
	}
	best, bestD := "", math.MaxInt
	for _, c := range choices {
		if d := typo.Distance(strings.ToLower(value), c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(2, len(value)/3) {
		return fmt.Errorf("training: %s=%q is unknown; did you mean %q? (choices: %s)", name, value, best, strings.Join(choices, ", "))
	}
	return fmt.Errorf("training: %s=%q is unknown; use one of %s", name, value, strings.Join(choices, ", "))
}
