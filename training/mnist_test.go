package training

import (
	"context"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
)

// mnistValues is the MNIST MLP of the issue: one hidden layer of 128, Adam.
func mnistValues(t testing.TB, epochs int) []any {
	return []any{"hidden_layers", []int{128}, "batch_size", 128, "learning_rate", 0.002, "epochs", epochs}
}

// One hidden layer of 128 units reaches ≥ 0.97 on MNIST's test images.
func TestMNIST(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on the full MNIST (about a minute); skipped under -short")
	}
	train, test, err := datasets.MNIST(datasets.MNISTOptions{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	h, err := Run(context.Background(), values(t, mnistValues(t, 3)...), datasets.Split{Train: train, Validation: test},
		OnEpoch(func(e history.Epoch) {
			t.Logf("epoch %d: train loss %.4f, test accuracy %.4f, %.0f s", e.Epoch, e.TrainLoss, e.ValAccuracy, e.Seconds)
		}))
	if err != nil {
		t.Fatal(err)
	}
	last, _ := h.Last()
	t.Logf("%d epochs in %v, %.1f ms/step; test accuracy %.4f, loss %.4f", len(h.Epochs), time.Since(start).Round(time.Second),
		1000*time.Since(start).Seconds()/float64(len(h.StepLoss)), last.ValAccuracy, last.ValLoss)
	if h.Status != history.Finished || last.ValAccuracy < 0.97 {
		t.Errorf("status %s, test accuracy %.4f; want ≥ 0.97", h.Status, last.ValAccuracy)
	}
	if h.Params() != 784*128+128+128*10+10 {
		t.Errorf("%d parameters, want 101770", h.Params())
	}
}
