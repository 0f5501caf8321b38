package plotting

import (
	"fmt"
	"slices"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
)

// LossOptions tunes Loss. The zero value draws linear axes with a default
// title.
type LossOptions struct {
	Title string // default "Loss per epoch"
	LogY  bool   // logarithmic loss axis
}

// Marker is a point of a chart pinned with a label: the best epoch, or the
// last epoch before a run diverged.
type Marker struct {
	Label  string
	Epoch  int
	Value  float64
	Metric Metric // the series it sits on
}

// LossData is what Loss draws: the epochs up to a divergence, the metrics
// they carry (for the tooltip), the best epoch and the divergence marker.
type LossData struct {
	Title    string
	LogY     bool
	Epochs   []history.Epoch
	Metrics  []Metric // metrics with at least one finite value, wall-clock seconds excepted
	Best     *Marker
	Diverged *Marker
	Notice   string // set when there is nothing to draw
}

// LossInfo collects the data of a loss-per-epoch chart from h.
func LossInfo(h *history.History, opts LossOptions) LossData {
	d := LossData{Title: opts.Title, LogY: opts.LogY}
	if d.Title == "" {
		d.Title = i18n.T("Loss per epoch")
	}
	if h == nil || len(h.Epochs) == 0 {
		d.Notice = i18n.T("No epochs yet.")
		return d
	}
	epochs, cut := untilDivergence(h.Epochs)
	d.Epochs = epochs
	// Not the seconds an epoch took: they differ at every run, and a saved
	// chart must not change when a notebook re-executes with nothing changed.
	d.Metrics = slices.DeleteFunc(present(epochs), func(m Metric) bool { return m == Seconds })
	if len(epochs) == 0 {
		d.Notice = i18n.Tf("The run diverged in its first epoch: %s", divergence(h))
		return d
	}
	if h.Status == history.Diverged || cut {
		last := epochs[len(epochs)-1]
		d.Diverged = &Marker{Label: "diverged", Epoch: last.Epoch, Value: last.TrainLoss, Metric: TrainLoss}
	}
	if best, ok := (&history.History{Epochs: epochs}).Best(); ok {
		m := TrainLoss
		if history.Finite(best.ValLoss) {
			m = ValLoss
		}
		d.Best = &Marker{Label: "best", Epoch: best.Epoch, Value: m.Of(best), Metric: m}
	}
	return d
}

func divergence(h *history.History) string {
	if h.Err != "" {
		return h.Err
	}
	return i18n.T("the training loss is not a number.")
}

// Loss draws the training and validation loss per epoch of one run, with a
// tooltip holding every metric of the epoch, a marker on the best epoch and,
// for a diverged run, the curve up to the divergence with a marker there.
func Loss(h *history.History, opts LossOptions) *Chart { return LossInfo(h, opts).Chart() }

// Chart draws d: a go-echarts line chart whose two series share the rows
// of every metric per epoch, so that the tooltip lists them all.
func (d LossData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d LossData) draw() *Chart {
	dims := []string{i18n.T("epoch")}
	for _, m := range d.Metrics {
		dims = append(dims, label(m))
	}
	rows := make([]opts.LineData, len(d.Epochs))
	for i, e := range d.Epochs {
		row := []any{e.Epoch}
		for _, m := range d.Metrics {
			row = append(row, axisValue(m.Of(e), d.LogY && isLoss(m)))
		}
		rows[i] = opts.LineData{Value: row}
	}
	l := lineChart(d.Title, xAxis(i18n.T("epoch"), false, true),
		yAxis(i18n.T("loss"), d.LogY))
	drawn := 0
	// The losses are data losses; a regularized run's penalty is drawn as
	// its own dashed series, not added to them.
	for _, m := range []Metric{TrainLoss, ValLoss, TrainPenalty, ValPenalty} {
		col := indexOf(d.Metrics, m)
		if col < 0 {
			continue
		}
		tooltip := []int{col + 1} // the first series already shows every metric
		if drawn == 0 {
			tooltip = tooltip[:0]
			for i := range d.Metrics {
				tooltip = append(tooltip, i+1)
			}
		}
		options := []charts.SeriesOpts{showSymbols(len(rows)),
			charts.WithEncodeOpts(opts.Encode{X: 0, Y: col + 1, Tooltip: tooltip})}
		if isPenalty(m) {
			options = append(options, charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed"}))
		}
		for _, mk := range []*Marker{d.Best, d.Diverged} {
			if mk != nil && mk.Metric == m {
				options = append(options, charts.WithMarkPointNameCoordItemOpts(markPoint(mk)))
			}
		}
		l.AddSeries(label(m), rows, options...)
		drawn++
	}
	return FromECharts(l).extend(func(o map[string]any) {
		for i := range drawn {
			withDimensions(o, i, dims)
		}
	})
}

// axisValue returns v for an axis; a log axis cannot show v ≤ 0, so those
// become gaps.
func axisValue(v float64, log bool) any {
	if log && v <= 0 {
		return nil
	}
	return num(v)
}

func isLoss(m Metric) bool { return m == TrainLoss || m == ValLoss || isPenalty(m) }

func indexOf(ms []Metric, m Metric) int {
	for i, x := range ms {
		if x == m {
			return i
		}
	}
	return -1
}

// String summarises d in one line, for examples and logs.
func (d LossData) String() string {
	s := fmt.Sprintf("%s: %d epochs", d.Title, len(d.Epochs))
	if d.Best != nil {
		s += fmt.Sprintf(", best %s %.4g at epoch %d", d.Best.Metric.Label(), d.Best.Value, d.Best.Epoch)
	}
	if d.Diverged != nil {
		s += fmt.Sprintf(", diverged after epoch %d", d.Diverged.Epoch)
	}
	if d.Notice != "" {
		s += ": " + d.Notice
	}
	return s
}
