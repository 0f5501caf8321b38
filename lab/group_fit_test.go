package lab

import (
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training"
)

// The best epoch of FitGroup is the seed mean's, not a seed's own dip:
// seed 2 dips at epoch 4, the mean is lowest at epoch 2.
func TestFitGroupBestOfMean(t *testing.T) {
	run := func(vals ...float64) *Run {
		h := &history.History{Status: history.Finished}
		for i, v := range vals {
			h.Epochs = append(h.Epochs, history.Epoch{Epoch: i + 1, TrainLoss: 0.1, ValLoss: v, ValAccuracy: 0.9})
		}
		return &Run{History: h, Values: training.Spec.Defaults()}
	}
	g := &Group{Runs: []*Run{run(0.5, 0.30, 0.40, 0.50), run(0.5, 0.35, 0.45, 0.20), run(0.5, 0.30, 0.40, 0.50)}}
	tab, s := FitGroup(g)
	if len(tab.Rows) != 3 || tab.Rows[1][1] != "2" || tab.Rows[2][1] != "4" {
		t.Fatalf("rows %v; want the best epoch of the mean (2) and the last (4)", tab.Rows)
	}
	if tab.Rows[1][4] != "0.2167 ± 0.029" {
		t.Errorf("gap at the best epoch %q; want 0.2167 ± 0.029", tab.Rows[1][4])
	}
	if !strings.Contains(s, "lowest at epoch 2; the runs end at epoch 4.") {
		t.Errorf("sentence %q", s)
	}
	// A seed stopped early: the last row takes each seed's own last epoch.
	g.Runs[2] = run(0.5, 0.30, 0.40)
	tab, s = FitGroup(g)
	if tab.Rows[2][1] != "3–4" || tab.Rows[2][3] != "0.3667 ± 0.15" || !strings.Contains(s, "end at epoch 3–4") {
		t.Errorf("last row %v, sentence %q; want epochs 3–4 and the final val losses 0.5, 0.2, 0.4", tab.Rows[2], s)
	}
}

func TestMixedSteps(t *testing.T) {
	run := func(steps int) *Run {
		return &Run{History: &history.History{Epochs: []history.Epoch{{Epoch: 1, Steps: steps}}}}
	}
	if mixedSteps([]*Run{run(50), run(50)}) || !mixedSteps([]*Run{run(200), run(7)}) || mixedSteps([]*Run{run(7), nil}) {
		t.Error("mixedSteps: want false for one batch size, true for two")
	}
}
