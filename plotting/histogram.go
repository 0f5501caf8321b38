package plotting

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
)

// Sample is a named set of values for a histogram, such as a model's
// weights before training.
type Sample struct {
	Name   string
	Values []float64
}

// HistogramOptions tunes Histogram.
type HistogramOptions struct {
	Title string // default "Histogram"
	XName string // the values' name, under the x axis; default "value"
	Bins  int    // default 30
}

// HistogramData is what Histogram draws: the bin centres and, per sample,
// how many of its values fall in each bin. All samples share the bins.
type HistogramData struct {
	Title, XName string
	Centers      []float64
	Counts       [][]float64 // Counts[s][b]: sample s, bin b
	Names        []string    // the samples' names
	Notice       string
}

// HistogramInfo bins the finite values of every sample over one common
// range, split into o.Bins bins of equal width.
func HistogramInfo(samples []Sample, o HistogramOptions) HistogramData {
	d := HistogramData{Title: o.Title, XName: o.XName}
	if d.Title == "" {
		d.Title = i18n.T("Histogram")
	}
	if d.XName == "" {
		d.XName = "value"
	}
	bins := o.Bins
	if bins <= 0 {
		bins = 30
	}
	span := noExtent()
	for _, s := range samples {
		for _, v := range s.Values {
			span.add(v)
		}
	}
	lo, hi := span.lo, span.hi
	if span.empty() {
		d.Notice = i18n.T("No finite values to count.")
		return d
	}
	width := (hi - lo) / float64(bins)
	d.Centers = make([]float64, bins)
	for i := range d.Centers {
		d.Centers[i] = lo + (float64(i)+0.5)*width
	}
	for _, s := range samples {
		counts := make([]float64, bins)
		for _, v := range s.Values {
			if !history.Finite(v) {
				continue
			}
			i := 0
			if width > 0 {
				i = int((v - lo) / width)
			}
			counts[min(max(i, 0), bins-1)]++
		}
		d.Names = append(d.Names, s.Name)
		d.Counts = append(d.Counts, counts)
	}
	return d
}

// Histogram draws the samples' histograms as grouped bars over shared bins.
func Histogram(samples []Sample, o HistogramOptions) *Chart {
	return HistogramInfo(samples, o).Chart()
}

// Chart draws d.
func (d HistogramData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d HistogramData) draw() *Chart {
	cats := make([]string, len(d.Centers))
	for i, c := range d.Centers {
		cats[i] = fmt.Sprintf("%.2f", c)
	}
	b := charts.NewBar()
	b.SetGlobalOptions(append(frame(d.Title), axisTrigger,
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: d.XName, NameLocation: "middle", NameGap: 30}),
		charts.WithYAxisOpts(yAxis(i18n.T("count"), false)))...)
	b.SetXAxis(cats)
	for i, counts := range d.Counts {
		data := make([]opts.BarData, len(counts))
		for k, c := range counts {
			data[k] = opts.BarData{Value: c}
		}
		b.AddSeries(d.Names[i], data, withColor(colour(i)),
			charts.WithBarChartOpts(opts.BarChart{BarGap: "0%"}))
	}
	return FromECharts(b)
}
