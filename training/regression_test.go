package training

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
)

// A regression run records the validation MAE (no accuracy), and each
// regression loss trains differently; on a classifier, mse compares the
// softmax probabilities with the one-hot labels and still learns.
func TestLosses(t *testing.T) {
	sine := load(t, "sine", datasets.Options{Size: 500, Noise: 0.1, Seed: 3})
	paths := map[string][]float64{}
	for _, loss := range []string{"mse", "mae", "huber"} {
		h, err := Run(context.Background(), values(t, "epochs", 30, "loss", loss, "huber_loss_delta", 0.05, "activation", "tanh"), sine)
		if err != nil {
			t.Fatal(err)
		}
		first, last := h.Epochs[0], h.Epochs[len(h.Epochs)-1]
		if h.Status != history.Finished || !math.IsNaN(last.ValAccuracy) || !math.IsNaN(last.TrainAccuracy) || !(last.ValError < first.ValError) {
			t.Errorf("%s: status %s, accuracy %v/%v (want NaN), val MAE %v → %v (want a decrease)", loss, h.Status, last.ValAccuracy, last.TrainAccuracy, first.ValError, last.ValError)
		}
		for other, p := range paths {
			if slices.Equal(p, h.StepLoss) {
				t.Errorf("%s and %s give the same losses", loss, other)
			}
		}
		paths[loss] = h.StepLoss
	}
	h, err := Run(context.Background(), values(t, "loss", "mse"), moons(t))
	if err != nil {
		t.Fatal(err)
	}
	last, _ := h.Last()
	if last.ValAccuracy < 0.9 || last.TrainLoss > 0.25 {
		t.Errorf("mse on moons: accuracy %.3f, loss %.3f", last.ValAccuracy, last.TrainLoss)
	}
}
