package plotting

import (
	"math"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// A regularized run's loss chart draws the data losses and, apart, the
// penalty as dashed series; an unregularized run's has no penalty series.
func TestPenaltyOwnSeries(t *testing.T) {
	h := &history.History{Status: history.Finished}
	for e := 1; e <= 3; e++ {
		h.Epochs = append(h.Epochs, history.Epoch{Epoch: e, TrainLoss: 0.5 / float64(e), ValLoss: 0.6 / float64(e),
			TrainPenalty: 0.1, ValPenalty: 0.09, ValAccuracy: math.NaN(), ValError: math.NaN(), TrainAccuracy: math.NaN()})
	}
	var names []string
	for _, s := range Loss(h, LossOptions{}).Series() {
		names = append(names, s.Name)
	}
	if len(names) != 4 || names[2] != "train penalty" || names[3] != "validation penalty" {
		t.Errorf("series %v; want train and validation loss, then the penalties", names)
	}
	for i := range h.Epochs {
		h.Epochs[i].TrainPenalty, h.Epochs[i].ValPenalty = 0, 0
	}
	if n := len(Loss(h, LossOptions{}).Series()); n != 2 {
		t.Errorf("unregularized run: %d series, want 2", n)
	}
}
