package training

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

func TestSpecDefaultsAreDefaultConfig(t *testing.T) {
	c, err := ConfigOf(Spec.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, DefaultConfig()) {
		t.Errorf("ConfigOf(Spec.Defaults()) = %+v\nwant %+v", c, DefaultConfig())
	}
	if err := c.Validate(); err != nil {
		t.Errorf("the defaults do not validate: %v", err)
	}
	for _, name := range []string{"learning_rate", "optimizer", "activation", "dropout_rate", "l2_regularization",
		"l1_regularization", "fnn_num_hidden_layers", "fnn_num_hidden_nodes", "hidden_layers", "epochs",
		"batch_size", "seed", "loss", "momentum", "adam_beta1", "adam_beta2", "weight_decay", "lr_schedule",
		"lr_warmup_epochs", "lr_decay_rate", "lr_decay_epochs", "early_stopping_patience",
		"early_stopping_min_delta", "shuffle"} {
		if _, ok := Spec.Lookup(name); !ok {
			t.Errorf("Spec does not declare %s", name)
		}
	}
}

// A user's Spec declares a few names, some with other kinds; the rest keep
// training's defaults and the user's own names (hparams.Own) are ignored.
func TestConfigOfForeignSpec(t *testing.T) {
	spec := hparams.NewBuilder().
		Float("learning_rate", 0.3, "").
		Float("epochs", 7, "").          // a Float where training has an Int
		Int("l2_regularization", 0, ""). // an Int where training has a Float
		Ints("hidden_layers", []int{8, 4}, "").
		String("notes", "anything", "", hparams.Own()).
		MustSpec()
	c, err := ConfigOf(spec.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	want := DefaultConfig()
	want.LearningRate, want.Epochs, want.HiddenSizes = 0.3, 7, []int{8, 4}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
	if got := c.Hidden(); !reflect.DeepEqual(got, []int{8, 4}) {
		t.Errorf("Hidden() = %v, want [8 4] (hidden_layers overrides fnn_*)", got)
	}
}

func TestConfigOfRejectsWrongKinds(t *testing.T) {
	tests := []struct {
		spec *hparams.Spec
		want string
	}{
		{hparams.NewBuilder().Float("epochs", 2.5, "").MustSpec(), "epochs=2.5 must be a whole number"},
		{hparams.NewBuilder().String("learning_rate", "fast", "").MustSpec(), "learning_rate=fast is string but training needs a number"},
		{hparams.NewBuilder().Float("optimizer", 1, "").MustSpec(), "optimizer=1 is float64 but training needs a string"},
	}
	for _, tt := range tests {
		_, err := ConfigOf(tt.spec.Defaults())
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ConfigOf(%v) = %v, want an error containing %q", tt.spec.Names(), err, tt.want)
		}
	}
}
