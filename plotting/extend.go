package plotting

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// The few ECharts options that go-echarts v2.6.7 cannot express are merged
// here into the plain option go-echarts built, each with its reason. They
// carry only numbers and names; user text among them (the notice, series
// dimensions) is escaped with the rest of the option when it is written.

// empty returns a chart with no series and notice written in its middle: no
// data is not an error. go-echarts has no `graphic` component, which writes
// the notice; the axes are removed, as there is nothing to measure.
func empty(title, notice string) *Chart {
	l := charts.NewLine()
	l.SetGlobalOptions(charts.WithAnimation(false), noLegend,
		charts.WithTitleOpts(opts.Title{Title: title, Left: "center"}))
	l.MultiSeries = charts.MultiSeries{} // [] rather than null
	return FromECharts(l).extend(func(o map[string]any) {
		delete(o, "xAxis")
		delete(o, "yAxis")
		o["graphic"] = []any{map[string]any{
			"type": "text", "left": "center", "top": "middle",
			"style": map[string]any{"text": notice, "fontSize": 14, "fill": "#888"},
		}}
	})
}

// withDimensions names the data columns of series i. go-echarts' series
// have no `dimensions`; without them the tooltip lists a loss chart's
// metrics as bare numbers.
func withDimensions(o map[string]any, i int, dims []string) {
	seriesAt(o, i)["dimensions"] = dims
}

// fixParallelAxes writes every parallel axis' `dim`, which go-echarts
// omits when it is 0 (ECharts then cannot find the first axis), and sets
// `scale`, which go-echarts lacks, so number axes fit the data rather than
// start at 0.
func fixParallelAxes(o map[string]any) {
	axes, _ := o["parallelAxis"].([]any)
	for i, a := range axes {
		if ax, ok := a.(map[string]any); ok {
			ax["dim"] = i
			if ax["type"] != "category" {
				ax["scale"] = true
			}
		}
	}
}

// withPrecision labels the visual maps' ranges with 3 decimals. go-echarts
// lacks `precision`; ECharts' default of 0 would label losses from 0.2 to
// 0.9 as "0" to "1".
func withPrecision(o map[string]any) {
	maps, _ := o["visualMap"].([]any)
	for _, m := range maps {
		if vm, ok := m.(map[string]any); ok {
			vm["precision"] = 3
		}
	}
}

// drawAtOnce sets `progressive: 0` on the heatmap series, which go-echarts
// lacks: ECharts otherwise draws a heatmap of more than 3000 cells in
// chunks over several frames, and a screenshot or a glance catches it half
// drawn.
func drawAtOnce(o map[string]any) {
	list, _ := o["series"].([]any)
	for _, x := range list {
		if s, ok := x.(map[string]any); ok && s["type"] == "heatmap" {
			s["progressive"] = 0
		}
	}
}
