package training

import (
	"context"
	"fmt"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
)

// BenchmarkSweep16 runs a 16-trial sweep (4 learning rates × 4 batch
// sizes, 5 epochs on 1000 moons) with 1 and with 2 workers. The issue's
// target: parallel 2 takes at most 0.6× the time of parallel 1 on 2 cores.
//
//	go test ./training/ -run '^$' -bench Sweep16 -benchtime 3x
func BenchmarkSweep16(b *testing.B) {
	data, err := datasets.Load("moons", datasets.Options{Size: 1000, Noise: 0.2, Seed: 1, Normalize: true})
	if err != nil {
		b.Fatal(err)
	}
	base, _ := Spec.Defaults().With("epochs", 5)
	trials, err := GridTrials(base, map[string][]any{
		"learning_rate": {0.001, 0.01, 0.1, 0.3},
		"batch_size":    {16, 32, 64, 128},
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("parallel=%d", workers), func(b *testing.B) {
			for b.Loop() {
				res, err := (&Sweep{Trials: trials, Data: data, Workers: workers}).Run(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range res.Rows {
					if r.Status != history.Finished {
						b.Fatalf("trial %d: %s %s", r.Trial, r.Status, r.Error)
					}
				}
			}
		})
	}
}
