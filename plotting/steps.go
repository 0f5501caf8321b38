package plotting

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// StepOptions tunes StepLoss. The zero value uses a window of 10 steps.
type StepOptions struct {
	Title  string // default "Loss per step" (translated)
	Window int    // moving-average window in steps; 0 means 10
	LogY   bool
	// Epochs puts epochs on the x axis (step ÷ steps per epoch) instead of
	// steps, so that runs of different batch sizes, which take different
	// numbers of steps per epoch, share one comparable axis.
	Epochs bool
}

// StepRun is the per-step loss of one run and its moving average, up to the
// first step whose loss is not finite.
type StepRun struct {
	Label    string
	Loss     []float64
	Average  []float64
	Diverged bool
	// PerEpoch is the run's steps per epoch when the x axis counts epochs;
	// 0 when it counts steps.
	PerEpoch int
}

// StepData is what StepLoss draws.
type StepData struct {
	Title  string
	LogY   bool
	Window int
	Epochs bool      // x in epochs (StepOptions.Epochs)
	Runs   []StepRun // runs with at least one step
	Notice string
}

// StepInfo collects the per-step losses of runs and their moving averages.
func StepInfo(runs []Run, opts StepOptions) StepData {
	d := StepData{Title: opts.Title, LogY: opts.LogY, Window: opts.Window, Epochs: opts.Epochs}
	if d.Title == "" {
		d.Title = i18n.T("Loss per step")
	}
	if d.Window <= 0 {
		d.Window = 10
	}
	labels := Labels(runs)
	for i, r := range runs {
		if r.History == nil || len(r.History.StepLoss) == 0 {
			continue
		}
		loss := r.History.StepLoss
		n := len(loss)
		for j, v := range loss {
			if !history.Finite(v) {
				n = j
				break
			}
		}
		loss = loss[:n]
		sr := StepRun{Label: labels[i], Loss: loss, Average: MovingAverage(loss, d.Window), Diverged: n < len(r.History.StepLoss)}
		if d.Epochs {
			sr.PerEpoch = stepsPerEpoch(r.History)
		}
		d.Runs = append(d.Runs, sr)
	}
	if len(d.Runs) == 0 {
		d.Notice = i18n.T("No per-step losses recorded.")
	}
	return d
}

// stepsPerEpoch is the number of steps of h's first epoch (at least 1),
// from its record or, for an older history without one, from the count of
// step losses per epoch.
func stepsPerEpoch(h *history.History) int {
	if len(h.Epochs) > 0 && h.Epochs[0].Steps > 0 {
		return h.Epochs[0].Steps
	}
	if len(h.Epochs) > 0 {
		return max(1, len(h.StepLoss)/len(h.Epochs))
	}
	return 1
}

// MovingAverage returns the trailing mean of the last window values at each
// position (fewer at the start). A window below 1 counts as 1.
func MovingAverage(values []float64, window int) []float64 {
	if window < 1 {
		window = 1
	}
	out := make([]float64, len(values))
	sum := 0.0
	for i, v := range values {
		sum += v
		if i >= window {
			sum -= values[i-window]
		}
		out[i] = sum / float64(min(i+1, window))
	}
	return out
}

// StepLoss draws the loss of every optimizer step of each run, faint, with
// its moving average on top: the view where a too-large learning rate
// oscillates.
func StepLoss(runs []Run, opts StepOptions) *Chart { return StepInfo(runs, opts).Chart() }

// Chart draws d.
func (d StepData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d StepData) draw() *Chart {
	x := "step"
	if d.Epochs {
		x = "epoch"
	}
	l := lineChart(d.Title, xAxis(i18n.T(x), false, !d.Epochs), yAxis(i18n.T("loss"), d.LogY))
	noSymbols := charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)})
	for i, r := range d.Runs {
		l.AddSeries(r.Label, points(r.Loss, d.LogY, r.PerEpoch), noSymbols, withColor(colour(i)),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 1, Opacity: opts.Float(0.35)}))
		avg := []charts.SeriesOpts{noSymbols, withColor(colour(i)),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2})}
		if n := len(r.Loss); r.Diverged && n > 0 {
			mk := markPoint(&Marker{Label: "diverged", Epoch: n, Value: r.Average[n-1]})
			if r.PerEpoch > 0 {
				mk.Coordinate[0] = float64(n) / float64(r.PerEpoch)
			}
			avg = append(avg, charts.WithMarkPointNameCoordItemOpts(mk))
		}
		l.AddSeries(i18n.Tf("%s (mean of %d)", r.Label, d.Window), points(r.Average, d.LogY, r.PerEpoch), avg...)
	}
	return FromECharts(l)
}

// points returns [x, y] points with x counting steps from 1, or, with
// perEpoch > 0, the epochs those steps complete (step ÷ perEpoch).
func points(ys []float64, log bool, perEpoch int) []opts.LineData {
	out := make([]opts.LineData, len(ys))
	for i, y := range ys {
		var x any = i + 1
		if perEpoch > 0 {
			x = num(float64(i+1) / float64(perEpoch))
		}
		out[i] = opts.LineData{Value: []any{x, axisValue(y, log)}}
	}
	return out
}
