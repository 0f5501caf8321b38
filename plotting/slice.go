package plotting

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// SlicePoint is one trial in a Slice chart.
type SlicePoint struct {
	Label string
	X     string  // the hyperparameter's value, as text
	XNum  float64 // the value as a number, when Numeric
	Y     float64
}

// SliceData is what Slice draws.
type SliceData struct {
	Title, Param, Metric string
	Numeric, LogX        bool
	Categories           []string // the x values in order, when not Numeric
	Points               []SlicePoint
	Notice               string
}

// SliceInfo collects the value of each trial (Trial.Value: the sweep views'
// best validation loss) against one hyperparameter; trials without a
// finite value are left out.
func SliceInfo(trials []Trial, param string, opts SweepOptions) SliceData {
	d := SliceData{Title: opts.Title, Param: param, Metric: opts.metric()}
	if d.Title == "" {
		d.Title = capitalize(d.Metric) + " by " + param
	}
	var kept []Trial
	for _, t := range trials {
		if _, ok := t.Values[param]; ok && history.Finite(t.Value) {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		d.Notice = i18n.Tf("No finished trials with %s to show.", param)
		return d
	}
	cats, numeric := axisValues(kept, param)
	d.Numeric = numeric
	d.LogX = numeric && opts.isLog(param)
	if !numeric {
		d.Categories = cats
	}
	for _, t := range kept {
		p := SlicePoint{Label: t.Label, X: valueText(t.Values, param), Y: t.Value}
		p.XNum, _ = toFloat(t.Values[param])
		d.Points = append(d.Points, p)
	}
	return d
}

// Slice draws the value of every trial against one hyperparameter,
// on a log axis when the hyperparameter is log-scaled (SweepOptions.LogParams).
func Slice(trials []Trial, param string, opts SweepOptions) *Chart {
	return SliceInfo(trials, param, opts).Chart()
}

// Chart draws d.
func (d SliceData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d SliceData) draw() *Chart {
	data := make([]opts.ScatterData, len(d.Points))
	for i, p := range d.Points {
		var x any = p.X
		if d.Numeric {
			x = p.XNum
		}
		data[i] = opts.ScatterData{Name: p.Label, Value: []any{x, num(p.Y)}}
	}
	x := xAxis(d.Param, d.LogX, false)
	s := charts.NewScatter()
	if d.Numeric {
		x.Scale = opts.Bool(true) // fit the values tried rather than start at 0
	} else {
		x.Type = "category"
		s.SetXAxis(d.Categories)
	}
	s.SetGlobalOptions(append(frame(d.Title), noLegend, itemTrigger,
		charts.WithXAxisOpts(x), charts.WithYAxisOpts(yAxis(i18n.T(d.Metric), false)))...)
	s.AddSeries(i18n.T("trials"), data, charts.WithScatterChartOpts(opts.ScatterChart{SymbolSize: 10}))
	return FromECharts(s)
}
