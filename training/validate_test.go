package training

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Config)
		want string // "" for valid
	}{
		{"defaults", func(*Config) {}, ""},
		{"linear model", func(c *Config) { c.HiddenLayers = 0 }, ""},
		{"layers without units", func(c *Config) { c.HiddenNodes = 0 }, "fnn_num_hidden_layers=2 with fnn_num_hidden_nodes=0 has layers without units"},
		{"negative layers", func(c *Config) { c.HiddenLayers = -1 }, "fnn_num_hidden_layers=-1 is negative"},
		{"empty explicit layer", func(c *Config) { c.HiddenSizes = []int{8, 0} }, "hidden_layers=[8 0] has 0 units in layer 2"},
		{"negative dropout", func(c *Config) { c.DropoutRate = -0.1 }, "dropout_rate=-0.1 cannot work; use a fraction in [0, 1)"},
		{"dropout of one", func(c *Config) { c.DropoutRate = 1 }, "dropout_rate=1 cannot work"},
		{"zero learning rate", func(c *Config) { c.LearningRate = 0 }, "learning_rate=0 cannot work; use a positive rate"},
		{"typo activation", func(c *Config) { c.Activation = "rellu" }, `activation="rellu" is unknown; did you mean "relu"?`},
		{"typo optimizer", func(c *Config) { c.Optimizer = "adamm" }, `optimizer="adamm" is unknown; did you mean "adam"?`},
		{"far-off loss", func(c *Config) { c.Loss = "hinge-squared" }, `loss="hinge-squared" is unknown; use one of auto, cross_entropy, mse, mae, huber`},
		{"typo schedule", func(c *Config) { c.LRSchedule = "cosin" }, `lr_schedule="cosin" is unknown; did you mean "cosine"?`},
		{"zero epochs", func(c *Config) { c.Epochs = 0 }, "epochs=0 is below its minimum 1"},
		{"momentum one", func(c *Config) { c.Momentum = 1 }, "momentum=1 cannot work"},
		{"lion beta one", func(c *Config) { c.LionBeta1 = 1 }, "lion_beta1=1 cannot work"},
		{"unknown optimizer", func(c *Config) { c.Optimizer = "lbfgs" }, `optimizer="lbfgs" is unknown; use one of sgd, momentum, adam, adamw, rmsprop, lion`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := DefaultConfig()
			tt.edit(&c)
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			case err != nil && !strings.HasPrefix(err.Error(), "training: "):
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}
