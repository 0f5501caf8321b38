package plotting

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// CompareOptions tunes Compare. The zero value compares validation loss,
// falling back to training loss when no run has a validation loss.
type CompareOptions struct {
	Title  string // default "<metric> per epoch"
	Metric Metric // default ValLoss
	LogY   bool
	// ColorBy names a hyperparameter that colours the lines: numbers on a
	// blue-to-red ramp by rank, other values from Palette. Empty colours
	// each run differently.
	ColorBy string
}

// CompareLine is one run of a comparison: its points (epoch, value) up to a
// divergence, and the divergence marker.
type CompareLine struct {
	Label    string
	Color    string
	Epochs   []int
	Values   []float64
	Diverged *Marker
}

// CompareData is what Compare draws.
type CompareData struct {
	Title  string
	Metric Metric
	LogY   bool
	Lines  []CompareLine
	Notice string
}

// CompareInfo collects the data of a comparison of runs. It returns an
// error for an unknown metric.
func CompareInfo(runs []Run, opts CompareOptions) (CompareData, error) {
	m, err := runsMetric(runs, opts.Metric)
	if err != nil {
		return CompareData{}, err
	}
	d := CompareData{Title: opts.Title, Metric: m, LogY: opts.LogY}
	if d.Title == "" {
		d.Title = i18n.Tf("%s per epoch", capitalize(label(m)))
	}
	labels := Labels(runs)
	colours := colourBy(runs, opts.ColorBy)
	for i, r := range runs {
		if r.History == nil || len(r.History.Epochs) == 0 {
			continue
		}
		epochs, cut := untilDivergence(r.History.Epochs)
		l := CompareLine{Label: labels[i], Color: colours[i]}
		for _, e := range epochs {
			l.Epochs = append(l.Epochs, e.Epoch)
			l.Values = append(l.Values, m.Of(e))
		}
		if (cut || r.History.Status == "diverged") && len(epochs) > 0 {
			last := epochs[len(epochs)-1]
			l.Diverged = &Marker{Label: "diverged", Epoch: last.Epoch, Value: m.Of(last), Metric: m}
		}
		d.Lines = append(d.Lines, l)
	}
	if len(d.Lines) == 0 {
		d.Notice = i18n.T("No runs with finished epochs to compare.")
	}
	return d, nil
}

// Compare overlays the chosen metric of many runs, labelled by the
// hyperparameters that differ between them.
func Compare(runs []Run, opts CompareOptions) (*Chart, error) {
	return drawn(CompareInfo(runs, opts))
}

// Chart draws d.
func (d CompareData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d CompareData) draw() *Chart {
	l := lineChart(d.Title, xAxis(i18n.T("epoch"), false, true),
		yAxis(label(d.Metric), d.LogY))
	for _, ln := range d.Lines {
		data := make([]opts.LineData, len(ln.Epochs))
		for i := range ln.Epochs {
			data[i] = opts.LineData{Value: []any{ln.Epochs[i], axisValue(ln.Values[i], d.LogY)}}
		}
		options := []charts.SeriesOpts{withColor(ln.Color), showSymbols(len(data))}
		if ln.Diverged != nil {
			options = append(options, charts.WithMarkPointNameCoordItemOpts(markPoint(ln.Diverged)))
		}
		l.AddSeries(ln.Label, data, options...)
	}
	return FromECharts(l)
}

// colourBy returns a colour per run: by the value of hyperparameter name, or
// by position when name is empty.
func colourBy(runs []Run, name string) []string {
	out := make([]string, len(runs))
	if name == "" {
		for i := range runs {
			out[i] = colour(i)
		}
		return out
	}
	values := make([]map[string]any, len(runs))
	for i, r := range runs {
		values[i] = r.Values
	}
	keys, numeric := distinctValues(values, name)
	rank := map[string]int{}
	for i, k := range keys {
		rank[k] = i
	}
	for i, r := range runs {
		t := valueText(r.Values, name)
		if numeric {
			out[i] = ramp(rank[t], len(keys))
		} else {
			out[i] = colour(rank[t])
		}
	}
	return out
}

// ramp returns the i-th of n colours from blue to red.
func ramp(i, n int) string {
	t := 0.0
	if n > 1 {
		t = float64(i) / float64(n-1)
	}
	from, to := [3]float64{0x31, 0x36, 0x95}, [3]float64{0xd7, 0x30, 0x27}
	var rgb [3]int
	for k := range rgb {
		rgb[k] = int(math.Round(from[k] + t*(to[k]-from[k])))
	}
	return fmt.Sprintf("#%02x%02x%02x", rgb[0], rgb[1], rgb[2])
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
