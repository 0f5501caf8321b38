package training

import (
	"context"
	"slices"
	"testing"
)

// Every hyperparameter changes the run it claims to change: the same base
// run with one value changed takes another path.
func TestEveryHyperparameterMatters(t *testing.T) {
	data := moons(t)
	tests := []struct {
		base  []any // besides epochs=2
		name  string
		value any
	}{
		{nil, "learning_rate", 0.05},
		{nil, "optimizer", "sgd"},
		{nil, "activation", "tanh"},
		{nil, "dropout_rate", 0.3},
		{nil, "l2_regularization", 0.01},
		{nil, "l1_regularization", 0.01},
		{nil, "fnn_num_hidden_layers", 3},
		{nil, "fnn_num_hidden_nodes", 8},
		{nil, "hidden_layers", []int{32}},
		{nil, "batch_size", 64},
		{nil, "seed", 5},
		{nil, "loss", "mse"},
		{nil, "shuffle", false},
		{nil, "lr_schedule", "cosine"},
		{nil, "lr_warmup_epochs", 1},
		{nil, "adam_beta1", 0.5},
		{nil, "adam_beta2", 0.9},
		{nil, "adam_epsilon", 0.1},
		{[]any{"optimizer", "momentum"}, "momentum", 0.5},
		{[]any{"optimizer", "adamw"}, "weight_decay", 0.3},
		{[]any{"optimizer", "rmsprop"}, "adam_beta2", 0.9},
		{[]any{"optimizer", "lion", "learning_rate", 0.001}, "lion_beta1", 0.5},
		{[]any{"optimizer", "lion", "learning_rate", 0.001}, "lion_beta2", 0.5},
		{[]any{"optimizer", "lion", "learning_rate", 0.001}, "weight_decay", 0.5},
		{[]any{"lr_schedule", "step", "lr_decay_epochs", 1}, "lr_decay_rate", 0.1},
		{[]any{"lr_schedule", "exponential"}, "lr_decay_epochs", 1},
		{[]any{"loss", "huber"}, "huber_loss_delta", 0.01},
	}
	for _, tt := range tests {
		base := append([]any{"epochs", 2}, tt.base...)
		a, err := Run(context.Background(), values(t, base...), data)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Run(context.Background(), values(t, append(base, tt.name, tt.value)...), data)
		if err != nil {
			t.Fatalf("%s=%v: %v", tt.name, tt.value, err)
		}
		if slices.Equal(a.StepLoss, b.StepLoss) {
			t.Errorf("%s=%v (base %v) did not change the step losses", tt.name, tt.value, tt.base)
		}
	}
}
