package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/lab"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// A report of more than largeSweep runs summarises instead of drawing
// every run: a chart per run (and a comparison with a line per run) is what
// made a 1,024-trial report 6 MB with 1,032 charts, 22 s to load.
const (
	largeSweep = 50
	// topK runs keep their own curves in a large report.
	topK = 10
	// maxSlices bounds the per-hyperparameter charts, the most important
	// first, so that a large report draws at most 1+1+1+1+maxSlices+2+topK
	// (24) charts however many hyperparameters vary.
	maxSlices = 8
	// heatmapCells bounds the distinct values of each heatmap axis: a random
	// search tries a new learning rate in every trial, and a heatmap of
	// 10,000 columns is neither readable nor small.
	heatmapCells = 24
)

// largeReportPage lays out the report of a large sweep: the best topK
// runs' curves; the sweep as aggregates (the best loss so far over the run
// order, the spread of final losses); which hyperparameters mattered; the
// sweep views over every trial; every trial in a table with a filter; and
// the best runs' own charts. order lists the rows' IDs in the order the
// runs ran (nil: the rows' trial order).
func largeReportPage(title string, res *training.Results, order []string, notes []string, source plotting.Source) (*plotting.Page, error) {
	page := &plotting.Page{Title: title, Source: source}
	for _, n := range notes {
		page.Text(n)
	}
	rows := withHistory(res.Rows)
	top := (&training.Results{Rows: rows}).Top(topK)
	names := viewOrder(res.Names)
	page.Text(fmt.Sprintf("%d runs: too many to draw one by one, so this report draws the best %d runs' curves, the others as the best loss so far and the spread of final losses, the sweep views over all %d runs, and lists every run in a table with a filter.",
		len(rows), len(top), len(rows)))

	page.Heading(fmt.Sprintf("The best %d runs", len(top)))
	colorBy := ""
	if len(names) > 0 {
		colorBy = names[0]
	}
	cmpChart, err := plotting.Compare(plottingRuns(top), plotting.CompareOptions{LogY: true, ColorBy: colorBy,
		Title: fmt.Sprintf("Validation loss per epoch, best %d of %d runs", len(top), len(rows))})
	if err != nil {
		return nil, err
	}
	page.Chart(cmpChart)

	page.Heading(fmt.Sprintf("All %d runs", len(rows)))
	page.Chart(plotting.BestSoFar(bestInOrder(rows, order), plotting.BestSoFarOptions{LogY: true}))
	final := finalLosses(rows)
	page.Chart(plotting.Histogram([]plotting.Sample{{Name: "runs", Values: final}},
		plotting.HistogramOptions{Title: fmt.Sprintf("Final validation loss of %d runs", len(rows)), XName: "final validation loss"}))
	page.Text(spreadText(final, len(rows)))

	imp, impErr := res.Importance(training.Spec, 1)
	if impErr == nil && len(names) > 0 {
		page.Heading("Which hyperparameters mattered")
		page.Chart(lab.ImportanceChart(imp))
		page.Text(lab.ImportanceSummary(imp))
		if complete := finished(res.Rows); complete > training.ImportanceRows {
			page.Text(fmt.Sprintf("Measured on %d of the %d finished runs, drawn at random (seed 1): the forest's cost grows faster than the runs.", training.ImportanceRows, complete))
		}
	}
	if len(names) > 0 {
		page.Heading("Best validation loss against the hyperparameters")
		trials, opts := numbered(lab.SweepTrials(rows, names), rows), lab.SweepOptions(training.Spec)
		shown := 0
		for _, n := range byImportance(names, imp) {
			if shown < maxSlices && numeric(trials, n) {
				page.Chart(plotting.Slice(trials, n, opts))
				shown++
			}
		}
		if len(names) >= 2 {
			if x, y := distinct(rows, names[0]), distinct(rows, names[1]); x <= heatmapCells && y <= heatmapCells {
				page.Chart(plotting.Heatmap(trials, names[0], names[1], opts))
			} else {
				page.Text(fmt.Sprintf("No heatmap of %s against %s: they take %d and %d values, more than %d (a random search); the slices and the parallel coordinates show them.",
					names[0], names[1], x, y, heatmapCells))
			}
		}
		page.Chart(plotting.Parallel(trials, opts))
	}

	page.Heading("Results")
	if best, ok := bestSentence(res); ok {
		page.Text(best)
	}
	header, cells := res.Cells()
	if err := page.FilterTable(plotting.FilterTable{ID: "hyperlab-runs-table", Table: plotting.Table{
		Caption: fmt.Sprintf("Every run (%d), in the order of --sort; the charts name runs by their trial number", len(cells)),
		Header:  header, Rows: cells}}); err != nil {
		return nil, err
	}

	page.Heading(fmt.Sprintf("Each of the best %d runs", len(top)))
	for _, r := range top {
		label := fmt.Sprintf("trial %d: %s", r.Trial, valuesText(r.Values, res.Names))
		page.Chart(plotting.Loss(r.History, plotting.LossOptions{Title: label + " (" + string(r.History.Status) + ")", LogY: true}))
	}
	return page, nil
}

