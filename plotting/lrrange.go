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
	// Marks, when set, replace the one Suggested line: each rule's rate
	// as its own line with a legend entry, the one used named under the
	// title (LRRangeMarks).
	Marks  []LRMark
	Notice string
}

// LRMark is one rule's suggested rate on a range-test chart.
type LRMark struct {
	Rule         string // valley, slide, steep, minimum
	LearningRate float64
	Used         bool // the rate the caller goes on with
}

// LRRangeMarks draws a range test with every rule's suggestion marked
// (fastai's four: valley, slide, steep, minimum), each a vertical line
// with its own legend entry; the subtitle says which one is used.
// Non-finite or non-positive rates are left out.
func LRRangeMarks(points []LRPoint, marks []LRMark) *Chart {
	d := LRRangeInfo(points, math.NaN())
	for _, m := range marks {
		if history.Finite(m.LearningRate) && m.LearningRate > 0 {
			d.Marks = append(d.Marks, m)
		}
	}
	return d.Chart()
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
func (d LRRangeData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d LRRangeData) draw() *Chart {
	y := yAxis(i18n.T("training loss"), true)
	if d.YMax > 0 {
		y.Max = d.YMax
	}
	l := charts.NewLine()
	var sub []charts.GlobalOpts
	for _, m := range d.Marks {
		if m.Used {
			sub = append(sub, charts.WithTitleOpts(opts.Title{Title: d.Title, Left: "10",
				Subtitle: i18n.Tf("used: %s, %.3g", m.Rule, m.LearningRate)}),
				charts.WithLegendOpts(opts.Legend{Type: "plain", Top: "46"}))
		}
	}
	box := opts.Grid{Top: "80", Left: "60", Right: "40", Bottom: "50", ContainLabel: opts.Bool(true)}
	grids := []opts.Grid{}
	if len(sub) > 0 {
		grids = append(grids, box)
	}
	l.SetGlobalOptions(append(append(frame(d.Title, grids...), sub...), axisTrigger,
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
	for i, m := range d.Marks {
		// A series of its own per rule, holding only its line, so the
		// legend names it and can hide it.
		name := fmt.Sprintf("%s %.3g", m.Rule, m.LearningRate)
		if m.Used {
			name += i18n.T(" (used)")
		}
		width := 1.5
		if m.Used {
			width = 3
		}
		c := colour(3 + i)
		l.AddSeries(name, []opts.LineData{}, withColor(c),
			charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: name, XAxis: num(m.LearningRate)}),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"},
				Label: &opts.Label{Show: opts.Bool(false)}, LineStyle: &opts.LineStyle{Color: c, Width: float32(width)}}))
	}
	return FromECharts(l)
}
