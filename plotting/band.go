package plotting

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
)

// Group is one configuration trained over several seeds, as the band chart
// sees it: its shared hyperparameters (the seed left out) and one history
// per seed.
type Group struct {
	// Label names the group in legends; empty means a label built from
	// the hyperparameters that differ between the groups drawn together.
	Label  string
	Values map[string]any
	Runs   []*history.History
}

// BandKind says what the shaded band around a group's mean spans.
type BandKind string

// The bands a band chart can draw.
const (
	MinMax BandKind = "minmax" // from the lowest to the highest seed (default)
	SD     BandKind = "sd"     // the mean ± one sample standard deviation
)

// BandOptions tunes Band. The zero value draws the validation loss (the
// training loss when no run has one) with a min–max band.
type BandOptions struct {
	Title  string   // default "<metric> per epoch, mean of N seeds"
	Metric Metric   // default ValLoss
	Band   BandKind // default MinMax
	LogY   bool
	// YRange fixes the y axis' ends (e.g. 0.5 and 1 for a two-class
	// accuracy: chance to perfect), widened where a band lies outside;
	// the zero value fits the axis to the data, which can make a
	// difference of two points look like one of fifty.
	YRange [2]float64
}

// BandLine is one group of a band chart: the seed mean per epoch, the band
// around it, and the best epoch of the mean.
type BandLine struct {
	Label        string
	Color        string
	Epochs       []int
	Mean         []float64
	Lower, Upper []float64
	Seeds        []int // runs that reached each epoch
	BestEpoch    int   // best epoch of the mean; 0 when none
	// Diverged marks the end of the line when every seed diverged, as
	// Compare marks a diverged run; nil otherwise.
	Diverged *Marker
}

// BandData is what Band draws.
type BandData struct {
	Title  string
	Metric Metric
	YName  string // the y axis' name; "" means the metric's label
	Band   BandKind
	LogY   bool
	YRange [2]float64 // fixed y-axis ends (BandOptions.YRange); zero: fitted
	Lines  []BandLine
	Notice string
}

// BandInfo collects the data of a band chart: per group, the mean of the
// metric over its seeds per epoch and the band (min–max or ±1 s.d.).
func BandInfo(groups []Group, o BandOptions) (BandData, error) {
	m, err := runsMetric(groupRuns(groups), o.Metric)
	if err != nil {
		return BandData{}, err
	}
	band := o.Band
	if band == "" {
		band = MinMax
	}
	if band != MinMax && band != SD {
		return BandData{}, fmt.Errorf("plotting: band %q; use %q (min–max over seeds) or %q (mean ± 1 s.d.)", band, MinMax, SD)
	}
	d := BandData{Title: o.Title, Metric: m, Band: band, LogY: o.LogY, YRange: o.YRange}
	labels := Labels(groupRuns(groups))
	seeds := 0
	for i, g := range groups {
		c := history.MeanCurve(g.Runs, m)
		if len(c.Epochs) == 0 {
			continue
		}
		seeds = max(seeds, len(g.Runs))
		l := BandLine{Label: labels[i], Color: colour(i)}
		for k, s := range c.Stats {
			if s.N == 0 {
				continue
			}
			lo, hi := s.Min, s.Max
			if band == SD {
				lo, hi = s.Mean-s.SD, s.Mean+s.SD
			}
			l.Epochs = append(l.Epochs, c.Epochs[k])
			l.Mean, l.Lower, l.Upper = append(l.Mean, s.Mean), append(l.Lower, lo), append(l.Upper, hi)
			l.Seeds = append(l.Seeds, s.N)
		}
		if b, ok := c.Best(); ok {
			l.BestEpoch = c.Epochs[b]
		}
		if n := len(l.Epochs); n > 0 && allDiverged(g.Runs) {
			l.Diverged = &Marker{Label: "diverged", Epoch: l.Epochs[n-1], Value: l.Mean[n-1], Metric: m}
			l.BestEpoch = 0 // the best epoch of a run that blew up is no result
		}
		d.Lines = append(d.Lines, l)
	}
	if d.Title == "" {
		d.Title = i18n.Tf("%s per epoch, mean of %d seeds (band: %s)", capitalize(label(m)), seeds, band.words())
	}
	if len(d.Lines) == 0 {
		d.Notice = i18n.T("No groups with finished epochs to draw.")
	}
	return d, nil
}

// allDiverged reports whether every run diverged (and there is one).
func allDiverged(runs []*history.History) bool {
	for _, h := range runs {
		if h == nil {
			return false
		}
		if _, cut := untilDivergence(h.Epochs); !cut && h.Status != history.Diverged {
			return false
		}
	}
	return len(runs) > 0
}

