package lab

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/hyperlab-go/hyperlab/plotting"
)

// show displays each chart under the cell as one saved output (its
// interactive HTML, its image and its title); outside a notebook it does
// nothing.
func show(charts ...*plotting.Chart) {
	Check(plotting.Display(charts...))
}

// showSideBySide displays charts in a row that wraps on narrow pages, as
// one output.
func showSideBySide(width string, charts ...*plotting.Chart) {
	Check(plotting.DisplayRow(width, charts...))
}

// ShowLoss shows the training and validation loss per epoch of one run,
// its best epoch marked, and its Summary.
func ShowLoss(r *Run, opts plotting.LossOptions) {
	show(plotting.Loss(r.History, opts))
	Summary(r).Show()
}

// ShowSteps shows the loss of every optimizer step of the runs with a
// moving average over window steps (0 means 10): the noise of small
// batches and the oscillation of a large learning rate show here.
// Below the chart, StepNoise measures the same thing.
func ShowSteps(window int, runs ...*Run) {
	o := plotting.StepOptions{Window: window, LogY: true, Epochs: mixedSteps(runs)}
	if o.Epochs { // runs of different batch sizes: one comparable x axis
		o.Title = i18n.T("Loss per step, placed by epoch")
	}
	ShowStepsBy(o, runs...)
}

// ShowStepsBy is ShowSteps with options: epochs on the x axis (runs of
// different batch sizes on one comparable axis), a linear axis, a title.
func ShowStepsBy(o plotting.StepOptions, runs ...*Run) {
	show(plotting.StepLoss(plottingRuns(runs), o))
	StepNoise(runs...).Show()
}

// mixedSteps reports whether the runs take different numbers of steps per
// epoch (different batch sizes): their step losses then share one axis
// only when it counts epochs.
func mixedSteps(runs []*Run) bool {
	steps := -1
	for _, r := range runs {
		if r == nil || r.History == nil || len(r.Epochs) == 0 {
			continue
		}
		if steps >= 0 && r.Epochs[0].Steps != steps {
			return true
		}
		steps = r.Epochs[0].Steps
	}
	return false
}

// StepNoise tabulates how noisy each run's per-step loss is over the second
// half of its steps (after the first descent; up to a divergence): the mean
// and standard deviation of the step losses, the mean size of the change
// from one step to the next, and the share of steps whose loss went up
// instead of down.
func StepNoise(runs ...*Run) Table {
	labels := plotting.Labels(plottingRuns(runs))
	t := Table{Header: i18n.Ts("run", "steps", "steps measured", "mean loss", "std of loss", "mean |step change|", "steps that went up")}
	for i, r := range runs {
		if r == nil || r.History == nil {
			continue
		}
		tail := secondHalf(r.StepLoss)
		row := []string{labels[i], fmt.Sprint(len(r.StepLoss)), fmt.Sprint(len(tail)), "–", "–", "–", "–"}
		if len(tail) > 1 {
			mean, std := meanStd(tail)
			change, up := 0.0, 0
			for k := 1; k < len(tail); k++ {
				change += math.Abs(tail[k] - tail[k-1])
				if tail[k] > tail[k-1] {
					up++
				}
			}
			row[3], row[4] = num(mean), num(std)
			row[5] = num(change / float64(len(tail)-1))
			row[6] = fmt.Sprintf("%.0f%%", 100*float64(up)/float64(len(tail)-1))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// secondHalf returns the second half of the finite prefix of xs.
func secondHalf(xs []float64) []float64 {
	end := len(xs)
	for i, x := range xs {
		if !finite(x) {
			end = i
			break
		}
	}
	return xs[end/2 : end]
}

func meanStd(xs []float64) (mean, std float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		std += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(std / float64(len(xs)))
}
