package plotting

import (
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// BestSoFarOptions tunes BestSoFar.
type BestSoFarOptions struct {
	Title  string // default "Best <metric> so far"
	Metric string // the metric's name for the y axis; default "validation loss"
	LogY   bool
}

// BestSoFarData is what BestSoFar draws: every trial's value in the order
// the trials ran, and the lowest value up to each of them. Trials without a
// finite value (diverged, failed) count in the order but draw no point.
type BestSoFarData struct {
	Title, Metric string
	LogY          bool
	Trials        []int     // trial numbers from 1, of the finite values
	Values        []float64 // each trial's value, parallel to Trials
	Best          []float64 // the best value up to and including each trial in Trials
	Missing       int       // trials without a finite value
	Notice        string
}

// BestSoFarInfo collects the history of a sweep from its trials' values
// in the order they ran (lower is better): Optuna's optimization history,
// the view of a sweep that stays readable at any number of trials.
func BestSoFarInfo(values []float64, o BestSoFarOptions) BestSoFarData {
	d := BestSoFarData{Title: o.Title, Metric: o.Metric, LogY: o.LogY}
	if d.Metric == "" {
		d.Metric = ValLoss.Label()
	}
	if d.Title == "" {
		d.Title = i18n.Tf("Best %s so far", i18n.T(d.Metric))
	}
	best := math.Inf(1)
	for i, v := range values {
		if !history.Finite(v) || (d.LogY && v <= 0) {
			d.Missing++
			continue
		}
		best = math.Min(best, v)
		d.Trials = append(d.Trials, i+1)
		d.Values = append(d.Values, v)
		d.Best = append(d.Best, best)
	}
	if len(d.Trials) == 0 {
		d.Notice = i18n.T("No trials with a finite value to show.")
	}
	return d
}

// BestSoFar draws every trial's value as a dot at its place in the run
// order, and the best value so far as a step line over them.
func BestSoFar(values []float64, o BestSoFarOptions) *Chart {
	return BestSoFarInfo(values, o).Chart()
}

// Chart draws d. The step line is drawn as a staircase of its own points
// (down at each trial that improved on the best), so the browser and the
// static image draw the same steps, and it keeps only those corners, so it
// stays small however many trials ran.
func (d BestSoFarData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d BestSoFarData) draw() *Chart {
	dots := make([]opts.ScatterData, len(d.Trials))
	var steps []opts.LineData
	for i, t := range d.Trials {
		dots[i] = opts.ScatterData{Value: []any{t, num(d.Values[i])}}
		switch {
		case i == 0:
			steps = append(steps, opts.LineData{Value: []any{t, num(d.Best[i])}})
		case d.Best[i] < d.Best[i-1]:
			steps = append(steps, opts.LineData{Value: []any{t, num(d.Best[i-1])}}, opts.LineData{Value: []any{t, num(d.Best[i])}})
		}
	}
	if last := len(d.Trials) - 1; last > 0 {
		steps = append(steps, opts.LineData{Value: []any{d.Trials[last], num(d.Best[last])}})
	}
	l := charts.NewLine()
	l.SetGlobalOptions(append(frame(d.Title), itemTrigger,
		charts.WithXAxisOpts(xAxis(i18n.T("trial"), false, true)),
		charts.WithYAxisOpts(yAxis(i18n.T(d.Metric), d.LogY)))...)
	l.AddSeries(i18n.T("best so far"), steps, withColor("#d62728"),
		charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)}),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 2}))
	s := charts.NewScatter()
	s.AddSeries(i18n.T("trials"), dots, withColor("#7f9bd6"),
		charts.WithScatterChartOpts(opts.ScatterChart{SymbolSize: 3}))
	l.Overlap(s)
	return FromECharts(l)
}