// withHistory keeps the rows that have a run's history to draw.
func withHistory(rows []training.Row) []training.Row {
	out := make([]training.Row, 0, len(rows))
	for _, r := range rows {
		if r.History != nil {
			out = append(out, r)
		}
	}
	return out
}

func plottingRuns(rows []training.Row) []plotting.Run {
	out := make([]plotting.Run, len(rows))
	for i, r := range rows {
		out[i] = plotting.Run{Label: "trial " + strconv.Itoa(r.Trial), Values: r.Values, History: r.History}
	}
	return out
}

// bestInOrder returns each row's best loss in the order the runs ran: by
// order's IDs when given, else by trial number.
func bestInOrder(rows []training.Row, order []string) []float64 {
	sorted := slices.Clone(rows)
	if order != nil {
		pos := make(map[string]int, len(order))
		for i, id := range order {
			pos[id] = i
		}
		slices.SortStableFunc(sorted, func(a, b training.Row) int { return cmp.Compare(pos[a.ID], pos[b.ID]) })
	} else {
		slices.SortStableFunc(sorted, func(a, b training.Row) int { return cmp.Compare(a.Trial, b.Trial) })
	}
	out := make([]float64, len(sorted))
	for i, r := range sorted {
		out[i] = r.BestLoss
		if r.Status != history.Finished && r.Status != training.Pruned {
			out[i] = math.NaN()
		}
	}
	return out
}

// finalLosses are the rows' final validation losses (NaN for a run that
// diverged or has none).
func finalLosses(rows []training.Row) []float64 {
	out := make([]float64, len(rows))
	for i, r := range rows {
		out[i] = r.ValLoss
		if r.Status == history.Diverged {
			out[i] = math.NaN()
		}
	}
	return out
}

// spreadText states the five-number summary of the final losses and how
// many runs have none.
func spreadText(final []float64, runs int) string {
	var v []float64
	for _, x := range final {
		if history.Finite(x) {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return fmt.Sprintf("None of the %d runs ended with a finite validation loss.", runs)
	}
	slices.Sort(v)
	q := func(p float64) string { return history.Format(v[int(math.Round(p*float64(len(v)-1)))]) }
	s := fmt.Sprintf("Final validation loss of the %d runs that ended with one: lowest %s, quartiles %s, %s (median), %s, highest %s.",
		len(v), q(0), q(0.25), q(0.5), q(0.75), q(1))
	if missing := runs - len(v); missing > 0 {
		s += fmt.Sprintf(" The other %d diverged or ended without one.", missing)
	}
	return s
}

// finished counts the rows Importance measures (Row.Complete).
func finished(rows []training.Row) int {
	n := 0
	for _, r := range rows {
		if r.Complete() {
			n++
		}
	}
	return n
}

// byImportance orders names by their importance share, largest first;
// names without a measure keep their order after those with one.
func byImportance(names []string, imp []training.Importance) []string {
	rank := map[string]int{}
	for i, m := range imp {
		rank[m.Name] = i
	}
	out := slices.Clone(names)
	slices.SortStableFunc(out, func(a, b string) int {
		ra, oka := rank[a]
		rb, okb := rank[b]
		switch {
		case oka && okb:
			return cmp.Compare(ra, rb)
		case oka:
			return -1
		case okb:
			return 1
		}
		return 0
	})
	return out
}

// numbered names each of trials (those of rows) by its trial number, as
// the table's trial column, rather than by its values, and draws its
// fractional values to four significant digits: short names and numbers
// keep ten thousand points small (the table holds the values as run).
func numbered(trials []plotting.Trial, rows []training.Row) []plotting.Trial {
	for i := range trials {
		trials[i].Label = "trial " + strconv.Itoa(rows[i].Trial)
		for n, x := range trials[i].Values {
			if f, ok := x.(float64); ok && history.Finite(f) {
				trials[i].Values[n] = hparams.Significant(f, 4)
			}
		}
	}
	return trials
}

// distinct counts the values of name over rows, as text.
func distinct(rows []training.Row, name string) int {
	seen := map[string]bool{}
	for _, r := range rows {
		seen[fmt.Sprint(r.Values[name])] = true
	}
	return len(seen)
}
