package plotting

import (
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// Curve is a named list of y values at x = 1, 2, 3, ... (or at X when set).
type Curve struct {
	Name string
	X    []float64 // optional; len(X) must equal len(Y) when set
	Y    []float64
}

// ScheduleOptions tunes Schedule.
type ScheduleOptions struct {
	Title string // default "Learning rate schedule"
	Unit  string // the x axis name: "epoch" (default), "step", or e.g. "learning rate"
	LogX  bool   // logarithmic x axis, as for a learning-rate range test
	LogY  bool
	YName string // the y axis name; default "learning rate"
}

// ScheduleData is what Schedule draws.
type ScheduleData struct {
	Title  string
	Unit   string
	LogX   bool
	LogY   bool
	YName  string
	Curves []Curve // curves with at least one value
	Notice string
}

// ScheduleInfo collects the data of a learning-rate schedule preview.
func ScheduleInfo(curves []Curve, opts ScheduleOptions) ScheduleData {
	d := ScheduleData{Title: opts.Title, Unit: opts.Unit, LogX: opts.LogX, LogY: opts.LogY, YName: opts.YName}
	if d.Title == "" {
		d.Title = i18n.T("Learning rate schedule")
	}
	if d.YName == "" {
		d.YName = i18n.T("learning rate")
	}
	if d.Unit == "" {
		d.Unit = i18n.T("epoch")
	}
	for _, c := range curves {
		if len(c.Y) > 0 {
			d.Curves = append(d.Curves, c)
		}
	}
	if len(d.Curves) == 0 {
		d.Notice = i18n.T("No learning rates to show.")
	}
	return d
}

// Schedule previews learning-rate schedules (learning rate per epoch or per
// step) before training, one line per schedule.
func Schedule(curves []Curve, opts ScheduleOptions) *Chart {
	return ScheduleInfo(curves, opts).Chart()
}

// Chart draws d.
func (d ScheduleData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d ScheduleData) draw() *Chart {
	l := lineChart(d.Title, xAxis(d.Unit, d.LogX, false),
		yAxis(d.YName, d.LogY))
	for i, cv := range d.Curves {
		data := make([]opts.LineData, len(cv.Y))
		for j, y := range cv.Y {
			var x any = j + 1
			if j < len(cv.X) {
				x = axisValue(cv.X[j], d.LogX)
			}
			data[j] = opts.LineData{Value: []any{x, axisValue(y, d.LogY)}}
		}
		l.AddSeries(cv.Name, data, showSymbols(len(data)), withColor(colour(i)))
	}
	return FromECharts(l)
}
