package plotting

import (
	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
)

// StepOptions tunes StepLoss. The zero value uses a window of 10 steps.
type StepOptions struct {
	Title  string // default "Loss per step"
	Window int    // moving-average window in steps; 0 means 10
	LogY   bool
	// Epochs puts step k of a run at x = k / (its steps per epoch), so
	// that runs of different batch sizes share one axis: batch 8's 200
	// steps and batch 256's 7 steps of an epoch both span one unit.
	Epochs bool
}

// StepRun is the per-step loss of one run and its moving average, up to the
// first step whose loss is not finite.
type StepRun struct {
	Label    string
	Loss     []float64
	Average  []float64
	Diverged bool
	PerEpoch int // steps per epoch: the first epoch's; 0 when unknown
}

// StepData is what StepLoss draws.
type StepData struct {
	Title  string
	LogY   bool
	Epochs bool // x counts epochs (StepOptions.Epochs)
	Window int
	Runs   []StepRun // runs with at least one step
	Notice string
}

// StepInfo collects the per-step losses of runs and their moving averages.
func StepInfo(runs []Run, opts StepOptions) StepData {
	d := StepData{Title: opts.Title, LogY: opts.LogY, Epochs: opts.Epochs, Window: opts.Window}
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
		run := StepRun{Label: labels[i], Loss: loss,
			Average: MovingAverage(loss, d.Window), Diverged: n < len(r.History.StepLoss)}
		if len(r.History.Epochs) > 0 {
			run.PerEpoch = r.History.Epochs[0].Steps
		}
		d.Runs = append(d.Runs, run)
	}
	if len(d.Runs) == 0 {
		d.Notice = i18n.T("No per-step losses recorded.")
	}
	return d
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
func (d StepData) Chart() *Chart {
	if d.Notice != "" {
		return empty(d.Title, d.Notice)
	}
	l := charts.NewLine()
	xName := "step"
	if d.Epochs {
		xName = "epoch"
	}
	l.SetGlobalOptions(append(frame(d.Title), axisTrigger,
		charts.WithXAxisOpts(xAxis(i18n.T(xName), false, true)),
		charts.WithYAxisOpts(yAxis(i18n.T("loss"), d.LogY)))...)
	noSymbols := charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)})
	for i, r := range d.Runs {
		scale := 1.0 // x per step
		if d.Epochs && r.PerEpoch > 0 {
			scale = 1 / float64(r.PerEpoch)
		}
		l.AddSeries(r.Label, scaledPoints(r.Loss, scale, d.LogY), noSymbols, withColor(colour(i)),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 1, Opacity: opts.Float(0.35)}))
		avg := []charts.SeriesOpts{noSymbols, withColor(colour(i)),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2})}
		if n := len(r.Loss); r.Diverged && n > 0 {
			mk := markPoint(&Marker{Label: "diverged", Epoch: n, Value: r.Average[n-1]})
			if scale != 1 {
				mk.Coordinate = []any{float64(n) * scale, num(r.Average[n-1])}
			}
			avg = append(avg, charts.WithMarkPointNameCoordItemOpts(mk))
		}
		l.AddSeries(i18n.Tf("%s (mean of %d)", r.Label, d.Window), scaledPoints(r.Average, scale, d.LogY), avg...)
	}
	return FromECharts(l)
}

// points returns [x, y] points with x counting from 1.
func points(ys []float64, log bool) []opts.LineData { return scaledPoints(ys, 1, log) }

// scaledPoints returns [x, y] points with x = k·scale for the k-th point,
// k counting from 1 (scale 1 keeps whole step numbers).
func scaledPoints(ys []float64, scale float64, log bool) []opts.LineData {
	out := make([]opts.LineData, len(ys))
	for i, y := range ys {
		var x any = i + 1
		if scale != 1 {
			x = float64(i+1) * scale
		}
		out[i] = opts.LineData{Value: []any{x, axisValue(y, log)}}
	}
	return out
}
