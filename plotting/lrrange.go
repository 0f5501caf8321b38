package plotting

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
)

// LRPoint is one step of a learning-rate range test: the rate it used,
// the loss of the step and the smoothed loss.
type LRPoint struct {
	LearningRate, Loss, Smoothed float64
}

// LRRangeData is what LRRange draws: loss against learning rate on log
// axes, the suggested rate marked.
type LRRangeData struct {
	Title     string
	Points    []LRPoint // points with a positive rate
	Suggested float64   // NaN or ≤ 0: no suggestion to mark
	YMax      float64   // the y axis' top, a little above the highest smoothed loss; 0: automatic
	Notice    string
}

// LRRangeInfo collects the data of a learning-rate range test chart. The
// raw losses of the last, exploding steps would squash the curve flat, so
// the y axis stops a little above the highest smoothed loss.
func LRRangeInfo(points []LRPoint, suggested float64) LRRangeData {
	d := LRRangeData{Title: i18n.T("Learning-rate range test"), Suggested: suggested}
	top := 0.0
	for _, p := range points {
		if p.LearningRate > 0 {
			d.Points = append(d.Points, p)
			if history.Finite(p.Smoothed) {
				top = math.Max(top, p.Smoothed)
			}
		}
	}
	if top > 0 {
		d.YMax = math.Ceil(top*1.2*100) / 100
	}
	if len(d.Points) == 0 {
		d.Notice = i18n.T("The range test recorded no steps.")
	}
	return d
}

// LRRange draws a learning-rate range test: the loss of each step (dashed)
// and the smoothed loss against the learning rate, both on log axes, with
// a vertical line at the suggested rate.
func LRRange(points []LRPoint, suggested float64) *Chart {
	return LRRangeInfo(points, suggested).Chart()
}

// Chart draws d.
func (d LRRangeData) Chart() *Chart {
	if d.Notice != "" {
		return empty(d.Title, d.Notice)
	}
	y := yAxis(i18n.T("training loss"), true)
	if d.YMax > 0 {
		y.Max = d.YMax
	}
	l := charts.NewLine()
	l.SetGlobalOptions(append(frame(d.Title), axisTrigger,
		charts.WithXAxisOpts(xAxis(i18n.T("learning rate"), true, false)),
		charts.WithYAxisOpts(y))...)
	raw := make([]opts.LineData, len(d.Points))
	smooth := make([]opts.LineData, len(d.Points))
	for i, p := range d.Points {
		raw[i] = opts.LineData{Value: []any{num(p.LearningRate), axisValue(p.Loss, true)}}
		smooth[i] = opts.LineData{Value: []any{num(p.LearningRate), axisValue(p.Smoothed, true)}}
	}
	l.AddSeries(i18n.T("loss of the step"), raw, showSymbols(len(raw)), withColor(colour(0)),
		charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed"}))
	smoothOpts := []charts.SeriesOpts{showSymbols(len(smooth)), withColor(colour(1))}
	if history.Finite(d.Suggested) && d.Suggested > 0 {
		label := fmt.Sprintf("suggested %.3g", d.Suggested)
		smoothOpts = append(smoothOpts,
			charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: label, XAxis: num(d.Suggested)}),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"},
				Label: &opts.Label{Show: opts.Bool(true), Formatter: "{b}"}, LineStyle: &opts.LineStyle{Color: colour(3)}}))
	}
	l.AddSeries(i18n.T("smoothed loss"), smooth, smoothOpts...)
	return FromECharts(l)
}