func (b BandKind) words() string {
	if b == SD {
		return i18n.T("±1 s.d.")
	}
	return i18n.T("min–max")
}

// groupRuns is the groups as runs, for Labels and runsMetric.
func groupRuns(groups []Group) []Run {
	out := make([]Run, len(groups))
	for i, g := range groups {
		out[i] = Run{Label: g.Label, Values: g.Values}
		if len(g.Runs) > 0 {
			out[i].History = g.Runs[0]
		}
	}
	return out
}

// Band draws each group's seed mean as a line with a shaded band.
func Band(groups []Group, o BandOptions) (*Chart, error) {
	return drawn(BandInfo(groups, o))
}

// Chart draws d. Each band is two stacked line series (the lower edge, then
// upper−lower with a filled area), ECharts' way of shading between two
// curves; they share the mean's name, so one legend entry toggles all three,
// and they stay out of the tooltip. With two value axes ECharts stacks the
// first numeric dimension of the data, so band points are (value, epoch)
// with an encode that maps them back; internal/browsertest checks that the
// band's top lands on the upper edge.
func (d BandData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d BandData) draw() *Chart {
	l := lineChart(d.Title, xAxis(i18n.T("epoch"), false, true),
		d.yAxis())
	var bands, means []int // series indices of band edges and of means
	for i, ln := range d.Lines {
		stack := fmt.Sprintf("band%d", i)
		lower := make([]opts.LineData, len(ln.Epochs))
		width := make([]opts.LineData, len(ln.Epochs))
		mean := make([]opts.LineData, len(ln.Epochs))
		for k, e := range ln.Epochs {
			// (value, epoch), read back by encode below: ECharts stacks
			// the first numeric dimension, which must be the y value.
			lower[k] = opts.LineData{Value: []any{axisValue(ln.Lower[k], d.LogY), e}}
			width[k] = opts.LineData{Value: []any{num(ln.Upper[k] - ln.Lower[k]), e}}
			mean[k] = opts.LineData{Value: []any{axisValue(ln.Mean[k], d.LogY), e}}
		}
		hidden := charts.WithLineStyleOpts(opts.LineStyle{Opacity: opts.Float(0)})
		noDots := charts.WithLineChartOpts(opts.LineChart{Stack: stack, ShowSymbol: opts.Bool(false)})
		l.AddSeries(ln.Label, lower, withColor(ln.Color), hidden, noDots)
		l.AddSeries(ln.Label, width, withColor(ln.Color), hidden, noDots,
			charts.WithAreaStyleOpts(opts.AreaStyle{Color: ln.Color, Opacity: opts.Float(0.18)}))
		bands = append(bands, 3*i, 3*i+1)
		means = append(means, 3*i+2)
		options := []charts.SeriesOpts{withColor(ln.Color), showSymbols(len(mean))}
		if ln.BestEpoch > 0 {
			k := indexOfInt(ln.Epochs, ln.BestEpoch)
			options = append(options, charts.WithMarkPointNameCoordItemOpts(markPoint(&Marker{
				Label: "best", Epoch: ln.BestEpoch, Value: ln.Mean[k], Metric: d.Metric})))
		}
		if ln.Diverged != nil {
			options = append(options, charts.WithMarkPointNameCoordItemOpts(markPoint(ln.Diverged)))
		}
		l.AddSeries(ln.Label, mean, options...)
	}
	return FromECharts(l).extend(func(o map[string]any) {
		// The toolbox's zoom filters points outside its window by default,
		// which drops the (value, epoch) band points; it only needs to zoom.
		if tb, ok := o["toolbox"].(map[string]any); ok {
			if f, ok := tb["feature"].(map[string]any); ok {
				if z, ok := f["dataZoom"].(map[string]any); ok {
					z["filterMode"] = "none"
				}
			}
		}
		for _, i := range means {
			seriesAt(o, i)["encode"] = map[string]any{"x": 1, "y": 0}
		}
		for _, i := range bands {
			s := seriesAt(o, i)
			s["tooltip"] = map[string]any{"show": false}
			s["encode"] = map[string]any{"x": 1, "y": 0}
			s["silent"] = true
		}
	})
}

func indexOfInt(xs []int, x int) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return 0
}

// yAxis is the chart's y axis: fitted to the data, or from YRange widened
// to every band.
func (d BandData) yAxis() opts.YAxis {
	y := yAxis(d.yName(), d.LogY)
	if d.YRange == [2]float64{} {
		return y
	}
	span := extent{d.YRange[0], d.YRange[1]}
	for _, ln := range d.Lines {
		for k := range ln.Lower {
			span.add(ln.Lower[k])
			span.add(ln.Upper[k])
		}
	}
	y.Min, y.Max, y.Scale = span.lo, span.hi, opts.Bool(false)
	return y
}
