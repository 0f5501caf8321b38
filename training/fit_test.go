package training

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
)

// batch_size sets the steps per epoch: ceil(rows/batch_size), the partial
// last batch included.
func TestBatchSizeSetsStepsPerEpoch(t *testing.T) {
	data := moons(t) // 800 training rows
	for _, tt := range []struct{ batch, steps int }{{32, 25}, {100, 8}, {128, 7}, {800, 1}, {1, 800}} {
		h, err := Run(context.Background(), values(t, "epochs", 2, "batch_size", tt.batch), data)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range h.Epochs {
			if e.Steps != tt.steps {
				t.Errorf("batch_size=%d: epoch %d has %d steps, want %d", tt.batch, e.Epoch, e.Steps, tt.steps)
			}
		}
		if len(h.StepLoss) != 2*tt.steps {
			t.Errorf("batch_size=%d: %d step losses, want %d", tt.batch, len(h.StepLoss), 2*tt.steps)
		}
	}
}

func TestMoonsDefaultsReachAccuracy(t *testing.T) {
	h, err := Run(context.Background(), Spec.Defaults(), moons(t))
	if err != nil {
		t.Fatal(err)
	}
	last, _ := h.Last()
	if h.Status != history.Finished || last.ValAccuracy < 0.95 {
		t.Errorf("status %s, validation accuracy %.3f after %d epochs; want finished and ≥ 0.95", h.Status, last.ValAccuracy, len(h.Epochs))
	}
	// Every field of every epoch is filled.
	for _, e := range h.Epochs {
		for name, x := range map[string]float64{"train_loss": e.TrainLoss, "val_loss": e.ValLoss,
			"val_accuracy": e.ValAccuracy, "train_accuracy": e.TrainAccuracy, "learning_rate": e.LearningRate} {
			if !history.Finite(x) || x <= 0 {
				t.Fatalf("epoch %d: %s=%v", e.Epoch, name, x)
			}
		}
		if !math.IsNaN(e.ValError) || e.Steps != 25 || e.Seconds <= 0 {
			t.Fatalf("epoch %d: val_error=%v (want NaN on classification), steps=%d, seconds=%v", e.Epoch, e.ValError, e.Steps, e.Seconds)
		}
	}
	if len(h.Layers) != 3 || h.Params() != 32+16+256+16+32+2 {
		t.Errorf("layers %+v, %d parameters", h.Layers, h.Params())
	}
}

func TestSGDTooLargeLearningRateDiverges(t *testing.T) {
	data := moons(t)
	h, err := Run(context.Background(), values(t, "optimizer", "sgd", "learning_rate", 10.0), data)
	if err != nil {
		t.Fatalf("a diverging run returned an error: %v", err)
	}
	if h.Status != history.Diverged || !strings.Contains(h.Err, "try a smaller learning_rate") {
		t.Fatalf("status %s (%q), want diverged", h.Status, h.Err)
	}
	last, ok := h.Last()
	if !ok || last.Steps == 0 || last.Steps > 25 || len(h.StepLoss) != (len(h.Epochs)-1)*25+last.Steps {
		t.Errorf("epochs %+v with %d step losses: the partial last epoch does not match the steps", h.Epochs, len(h.StepLoss))
	}
	// The same model at a sensible rate does not.
	h, err = Run(context.Background(), values(t, "optimizer", "sgd", "learning_rate", 0.1), data)
	if err != nil || h.Status != history.Finished {
		t.Errorf("sgd at 0.1: %v, %s %q", err, h.Status, h.Err)
	}
}

// A NaN loss (here from a NaN feature) ends the run diverged too.
func TestNaNLossDiverges(t *testing.T) {
	data := moons(t)
	bad := *data.Train
	bad.X = slices.Clone(bad.X)
	bad.X[2*500] = float32(math.NaN())
	h, err := Run(context.Background(), values(t, "epochs", 3), datasets.Split{Train: &bad, Validation: data.Validation})
	if err != nil {
		t.Fatal(err)
	}
	if h.Status != history.Diverged || !strings.Contains(h.Err, "train loss is NaN at epoch 1") {
		t.Errorf("status %s %q, want diverged with a NaN loss in epoch 1", h.Status, h.Err)
	}
}

func TestReproducible(t *testing.T) {
	data := moons(t)
	v := values(t, "epochs", 4, "dropout_rate", 0.2)
	a, err := Run(context.Background(), v, data)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Run(context.Background(), v, data)
	if !sameHistory(a, b) {
		t.Errorf("same values and seed gave different histories:\n%+v\n%+v", a.Epochs, b.Epochs)
	}
	c, _ := Run(context.Background(), values(t, "epochs", 4, "dropout_rate", 0.2, "seed", 2), data)
	if slices.Equal(a.StepLoss, c.StepLoss) {
		t.Error("seeds 1 and 2 gave the same step losses")
	}
}

