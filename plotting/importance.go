package plotting

import (
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// ImportanceBar is one hyperparameter's share of the objective's variance.
type ImportanceBar struct {
	Name  string
	Share float64 // from 0 to 1
}

// ImportanceData is what Importance draws: bars largest first, and the
// method that measured them, stated under the title.
type ImportanceData struct {
	Title, Method string
	Bars          []ImportanceBar
	Notice        string
}

// ImportanceInfo collects the bars (non-finite shares left out), largest
// share on top.
func ImportanceInfo(bars []ImportanceBar, method string) ImportanceData {
	d := ImportanceData{Title: i18n.T("Hyperparameter importance"), Method: method}
	for _, b := range bars {
		if !math.IsNaN(b.Share) && !math.IsInf(b.Share, 0) {
			d.Bars = append(d.Bars, b)
		}
	}
	if len(d.Bars) == 0 {
		d.Notice = i18n.T("No importance to show: the sweep needs finished trials that vary some hyperparameter.")
	}
	return d
}

// Importance draws each hyperparameter's share of the objective's
// variance as a horizontal bar, the method named under the title.
func Importance(bars []ImportanceBar, method string) *Chart {
	return ImportanceInfo(bars, method).Chart()
}

// Chart draws d. ECharts draws the first category at the bottom, so the
// bars go in reverse to put the largest on top.
func (d ImportanceData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d ImportanceData) draw() *Chart {
	n := len(d.Bars)
	names := make([]string, n)
	data := make([]opts.BarData, n)
	for i, b := range d.Bars {
		names[n-1-i] = b.Name
		data[n-1-i] = opts.BarData{Name: b.Name, Value: math.Round(b.Share*1e4) / 1e4}
	}
	box := opts.Grid{Top: "96", Left: "60", Right: "40", Bottom: "50", ContainLabel: opts.Bool(true)}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(frame(d.Title, box), noLegend, itemTrigger,
		// The method is part of the result: a share means nothing without it.
		charts.WithTitleOpts(opts.Title{Title: d.Title, Subtitle: wrap(d.Method, 110), Left: "10"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: i18n.T("share of the variance"), NameLocation: "middle", NameGap: 30, Min: 0, Max: 1}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names}))...)
	bar.AddSeries(i18n.T("importance"), data, charts.WithItemStyleOpts(opts.ItemStyle{Color: colour(0)}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	return FromECharts(bar)
}

// wrap breaks text into lines of at most width characters at spaces, so
// a long subtitle stays inside the chart.
func wrap(text string, width int) string {
	var out, line []rune
	for _, word := range splitWords(text) {
		if len(line) > 0 && len(line)+1+len([]rune(word)) > width {
			out = append(append(out, line...), '\n')
			line = nil
		}
		if len(line) > 0 {
			line = append(line, ' ')
		}
		line = append(line, []rune(word)...)
	}
	return string(append(out, line...))
}

func splitWords(s string) []string {
	var words []string
	start := -1
	for i, r := range s {
		if r == ' ' {
			if start >= 0 {
				words = append(words, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}
