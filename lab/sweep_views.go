package lab

import (
	"math"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// The sweep views (slice, heatmap, parallel coordinates and the linked
// display) of a notebook and of `hyperlab report` are drawn from the same
// data, made here: one point per trial at its best validation loss.

// ViewValue is a trial's number on the sweep views: its best validation
// loss, the number the results table ranks trials by, for a trial that
// finished or that a pruner stopped; NaN (no point) for one that diverged,
// failed or has no finite loss.
func ViewValue(r training.Row) float64 {
	if r.Ranked() {
		return r.BestLoss
	}
	return math.NaN()
}

// SweepTrials is the sweep views' data of rows: each row's values of names
// (the hyperparameters that vary) and its ViewValue.
func SweepTrials(rows []training.Row, names []string) []plotting.Trial {
	out := make([]plotting.Trial, len(rows))
	for i, r := range rows {
		varied := make(map[string]any, len(names))
		for _, n := range names {
			varied[n] = r.Values[n]
		}
		out[i] = plotting.Trial{Values: varied, Value: ViewValue(r)}
	}
	return out
}

// SweepOptions are the sweep views' options: they name the ViewValue and
// put the hyperparameters spec declares log-scaled on log axes.
func SweepOptions(spec *hparams.Spec) plotting.SweepOptions {
	return plotting.SweepOptions{Metric: i18n.T("best validation loss"), LogParams: plotting.LogParams(spec)}
}

// LinkedSweep is the linked display (plotting.LinkedSweep) of the trials
// of res that have a history: their curves, the sweep views over names at
// each one's ViewValue, and their rows of res's table.
func LinkedSweep(res *training.Results, names []string, o plotting.SweepOptions) (*plotting.Linked, error) {
	header, cells := res.Cells()
	var runs []plotting.Run
	var values []float64
	var rows [][]string
	for i, r := range res.Rows {
		if r.History == nil {
			continue
		}
		runs = append(runs, plotting.Run{Values: r.Values, History: r.History})
		values = append(values, ViewValue(r))
		rows = append(rows, cells[i])
	}
	return plotting.LinkedSweep(runs, values, plotting.Table{Header: header, Rows: rows}, names, o)
}
