package plotting

import (
	"math"
	"sort"
	"strconv"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// Trial is one configuration of a sweep and the metric it reached.
type Trial struct {
	Label  string
	Values map[string]any
	Value  float64 // NaN when the trial has no finite value (it diverged)
}

// Trials returns one Trial per run: the metric m of its last epoch (NaN for
// a run without epochs or one that diverged), labelled as Labels does.
func Trials(runs []Run, m Metric) ([]Trial, error) {
	if err := checkMetric(m); err != nil {
		return nil, err
	}
	labels := Labels(runs)
	out := make([]Trial, len(runs))
	for i, r := range runs {
		out[i] = Trial{Label: labels[i], Values: r.Values, Value: math.NaN()}
		if last, ok := r.History.Last(); ok && r.History.Status != "diverged" {
			out[i].Value = m.Of(last)
		}
	}
	return out, nil
}

// SweepOptions tunes the sweep views Slice, Heatmap and Parallel.
type SweepOptions struct {
	Title  string
	Metric string // the metric's name for axes; default "validation loss"
	// LogParams names the hyperparameters drawn on a log axis (those
	// declared with a log scale).
	LogParams []string
	// ColorRange anchors Heatmap's colour scale: its two ends (e.g. 0 and
	// ln 2 for a two-class loss: perfect to chance), widened where a cell
	// lies outside. The zero value spans the cells' own min and max, which
	// paints differences of a few thousandths as far apart as any.
	ColorRange [2]float64
}

func (o SweepOptions) metric() string {
	if o.Metric == "" {
		return ValLoss.Label()
	}
	return o.Metric
}

func (o SweepOptions) isLog(name string) bool {
	for _, p := range o.LogParams {
		if p == name {
			return true
		}
	}
	return false
}

// axisValues returns the distinct values of param over trials as text,
// sorted numerically when all are numbers, and whether they are.
func axisValues(trials []Trial, param string) ([]string, bool) {
	values := make([]map[string]any, len(trials))
	for i, t := range trials {
		values[i] = t.Values
	}
	return distinctValues(values, param)
}

// distinctValues returns the distinct values of name over values as text
// (as legends show them), sorted numerically when all are numbers, and
// whether they are: the categories of a sweep chart's axis or colours.
func distinctValues(values []map[string]any, name string) ([]string, bool) {
	seen := map[string]float64{}
	numeric := true
	for _, v := range values {
		f, ok := toFloat(v[name])
		numeric = numeric && ok
		seen[valueText(v, name)] = f
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Slice(out, func(a, b int) bool {
		if numeric {
			return seen[out[a]] < seen[out[b]]
		}
		return out[a] < out[b]
	})
	return out, numeric
}

// paramNames returns every hyperparameter name of the trials, sorted.
func paramNames(trials []Trial) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range trials {
		for k := range t.Values {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// toFloat returns v as a float64 when it is a number (or a string holding
// one).
func toFloat(v any) (float64, bool) {
	if x, ok := v.(string); ok {
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return hparams.Number(v)
}