// sameHistory compares two histories except wall times.
func sameHistory(a, b *history.History) bool {
	if a.Status != b.Status || a.Err != b.Err || len(a.Epochs) != len(b.Epochs) ||
		!slices.Equal(a.StepLoss, b.StepLoss) || !slices.Equal(a.Layers, b.Layers) {
		return false
	}
	for i := range a.Epochs {
		x, y := a.Epochs[i], b.Epochs[i]
		x.Seconds, y.Seconds = 0, 0
		if !x.Equal(y) {
			return false
		}
	}
	return true
}

// Every optimizer takes a different path from the same start; momentum
// with momentum=0 is plain SGD.
func TestOptimizersChangeTrajectory(t *testing.T) {
	data := moons(t)
	paths := map[string][]float64{}
	for _, opt := range optimizerRegistry.names() {
		h, err := Run(context.Background(), values(t, "epochs", 1, "optimizer", opt, "learning_rate", 0.05), data)
		if err != nil {
			t.Fatal(err)
		}
		for other, p := range paths {
			if p[0] != h.StepLoss[0] {
				t.Errorf("%s and %s start from different losses", opt, other)
			}
			if slices.Equal(p, h.StepLoss) {
				t.Errorf("%s and %s follow the same trajectory", opt, other)
			}
		}
		paths[opt] = h.StepLoss
	}
	h, err := Run(context.Background(), values(t, "epochs", 1, "optimizer", "momentum", "momentum", 0.0, "learning_rate", 0.05), data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(h.StepLoss, paths["sgd"]) {
		t.Error("momentum=0 differs from sgd")
	}
	// weight_decay changes adamw and only adamw.
	for _, opt := range []string{"adamw", "adam"} {
		h, err := Run(context.Background(), values(t, "epochs", 1, "optimizer", opt, "learning_rate", 0.05, "weight_decay", 0.5), data)
		if err != nil {
			t.Fatal(err)
		}
		if changed := !slices.Equal(h.StepLoss, paths[opt]); changed != (opt == "adamw") {
			t.Errorf("%s: weight_decay changed the trajectory: %v", opt, changed)
		}
	}
}

func TestEarlyStopping(t *testing.T) {
	data := moons(t)
	// No improvement can be as large as 10: stop after patience epochs
	// past the first.
	h, err := Run(context.Background(), values(t, "epochs", 20, "early_stopping_patience", 3, "early_stopping_min_delta", 10.0), data)
	if err != nil {
		t.Fatal(err)
	}
	if h.Status != history.Finished || len(h.Epochs) != 4 {
		t.Errorf("status %s after %d epochs, want finished after 4", h.Status, len(h.Epochs))
	}
	// patience 0 never stops early.
	h, _ = Run(context.Background(), values(t, "epochs", 6, "early_stopping_min_delta", 10.0), data)
	if len(h.Epochs) != 6 {
		t.Errorf("patience 0 stopped after %d of 6 epochs", len(h.Epochs))
	}
}

func TestShuffle(t *testing.T) {
	data := moons(t)
	on, _ := Run(context.Background(), values(t, "epochs", 2), data)
	off, _ := Run(context.Background(), values(t, "epochs", 2, "shuffle", false), data)
	if on.StepLoss[0] == off.StepLoss[0] {
		t.Error("shuffle=true and false start with the same batch")
	}
}

// OnStep is throttled: with StepEvery(time.Hour) it sees the first step and
// the last step of every epoch, with that step's loss.
func TestOnStepThrottled(t *testing.T) {
	var steps []int
	var losses []float64
	h, err := Run(context.Background(), values(t, "epochs", 3), moons(t), StepEvery(time.Hour),
		OnStep(func(step int, loss float64) { steps, losses = append(steps, step), append(losses, loss) }))
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 25, 50, 75}; !slices.Equal(steps, want) {
		t.Errorf("OnStep saw steps %v, want %v", steps, want)
	}
	for i, s := range steps {
		if losses[i] != h.StepLoss[s-1] {
			t.Errorf("step %d: OnStep got loss %v, History has %v", s, losses[i], h.StepLoss[s-1])
		}
	}
}

func TestCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	h, err := Run(ctx, values(t, "epochs", 3), moons(t))
	if err != nil || h.Status != history.Cancelled || len(h.StepLoss) != 0 || len(h.Layers) != 3 {
		t.Errorf("got %v, status %s, %d steps, %d layers", err, h.Status, len(h.StepLoss), len(h.Layers))
	}
}

// Without a validation split the validation metrics are NaN and early
// stopping watches the training loss.
func TestNoValidationSplit(t *testing.T) {
	data := moons(t)
	h, err := Run(context.Background(), values(t, "epochs", 30, "early_stopping_patience", 2, "early_stopping_min_delta", 0.05),
		datasets.Split{Train: data.Train})
	if err != nil {
		t.Fatal(err)
	}
	last, _ := h.Last()
	if h.Status != history.Finished || !math.IsNaN(last.ValLoss) || !math.IsNaN(last.ValAccuracy) || !(last.TrainAccuracy > 0.8) {
		t.Errorf("status %s, last epoch %+v", h.Status, last)
	}
	if len(h.Epochs) == 30 {
		t.Error("early stopping on the training loss never fired with min_delta 0.05")
	}
}
