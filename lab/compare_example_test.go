package lab_test

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/lab"
	"github.com/hyperlab-go/hyperlab/training"
)

// Summary tabulates what runs measured, labelled by the hyperparameters
// that differ between them; outside a notebook Show prints it as text.
// (In a notebook, the runs come from lab.Train and lab.Compare draws them.)
func ExampleSummary() {
	run := func(lr float64, status history.Status, losses ...[2]float64) *lab.Run {
		v, _ := training.Spec.Defaults().With("learning_rate", lr)
		h := &history.History{Status: status}
		for i, l := range losses {
			h.Epochs = append(h.Epochs, history.Epoch{Epoch: i + 1, TrainLoss: l[0], ValLoss: l[1],
				ValAccuracy: math.NaN(), Steps: 25, Seconds: 0.02})
		}
		return &lab.Run{History: h, Values: v}
	}
	good := run(0.1, history.Finished, [2]float64{0.5, 0.55}, [2]float64{0.2, 0.3}, [2]float64{0.1, 0.35})
	diverged := run(20, history.Diverged, [2]float64{4e4, math.NaN()})
	t := lab.Summary(good, diverged)
	fmt.Println(t.Header[:8])
	for _, r := range t.Rows {
		fmt.Println(r[:8])
	}
	// Output:
	// [run status epochs steps/epoch s/epoch train loss val loss gap (val−train)]
	// [learning_rate=0.1 finished 3 25 – 0.1 0.35 0.25]
	// [learning_rate=20 diverged 1 25 – 4e+04 – –]
}
