package history_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/history"
)

func ExampleSummarize() {
	s := history.Summarize([]float64{0.30, 0.32, 0.34})
	fmt.Printf("%.2f ± %.2f (min %.2f, max %.2f, %d seeds)\n", s.Mean, s.SD, s.Min, s.Max, s.N)
	// Output:
	// 0.32 ± 0.02 (min 0.30, max 0.34, 3 seeds)
}

// The validation loss of three seeds per epoch; the best epoch is judged on
// their mean.
func ExampleMeanCurve() {
	seed := func(vals ...float64) *history.History {
		h := &history.History{}
		for i, v := range vals {
			h.Epochs = append(h.Epochs, history.Epoch{Epoch: i + 1, ValLoss: v})
		}
		return h
	}
	c := history.MeanCurve([]*history.History{seed(0.6, 0.3, 0.4), seed(0.6, 0.5, 0.4), seed(0.6, 0.5, 0.4)}, history.ValLoss)
	i, _ := c.Best()
	fmt.Printf("means %.3f, best epoch %d\n", c.Means(), c.Epochs[i])
	// Output:
	// means [0.600 0.433 0.400], best epoch 3
}

func ExampleMedian() {
	fmt.Println(history.Median([]float64{3, 1, 2}), history.Median([]float64{4, 1, 3, 2}), history.Median(nil))
	// Output: 2 2.5 NaN
}

// Three seeds that reached the same loss: their s.d. is rounding noise.
func ExampleStat_ShownSD() {
	same := history.Summarize([]float64{0.1, 0.1, 0.1})
	spread := history.Summarize([]float64{0.1, 0.1, 0.1000001})
	fmt.Println(same.SD > 0, same.ShownSD(), spread.ShownSD() == spread.SD)
	// Output: true 0 true
}
