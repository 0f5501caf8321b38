package training

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// ImportanceMethod names how Importance measures, for the chart and the
// report to state.
const ImportanceMethod = "fANOVA main effects (Hutter, Hoos & Leyton-Brown, ICML 2014) of a random forest (Breiman 2001) fitted to the finished trials' best validation loss"

// ImportanceRows bounds the trials Importance fits its forest to: the
// forest's cost grows faster than the trials (18 s at 10,000 on a loaded
// two-core machine), and a thousand trials measure main effects well. Of
// more finished trials, Importance draws this many at random.
const ImportanceRows = 1000

// Importance is the share of the variance of the objective that one
// hyperparameter explains on its own.
type Importance struct {
	Name  string  `json:"name"`
	Share float64 `json:"share"` // from 0 to 1; the shares sum to at most 1, the rest is interactions
}

// Importance measures, for each hyperparameter that varies in the results
// (Results.Names), how much of the variation of the best validation loss
// it explains: a random forest of 64 regression trees is fitted to the
// finished trials (hyperparameters in, best loss out; log-scaled ones as
// their logarithm, choices as their index), and each hyperparameter's
// main effect is the variance, over its range, of the forest's prediction
// averaged over the others; its share is that variance over the variance
// of the prediction over the whole space (fANOVA, Hutter et al. 2014, here
// estimated by Monte Carlo over the ranges the trials cover, uniform on a
// log scale where the Spec says so). A hyperparameter with no effect gets
// a share near 0. spec may be nil (no log scales). Sorted by share, largest
// first. Pruned, diverged and failed trials are left out: their losses
// come from fewer epochs, or from none. Of more than ImportanceRows
// finished trials, ImportanceRows drawn at random with seed are measured.
func (r *Results) Importance(spec *hparams.Spec, seed int64) ([]Importance, error) {
	var rows []Row
	for _, row := range r.Rows {
		if row.Complete() {
			rows = append(rows, row)
		}
	}
	const least = 8
	if len(rows) < least {
		return nil, fmt.Errorf("training: parameter importance needs at least %d finished trials with a finite loss; this sweep has %d", least, len(rows))
	}
	rows = importanceSample(rows, seed)
	feats := make([]feature, len(r.Names))
	for k, name := range r.Names {
		feats[k] = newFeature(spec, name, rows)
	}
	x := make([][]float64, len(rows))
	y := make([]float64, len(rows))
	for i, row := range rows {
		x[i] = make([]float64, len(feats))
		for k, f := range feats {
			x[i][k] = f.encode(row.Values[f.name])
		}
		y[i] = row.BestLoss
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x1a9))
	f := growForest(x, y, 64, rng)
	// The space: M points drawn uniformly over every feature's range.
	const m, grid = 256, 24
	space := make([][]float64, m)
	for i := range space {
		space[i] = make([]float64, len(feats))
		for k, ft := range feats {
			space[i][k] = ft.draw(rng)
		}
	}
	preds := make([]float64, m)
	for i, p := range space {
		preds[i] = f.predict(p)
	}
	total := variance(preds)
	out := make([]Importance, len(feats))
	point := make([]float64, len(feats))
	for k, ft := range feats {
		levels := ft.levels(grid)
		means := make([]float64, len(levels))
		for g, level := range levels {
			s := 0.0
			for _, p := range space {
				copy(point, p)
				point[k] = level
				s += f.predict(point)
			}
			means[g] = s / m
		}
		share := 0.0
		if total > 0 {
			share = math.Min(1, variance(means)/total)
		}
		out[k] = Importance{Name: ft.name, Share: share}
	}
	// Main effects cannot explain more than all of the variance; a sum
	// past 1 is Monte Carlo noise, scaled away.
	sum := 0.0
	for _, o := range out {
		sum += o.Share
	}
	for k := range out {
		if sum > 1 {
			out[k].Share /= sum
		}
	}
	slices.SortStableFunc(out, func(a, b Importance) int { return cmp.Compare(b.Share, a.Share) })
	return out, nil
}

func variance(xs []float64) float64 {
	mean := 0.0
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	v := 0.0
	for _, x := range xs {
		v += (x - mean) * (x - mean)
	}
	return v / float64(len(xs))
}

// feature encodes one hyperparameter as a number for the forest.
type feature struct {
	name    string
	log     bool
	choices []string // a non-numeric hyperparameter's values, as text
	lo, hi  float64  // a numeric one's range over the trials (log10 when log)
}

func newFeature(spec *hparams.Spec, name string, rows []Row) feature {
	f := feature{name: name, lo: math.Inf(1), hi: math.Inf(-1)}
	if spec != nil {
		if p, ok := spec.Lookup(name); ok {
			f.log = p.Log
		}
	}
	for _, row := range rows {
		text := hparams.Format(row.Values[name])
		x, err := strconv.ParseFloat(text, 64)
		if err != nil || f.choices != nil {
			if !slices.Contains(f.choices, text) {
				f.choices = append(f.choices, text)
			}
			continue
		}
		if f.log && x > 0 {
			x = math.Log10(x)
		}
		f.lo, f.hi = math.Min(f.lo, x), math.Max(f.hi, x)
	}
	if f.choices != nil { // some value was not a number: treat all as choices
		f.choices = nil
		for _, row := range rows {
			if text := hparams.Format(row.Values[name]); !slices.Contains(f.choices, text) {
				f.choices = append(f.choices, text)
			}
		}
		slices.Sort(f.choices)
	}
	return f
}

func (f feature) encode(v any) float64 {
	text := hparams.Format(v)
	if f.choices != nil {
		return float64(slices.Index(f.choices, text))
	}
	x, _ := strconv.ParseFloat(text, 64)
	if f.log && x > 0 {
		x = math.Log10(x)
	}
	return x
}

// draw is a value uniform over the feature's range (or its choices).
func (f feature) draw(rng *rand.Rand) float64 {
	if f.choices != nil {
		return float64(rng.IntN(len(f.choices)))
	}
	return f.lo + rng.Float64()*(f.hi-f.lo)
}

// levels are the values at which a main effect is evaluated: every choice,
// or n evenly spaced points over the range.
func (f feature) levels(n int) []float64 {
	var out []float64
	if f.choices != nil {
		for i := range f.choices {
			out = append(out, float64(i))
		}
		return out
	}
	for i := range n {
		out = append(out, f.lo+(f.hi-f.lo)*(float64(i)+0.5)/float64(n))
	}
	return out
}

// importanceSample is rows, or ImportanceRows of them drawn at random with
// seed when there are more.
func importanceSample(rows []Row, seed int64) []Row {
	if len(rows) <= ImportanceRows {
		return rows
	}
	rows = slices.Clone(rows)
	rand.New(rand.NewPCG(uint64(seed), 0)).Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	return rows[:ImportanceRows]
}
