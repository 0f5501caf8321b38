package plotting

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// Palette is the colour of the n-th series or class, in order. It is
// ECharts' default palette, so charts of this package match other ECharts
// charts.
var Palette = []string{"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de",
	"#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"}

// colour returns Palette[i], wrapping around.
func colour(i int) string { return Palette[i%len(Palette)] }

// frame returns the options every chart of this package shares: no
// animation (live updates redraw at once), the title on the left, a
// legend under it (wrapping onto rows, with short labels: fitLegend),
// grids (by default one that leaves room for both), and a toolbox to zoom, restore and save the chart as an image,
// standing in the right margin from the grid's top down, where neither a
// long title nor the legend of a narrow chart reaches it.
func frame(title string, grids ...opts.Grid) []charts.GlobalOpts {
	if len(grids) == 0 {
		grids = []opts.Grid{{Top: "70", Left: "60", Right: "40", Bottom: "50", ContainLabel: opts.Bool(true)}}
	}
	return []charts.GlobalOpts{
		charts.WithAnimation(false),
		charts.WithTitleOpts(opts.Title{Title: title, Left: "10"}),
		charts.WithLegendOpts(opts.Legend{Type: "plain", Top: "28"}),
		charts.WithGridOpts(grids...),
		charts.WithToolboxOpts(opts.Toolbox{Orient: "vertical", Right: "6", Top: "70", Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{},
			// Empty maps, not nil: go-echarts writes nil ones as null,
			// which would wipe ECharts' default icons and titles.
			DataZoom: &opts.ToolBoxFeatureDataZoom{Icon: map[string]string{}, Title: map[string]string{}},
			Restore:  &opts.ToolBoxFeatureRestore{},
		}}),
	}
}

// noLegend hides the legend of a chart with a single series.
var noLegend = charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)})

// axisTrigger shows the values of every series at the hovered x.
var axisTrigger = charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"})

// itemTrigger shows the hovered item.
var itemTrigger = charts.WithTooltipOpts(opts.Tooltip{Trigger: "item"})

// axisType returns "log" or "value".
func axisType(log bool) string {
	if log {
		return "log"
	}
	return "value"
}

// xAxis is a value axis (log when asked) with its name under the middle;
// integer keeps ticks on whole epochs or steps.
func xAxis(name string, log, integer bool) opts.XAxis {
	a := opts.XAxis{Type: axisType(log), Name: name, NameLocation: "middle", NameGap: 30}
	if integer {
		a.MinInterval = 1
	}
	return a
}

// yAxis is a value axis whose name sits above it, where it cannot overlap
// the tick labels however wide they are.
func yAxis(name string, log bool) opts.YAxis {
	return opts.YAxis{Type: axisType(log), Name: name, NameLocation: "end", Scale: opts.Bool(true)}
}

// lineChart starts a line chart: title on top, the values of every series
// at the hovered x in the tooltip, and the axes x and y.
func lineChart(title string, x opts.XAxis, y opts.YAxis) *charts.Line {
	l := charts.NewLine()
	l.SetGlobalOptions(append(frame(title), axisTrigger, charts.WithXAxisOpts(x), charts.WithYAxisOpts(y))...)
	return l
}

// showSymbols shows a dot per point on lines short enough to read them.
func showSymbols(points int) charts.SeriesOpts {
	return charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(points <= 60)})
}

// withColor sets a series' colour.
func withColor(c string) charts.SeriesOpts {
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Color = c })
}

// markPoint pins mk with its label. A divergence is a red dot labelled on
// its left instead: it marks the last, highest point drawn, so a pin there
// would rise above the plot, over the legend and the y axis' name, whereas
// the left of it lies inside the plot (the x axis starts at 0, the first
// epoch or step at 1).
func markPoint(mk *Marker) opts.MarkPointNameCoordItem {
	p := opts.MarkPointNameCoordItem{Name: i18n.T(mk.Label), Coordinate: []any{mk.Epoch, num(mk.Value)},
		Value: i18n.T(mk.Label), SymbolSize: 56}
	if mk.Label == "diverged" {
		p.Symbol, p.SymbolSize = "circle", 12
		p.ItemStyle = &opts.ItemStyle{Color: "#d62728"}
		p.Label = &opts.Label{Show: opts.Bool(true), Position: "left", Color: "#d62728", FontWeight: "bold",
			BackgroundColor: "rgba(255,255,255,0.8)"}
	}
	return p
}
