package training

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

func TestRunErrorsSayWhatToChange(t *testing.T) {
	small := load(t, "moons", datasets.Options{Size: 375, Seed: 1})
	sine := load(t, "sine", datasets.Options{Size: 200, Seed: 1})
	tests := []struct {
		name string
		kv   []any
		data datasets.Split
		want string
	}{
		{"batch larger than the data", []any{"batch_size", 512}, small,
			"training: batch_size=512 is larger than the training set (300 rows); use at most 300"},
		{"cross-entropy on regression", []any{"loss", "cross_entropy"}, sine,
			"training: loss=cross_entropy needs a classification dataset, and this one is regression; use mse, mae or huber"},
		{"no data", nil, datasets.Split{}, "training: the training set is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := testutil.With(t, Spec.Defaults(), tt.kv...)
			_, err := Run(context.Background(), v, tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestGuardRecoversPanics(t *testing.T) {
	err := guard("a training step", func() error { panic(errors.New("Shape mismatch (Float32)[3] vs [4]\nstack trace line")) })
	if !IsPanic(err) {
		t.Fatalf("guard returned %v, not a recovered panic", err)
	}
	want := "training: GoMLX failed during a training step: Shape mismatch (Float32)[3] vs [4]; check the hyperparameters"
	if !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "stack trace") {
		t.Errorf("got %q, want it to start with %q and keep one line", err, want)
	}
	if err := guard("nothing", func() error { return nil }); err != nil {
		t.Errorf("guard of a quiet function: %v", err)
	}
}

// A panicking callback fails the run with an error naming the callback,
// and the History keeps what was done.
func TestCallbackPanic(t *testing.T) {
	h, err := Run(context.Background(), values(t, "epochs", 3), moonsSmall(t), OnEpoch(func(e history.Epoch) {
		if e.Epoch == 2 {
			panic("chart broke")
		}
	}))
	if err == nil || err.Error() != "training: the OnEpoch callback panicked: chart broke" || IsPanic(err) {
		t.Fatalf("got %v", err)
	}
	if h == nil || h.Status != history.Failed || len(h.Epochs) != 2 || h.Err != err.Error() {
		t.Errorf("history %+v", h)
	}
}

func moonsSmall(t *testing.T) datasets.Split {
	return load(t, "moons", datasets.Options{Size: 200, Seed: 1})
}

// A user's Spec may allow values training cannot use; Run says which.
func TestRunRejectsForeignValues(t *testing.T) {
	spec := hparams.NewBuilder().Ints("hidden_layers", []int{4, 0}, "").String("activation", "softmax", "").MustSpec()
	_, err := Run(context.Background(), spec.Defaults(), moonsSmall(t))
	if err == nil || !strings.Contains(err.Error(), `training: activation="softmax" is unknown`) {
		t.Errorf("got %v", err)
	}
	spec = hparams.NewBuilder().Ints("hidden_layers", []int{4, 0}, "").MustSpec()
	_, err = Run(context.Background(), spec.Defaults(), moonsSmall(t))
	if err == nil || !strings.Contains(err.Error(), "training: hidden_layers=[4 0] has 0 units in layer 2") {
		t.Errorf("got %v", err)
	}
}
