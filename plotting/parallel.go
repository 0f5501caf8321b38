package plotting

import (
	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
)

// ParallelAxis is one axis of a parallel-coordinates chart.
type ParallelAxis struct {
	Name       string
	Numeric    bool
	Log        bool
	Categories []string // the values in order, when not Numeric
}

// ParallelData is what Parallel draws: one axis per hyperparameter and a
// last one for the metric, and one line per trial.
type ParallelData struct {
	Title  string
	Axes   []ParallelAxis
	Lines  [][]any // per trial: one value per axis (a number or a category)
	Labels []string
	Notice string
}

// ParallelInfo collects a parallel-coordinates view of trials over all their
// hyperparameters and the metric; trials without a finite metric are left
// out.
func ParallelInfo(trials []Trial, opts SweepOptions) ParallelData {
	d := ParallelData{Title: opts.Title}
	if d.Title == "" {
		d.Title = i18n.Tf("Hyperparameters and %s", i18n.T(opts.metric()))
	}
	var kept []Trial
	for _, t := range trials {
		if history.Finite(t.Value) {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		d.Notice = i18n.T("No finished trials to show.")
		return d
	}
	names := paramNames(kept)
	for _, n := range names {
		cats, numeric := axisValues(kept, n)
		a := ParallelAxis{Name: n, Numeric: numeric, Log: numeric && opts.isLog(n)}
		if !numeric {
			a.Categories = cats
		}
		d.Axes = append(d.Axes, a)
	}
	d.Axes = append(d.Axes, ParallelAxis{Name: opts.metric(), Numeric: true})
	for _, t := range kept {
		line := make([]any, 0, len(d.Axes))
		for _, a := range d.Axes[:len(names)] {
			if a.Numeric {
				f, _ := toFloat(t.Values[a.Name])
				line = append(line, f)
			} else {
				line = append(line, valueText(t.Values, a.Name))
			}
		}
		d.Lines = append(d.Lines, append(line, t.Value))
		d.Labels = append(d.Labels, t.Label)
	}
	return d
}

// Parallel draws every trial as a line across one axis per hyperparameter
// and the metric, coloured by the metric.
func Parallel(trials []Trial, opts SweepOptions) *Chart {
	return ParallelInfo(trials, opts).Chart()
}

// Chart draws d.
func (d ParallelData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d ParallelData) draw() *Chart {
	axes := make([]opts.ParallelAxis, len(d.Axes))
	for i, a := range d.Axes {
		axes[i] = opts.ParallelAxis{Dim: i, Name: a.Name, Type: axisType(a.Log)}
		if !a.Numeric {
			axes[i].Type, axes[i].Data = "category", a.Categories
		}
	}
	data := make([]opts.ParallelData, len(d.Lines))
	span := noExtent()
	for i, l := range d.Lines {
		vals := make([]any, len(l))
		for k, v := range l {
			if f, ok := v.(float64); ok {
				v = num(f)
			}
			vals[k] = v
		}
		data[i] = opts.ParallelData{Name: d.Labels[i], Value: vals}
		if v, ok := vals[len(vals)-1].(float64); ok {
			span.add(v)
		}
	}
	min, max := visualRange(span.lo, span.hi)
	p := charts.NewParallel()
	// The visual map colours by the last data column, the metric; it stands
	// at the bottom right, under the toolbox.
	p.SetGlobalOptions(append(frame(d.Title), noLegend,
		charts.WithParallelComponentOpts(opts.ParallelComponent{Top: "70", Left: "60", Right: "110", Bottom: "60"}),
		charts.WithParallelAxisList(axes),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Min: min, Max: max, Show: opts.Bool(true),
			Calculable: opts.Bool(true), Orient: "vertical", Right: "0", Bottom: "20",
			InRange: &opts.VisualMapInRange{Color: []string{"#313695", "#fee090", "#a50026"}}}))...)
	p.AddSeries(i18n.T("trials"), data, charts.WithLineStyleOpts(opts.LineStyle{Width: 2, Opacity: opts.Float(0.7)}))
	return FromECharts(p).extend(func(o map[string]any) {
		fixParallelAxes(o)
		withPrecision(o)
	})
}
