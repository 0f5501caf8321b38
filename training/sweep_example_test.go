package training_test

import (
	"fmt"
	"math"
	"os"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training"
)

// Trial k of a sweep belongs to shard k mod n, so each of n processes (or
// Kubernetes Indexed Job pods) runs its part alone.
func ExampleParseShard() {
	s, err := training.ParseShard("1/3")
	if err != nil {
		fmt.Println(err)
		return
	}
	var mine []int
	for k := range 7 {
		if s.Owns(k) {
			mine = append(mine, k)
		}
	}
	fmt.Println(mine)
	_, err = training.ParseShard("3/3")
	fmt.Println(err)
	// Output:
	// [1 4]
	// training: shard index 3 is outside 0..2 for 3 shards
}

// A grid over two hyperparameters lists every combination.
func ExampleGridTrials() {
	base := training.Spec.Defaults()
	trials, err := training.GridTrials(base, map[string][]any{
		"learning_rate": {0.001, 0.01, 0.1},
		"batch_size":    {16, 64},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(trials), "trials")
	// Output:
	// 6 trials
}

// A results table exports as Markdown (and CSV, JSON, HTML, text); the
// best trial is starred.
func ExampleResults_WriteMarkdown() {
	epoch := func(n int, loss float64) history.Epoch {
		return history.Epoch{Epoch: n, TrainLoss: loss, ValLoss: loss, ValAccuracy: math.NaN(), ValError: math.NaN(),
			TrainAccuracy: math.NaN(), LearningRate: 0.1, Seconds: 0.5}
	}
	res := training.NewResults([]training.Row{
		training.NewRow(0, "a1", map[string]any{"learning_rate": 0.01}, &history.History{Status: history.Finished,
			Epochs: []history.Epoch{epoch(1, 0.6), epoch(2, 0.4)}}, 1),
		training.NewRow(1, "b2", map[string]any{"learning_rate": 10.0}, &history.History{Status: history.Diverged,
			Err: "train loss is NaN", Epochs: []history.Epoch{epoch(1, 9)}}, 0.5),
	})
	if err := res.WriteMarkdown(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// | trial | id | learning_rate | status | epochs | train_loss | val_loss | best_loss | best_epoch | seconds | error |
	// |---|---|---|---|---|---|---|---|---|---|---|
	// | 0 ★ | a1 | 0.01 | finished | 2 | 0.4 | 0.4 | 0.4 | 2 | 1.00 |  |
	// | 1 | b2 | 10 | diverged | 1 | 9 | 9 | 9 | 1 | 0.50 | train loss is NaN |
}
