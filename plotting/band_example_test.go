package plotting_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/plotting"
)

// Two configurations over two seeds each: the mean per epoch with a
// min–max band, labelled by the hyperparameter that differs.
func ExampleBand() {
	seed := func(vals ...float64) *history.History {
		h := &history.History{Status: history.Finished}
		for i, v := range vals {
			h.Epochs = append(h.Epochs, history.Epoch{Epoch: i + 1, TrainLoss: v, ValLoss: v})
		}
		return h
	}
	groups := []plotting.Group{
		{Values: map[string]any{"learning_rate": 0.1}, Runs: []*history.History{seed(0.6, 0.4, 0.3), seed(0.7, 0.5, 0.35)}},
		{Values: map[string]any{"learning_rate": 1.0}, Runs: []*history.History{seed(0.9, 0.8, 0.9), seed(0.7, 0.9, 0.6)}},
	}
	d, err := plotting.BandInfo(groups, plotting.BandOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Title)
	for _, l := range d.Lines {
		fmt.Printf("%s: mean %.3g, band %.3g–%.3g at the last epoch; best epoch of the mean %d\n",
			l.Label, l.Mean[2], l.Lower[2], l.Upper[2], l.BestEpoch)
	}
	fmt.Println(len(d.Chart().Series()), "series: lower edge, band width, mean per group")
	// Output:
	// Validation loss per epoch, mean of 2 seeds (band: min–max)
	// learning_rate=0.1: mean 0.325, band 0.3–0.35 at the last epoch; best epoch of the mean 3
	// learning_rate=1: mean 0.75, band 0.6–0.9 at the last epoch; best epoch of the mean 3
	// 6 series: lower edge, band width, mean per group
}
