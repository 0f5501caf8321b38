package lab

import (
	"fmt"
	"math"
	"slices"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// Compare overlays the validation loss per epoch of runs (the training loss
// when they have no validation set), labelled by the hyperparameters that
// differ between them, a diverged run cut at its divergence and marked,
// and shows their Summary table below the chart. Runs trained with Seeds
// are compared as groups (see CompareGroups).
func Compare(runs ...*Run) {
	CompareBy(plotting.CompareOptions{}, runs...)
}

// CompareBy is Compare with options: another metric, a log axis, a title,
// colours by one hyperparameter.
func CompareBy(opts plotting.CompareOptions, runs ...*Run) {
	if gs, ok := groupsOf(runs); ok { // runs trained with Seeds: means with bands
		CompareGroupsBy(plotting.BandOptions{Title: opts.Title, Metric: opts.Metric, LogY: opts.LogY}, gs...)
		return
	}
	c, err := CompareChart(opts, runs...)
	Check(err)
	show(c)
	Summary(runs...).Show()
}

// Overlay shows CompareBy's chart without the table, e.g. a second
// metric of runs already compared.
func Overlay(opts plotting.CompareOptions, runs ...*Run) {
	c, err := CompareChart(opts, runs...)
	Check(err)
	show(c)
}

// CompareChart returns Compare's chart.
func CompareChart(opts plotting.CompareOptions, runs ...*Run) (*plotting.Chart, error) {
	return plotting.Compare(plottingRuns(runs), opts)
}

func plottingRuns(runs []*Run) []plotting.Run {
	out := make([]plotting.Run, 0, len(runs))
	for _, r := range runs {
		if r != nil && r.History != nil {
			out = append(out, r.plottingRun())
		}
	}
	return out
}

// Summary tabulates what the runs measured, one row each: status, epochs,
// steps per epoch, seconds per epoch (only when the runs differ in batch
// size, the one comparison about time, rounded to two digits: wall-clock
// times change the saved notebook at every run), final training and validation loss,
// the gap between them, the best epoch and its validation loss, the final
// validation accuracy, and how many epochs the validation loss went up
// (the training loss without a validation set): a curve that bounces
// instead of falling.
func Summary(runs ...*Run) Table {
	pr := plottingRuns(runs)
	labels := plotting.Labels(pr)
	t := Table{Header: i18n.Ts("run", "status", "epochs", "steps/epoch", "s/epoch", // not a hyperparameter name: column headers
		"train loss", "val loss", "gap (val−train)", "best epoch", "best val loss", "val accuracy", "epochs the val loss rose")}
	timed := differIn(pr, training.ParamBatchSize)
	for i, p := range pr {
		h := p.History
		row := []string{labels[i], i18n.T(string(h.Status)), fmt.Sprint(len(h.Epochs)), "–", "–", "–", "–", "–", "–", "–", "–", fmt.Sprint(rises(h))}
		if last, ok := h.Last(); ok {
			row[3] = fmt.Sprint(last.Steps)
			if timed {
				row[4] = fmt.Sprintf("%.2g", meanSeconds(h))
			}
			row[5], row[6] = num(last.TrainLoss), num(last.ValLoss)
			row[7] = num(last.ValLoss - last.TrainLoss)
			if finite(last.ValAccuracy) {
				row[10] = fmt.Sprintf("%.1f%%", 100*last.ValAccuracy)
			}
		}
		if best, ok := h.Best(); ok && finite(best.ValLoss) {
			row[8], row[9] = fmt.Sprint(best.Epoch), num(best.ValLoss)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// differIn reports whether the runs hold more than one value of name
// (hparams.Differing, the one comparison of hyperparameter values).
func differIn(runs []plotting.Run, name string) bool {
	values := make([]map[string]any, len(runs))
	for i, r := range runs {
		values[i] = r.Values
	}
	return slices.Contains(hparams.Differing(values...), name)
}

func meanSeconds(h *history.History) float64 {
	sum, n := 0.0, 0
	for _, e := range h.Epochs {
		if finite(e.Seconds) {
			sum, n = sum+e.Seconds, n+1
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// rises counts the epochs whose validation loss (training loss without
// validation) is higher than the epoch before.
func rises(h *history.History) int {
	useVal := false
	for _, e := range h.Epochs {
		useVal = useVal || finite(e.ValLoss)
	}
	n := 0
	for i := 1; i < len(h.Epochs); i++ {
		a, b := h.Epochs[i-1].TrainLoss, h.Epochs[i].TrainLoss
		if useVal {
			a, b = h.Epochs[i-1].ValLoss, h.Epochs[i].ValLoss
		}
		if finite(a) && finite(b) && b > a {
			n++
		}
	}
	return n
}
