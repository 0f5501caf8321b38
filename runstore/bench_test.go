package runstore

import (
	"fmt"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// BenchmarkEpoch measures one appended epoch line (no fsync).
func BenchmarkEpoch(b *testing.B) {
	_, w := tempRun(b, Meta{ID: "bench"})
	defer w.Close()
	e := epoch(1)
	for b.Loop() {
		if err := w.Epoch(e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateFinish measures a whole small run: Create, 10 epochs,
// Finish (with its fsyncs).
func BenchmarkCreateFinish(b *testing.B) {
	s := openTemp(b)
	h := &history.History{Status: history.Finished}
	for i := range 10 {
		h.Epochs = append(h.Epochs, epoch(i+1))
	}
	i := 0
	for b.Loop() {
		w, err := s.Create(Meta{ID: fmt.Sprint("r", i)})
		if err != nil {
			b.Fatal(err)
		}
		if err := w.Finish(h); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
