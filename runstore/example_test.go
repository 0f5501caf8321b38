package runstore_test

import (
	"fmt"
	"os"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// Create a run, append epochs as training goes, finish it, and load it
// back (as a later notebook cell would).
func ExampleStore_Create() {
	root, _ := os.MkdirTemp("", "runs")
	defer os.RemoveAll(root)
	store, err := runstore.Open(root)
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := store.Create(runstore.Meta{ID: "3f2a9c01", Seed: 1, Dataset: "moons",
		Values: map[string]any{"optimizer": "adam", "learning_rate": 0.01}})
	if err != nil {
		fmt.Println(err)
		return
	}
	h := &history.History{}
	for i, loss := range []float64{0.69, 0.41, 0.28} {
		e := history.Epoch{Epoch: i + 1, TrainLoss: loss, ValLoss: loss + 0.02}
		h.Epochs = append(h.Epochs, e)
		w.Epoch(e) // appended to epochs.jsonl at once
	}
	h.Status = history.Finished
	if err := w.Finish(h); err != nil {
		fmt.Println(err)
		return
	}

	runs, _ := store.List(runstore.Where("optimizer", "adam"), runstore.IsComplete)
	for _, r := range runs {
		best, _ := r.History.Best()
		fmt.Printf("%s %s lr=%v: %d epochs, %s, best val loss %.2f at epoch %d\n",
			r.ID, r.Dataset, r.Values["learning_rate"], len(r.History.Epochs), r.History.Status, best.ValLoss, best.Epoch)
	}
	// Output:
	// 3f2a9c01 moons lr=0.01: 3 epochs, finished, best val loss 0.30 at epoch 3
}

// A run that was interrupted is incomplete; Reset clears it so it can run
// again.
func ExampleStore_Reset() {
	root, _ := os.MkdirTemp("", "runs")
	defer os.RemoveAll(root)
	store, _ := runstore.Open(root)
	w, _ := store.Create(runstore.Meta{ID: "run1"})
	w.Epoch(history.Epoch{Epoch: 1, TrainLoss: 0.5})
	w.Close() // as if the process had died

	r, _ := store.Load("run1")
	fmt.Println(r.Complete, r.Note)
	fmt.Println(store.Reset("run1"))
	_, err := store.Create(runstore.Meta{ID: "run1"})
	fmt.Println(err)
	// Output:
	// false incomplete: the run did not finish (status running)
	// <nil>
	// <nil>
}
