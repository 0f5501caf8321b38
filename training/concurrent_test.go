package training

import (
	"context"
	"sync"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
)

// Runs that share the machine (a parallel sweep) give the same History as
// a run alone: the backend's parallel matrix products do not change the
// arithmetic.
func TestReproducibleConcurrently(t *testing.T) {
	train, test, err := datasets.MNIST(datasets.MNISTOptions{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	data := datasets.Split{Train: train, Validation: test}
	v := values(t, "epochs", 1, "hidden_layers", []int{64}, "batch_size", 100)
	alone, err := Run(context.Background(), v, data)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	hs := make([]*history.History, 3)
	errs := make([]error, 3)
	for i := range hs {
		wg.Go(func() { hs[i], errs[i] = Run(context.Background(), v, data) })
	}
	wg.Wait()
	for i, h := range hs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !sameHistory(alone, h) {
			t.Errorf("concurrent run %d differs from the run alone: step losses %v… vs %v…", i, h.StepLoss[:3], alone.StepLoss[:3])
		}
	}
}
