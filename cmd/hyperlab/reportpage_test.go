package main

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// The report draws a sweep's views as a notebook does (lab.SweepTrials):
// each trial at its best validation loss, not its final one.
func TestReportSweepViewsShowTheBestValidationLoss(t *testing.T) {
	row := func(trial int, lr float64, status history.Status, losses ...float64) training.Row {
		h := &history.History{Status: status}
		for i, l := range losses {
			h.Epochs = append(h.Epochs, history.Epoch{Epoch: i + 1, TrainLoss: l, ValLoss: l,
				ValAccuracy: math.NaN(), ValError: math.NaN(), TrainAccuracy: math.NaN()})
		}
		return training.Row{Trial: trial, Values: map[string]any{training.ParamLearningRate: lr, training.ParamBatchSize: 16 << trial},
			Status: status, BestLoss: slices.Min(losses), ValLoss: losses[len(losses)-1], History: h}
	}
	rows := []training.Row{row(0, 0.1, history.Finished, 0.5, 0.321, 0.456), row(1, 1, history.Pruned, 0.6, 0.555, 0.58)}
	for _, overTwo := range []bool{false, true} {
		page := &plotting.Page{Title: "views"}
		if err := sweepViews(page, rows, []string{training.ParamLearningRate, training.ParamBatchSize}, overTwo); err != nil {
			t.Fatal(err)
		}
		html, err := page.HTML()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(html, "Best validation loss against the hyperparameters") || !strings.Contains(html, "0.321") || !strings.Contains(html, "0.555") {
			t.Errorf("overTwo %v: the sweep views lack the best validation losses 0.321 and 0.555", overTwo)
		}
		if strings.Contains(html, "0.456") || strings.Contains(html, "0.58") {
			t.Errorf("overTwo %v: the sweep views show a final validation loss", overTwo)
		}
		if !strings.Contains(html, `"name":"trial 0"`) || !strings.Contains(html, `"name":"trial 1"`) {
			t.Errorf("overTwo %v: the sweep views' points are not named by their trial", overTwo)
		}
	}
}
