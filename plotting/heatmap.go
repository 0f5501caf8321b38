package plotting

import (
	"math"
	"slices"
	"strconv"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// HeatmapData is what Heatmap draws: the mean metric of the trials in each
// cell of two hyperparameters (NaN for an empty cell).
type HeatmapData struct {
	Title, XParam, YParam, Metric string
	XValues, YValues              []string
	Cells                         [][]float64 // [y][x]
	Min, Max                      float64     // of the cells
	ScaleMin, ScaleMax            float64     // the colour scale's ends: Min and Max unless anchored (SweepOptions.ColorRange)
	Notice                        string
}

// HeatmapInfo collects the mean trial value over a grid of two
// hyperparameters.
func HeatmapInfo(trials []Trial, xParam, yParam string, opts SweepOptions) HeatmapData {
	d := HeatmapData{Title: opts.Title, XParam: xParam, YParam: yParam, Metric: opts.metric()}
	if d.Title == "" {
		d.Title = capitalize(d.Metric) + " by " + xParam + " and " + yParam
	}
	var kept []Trial
	for _, t := range trials {
		_, okx := t.Values[xParam]
		_, oky := t.Values[yParam]
		if okx && oky && history.Finite(t.Value) {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		d.Notice = i18n.Tf("No finished trials with %s and %s to show.", xParam, yParam)
		return d
	}
	d.XValues, _ = axisValues(kept, xParam)
	d.YValues, _ = axisValues(kept, yParam)
	sum := make([][]float64, len(d.YValues))
	count := make([][]int, len(d.YValues))
	for i := range sum {
		sum[i] = make([]float64, len(d.XValues))
		count[i] = make([]int, len(d.XValues))
	}
	for _, t := range kept {
		xi := slices.Index(d.XValues, valueText(t.Values, xParam))
		yi := slices.Index(d.YValues, valueText(t.Values, yParam))
		sum[yi][xi] += t.Value
		count[yi][xi]++
	}
	span := noExtent()
	d.Cells = make([][]float64, len(d.YValues))
	for yi := range sum {
		d.Cells[yi] = make([]float64, len(d.XValues))
		for xi := range sum[yi] {
			v := math.NaN()
			if count[yi][xi] > 0 {
				v = sum[yi][xi] / float64(count[yi][xi])
				span.add(v)
			}
			d.Cells[yi][xi] = v
		}
	}
	d.Min, d.Max = span.lo, span.hi
	d.ScaleMin, d.ScaleMax = d.Min, d.Max
	if r := opts.ColorRange; r != [2]float64{} {
		d.ScaleMin, d.ScaleMax = math.Min(r[0], d.Min), math.Max(r[1], d.Max)
	}
	return d
}

// Heatmap draws the mean trial value over two hyperparameters.
func Heatmap(trials []Trial, xParam, yParam string, opts SweepOptions) *Chart {
	return HeatmapInfo(trials, xParam, yParam, opts).Chart()
}

// Chart draws d.
func (d HeatmapData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d HeatmapData) draw() *Chart {
	var data []opts.HeatMapData
	span := noExtent()
	if d.ScaleMin < d.ScaleMax {
		span = extent{d.ScaleMin, d.ScaleMax}
	}
	for yi, row := range d.Cells {
		for xi, v := range row {
			if history.Finite(v) {
				v = hparams.Significant(v, 4) // the labels of cells
				span.add(v)
				data = append(data, opts.HeatMapData{Value: []any{xi, yi, v}})
			}
		}
	}
	min, max := visualRange(span.lo, span.hi)
	h := charts.NewHeatMap()
	h.SetGlobalOptions(append(frame(d.Title, opts.Grid{Top: "60", Left: "60", Right: "40", Bottom: "90", ContainLabel: opts.Bool(true)}),
		noLegend, itemTrigger,
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: d.XParam, NameLocation: "middle", NameGap: 30, Data: d.XValues}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Name: d.YParam, NameLocation: "middle", NameGap: 50, Data: d.YValues}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Min: min, Max: max, Calculable: opts.Bool(true),
			Orient: "horizontal", Left: "center", Bottom: "5",
			InRange: &opts.VisualMapInRange{Color: []string{"#313695", "#74add1", "#fee090", "#f46d43", "#a50026"}}}))...)
	// A fixed ECharts template: the cell's value (data column 2).
	h.AddSeries(i18n.T(d.Metric), data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{@[2]}"}))
	return FromECharts(h).extend(withPrecision).extend(drawAtOnce)
}

// visualRange returns lo and hi as the float32 bounds of a visual map,
// rounded outwards so that no value between them falls out of its range.
func visualRange(lo, hi float64) (float32, float32) {
	return float32Bound(lo, -1), float32Bound(hi, 1)
}

// float32Bound returns the float32 nearest v on the side dir (-1 below, +1
// above) as JSON writes it (the shortest decimal that reads back as it).
func float32Bound(v float64, dir float64) float32 {
	f := float32(v)
	for {
		back, _ := strconv.ParseFloat(strconv.FormatFloat(float64(f), 'g', -1, 32), 64)
		if (back-v)*dir >= 0 {
			return f
		}
		f = math.Nextafter32(f, float32(math.Inf(int(dir))))
	}
}
