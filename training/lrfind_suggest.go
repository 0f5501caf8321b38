package training

import "math"

// The four suggestions of fastai's lr_find (fastai/callback/schedule.py,
// suggest_funcs valley, slide, steep, minimum; fastai PR #3377), over the
// rates and the smoothed losses of a range test, trimmed as fastai trims
// them (suggest). Each is a translation of fastai's function.

// The names of the four suggestions, as fastai names them.
const (
	SuggestValley  = "valley"
	SuggestSlide   = "slide"
	SuggestSteep   = "steep"
	SuggestMinimum = "minimum"
)

// LRSuggestion is one rule's suggested rate.
type LRSuggestion struct {
	Rule         string  `json:"rule"` // SuggestValley, ...
	LearningRate float64 `json:"learning_rate"`
	Used         bool    `json:"used"` // the one Suggested took
}

// Suggestions lists the four rules' rates in fastai's order (valley,
// slide, steep, minimum), the one Suggested took marked Used. Rules
// without an answer (too few points) are left out.
func (r *LRFind) Suggestions() []LRSuggestion {
	var out []LRSuggestion
	for _, s := range []LRSuggestion{{SuggestValley, r.Valley, false}, {SuggestSlide, r.Slide, false},
		{SuggestSteep, r.Steepest, false}, {SuggestMinimum, r.Minimum, false}} {
		if math.IsNaN(s.LearningRate) || s.LearningRate <= 0 {
			continue
		}
		s.Used = s.LearningRate == r.Suggested && !usedAlready(out)
		out = append(out, s)
	}
	return out
}

func usedAlready(s []LRSuggestion) bool {
	for _, x := range s {
		if x.Used {
			return true
		}
	}
	return false
}

// valley is fastai's valley: the longest decreasing subsequence of the
// loss, and the point a third plus half a third along it. It returns that
// index and the subsequence's ends (start is one before its first point,
// as in fastai).
func valley(lrs, loss []float64) (idx, start, end int) {
	n := len(loss)
	lds := make([]int, n)
	for i := range lds {
		lds[i] = 1
	}
	for i := 1; i < n; i++ {
		for j := 0; j < i; j++ {
			if loss[i] < loss[j] && lds[i] < lds[j]+1 {
				lds[i] = lds[j] + 1
			}
			if lds[end] < lds[i] {
				end = i
				start = end - lds[end]
			}
		}
	}
	sections := float64(end-start) / 3
	idx = start + int(sections) + int(sections/2)
	return max(0, min(idx, n-1)), start, end
}

// slide is fastai's interval slide rule (lr_diff 15, thresh 0.005): from
// the right, it slides a pair of points 15 apart to the left until their
// loss gradients (numpy.gradient over the index) agree within 0.005, and
// suggests the rate of the left point of the last pair that disagreed.
// NaN with 15 points or fewer.
func slide(lrs, loss []float64) float64 {
	const lrDiff, thresh = 15, 0.005
	n := len(loss)
	if n <= lrDiff {
		return math.NaN()
	}
	grad := gradient(loss)
	r, l := n-1, n-1-lrDiff
	lr := lrs[l]
	for l >= 0 && math.Abs(grad[r]-grad[l]) > thresh {
		lr = lrs[l]
		r--
		l--
	}
	return lr
}

// gradient is numpy.gradient with unit spacing: central differences
// inside, one-sided at the ends.
func gradient(y []float64) []float64 {
	n := len(y)
	g := make([]float64, n)
	if n < 2 {
		return g
	}
	g[0], g[n-1] = y[1]-y[0], y[n-1]-y[n-2]
	for i := 1; i < n-1; i++ {
		g[i] = (y[i+1] - y[i-1]) / 2
	}
	return g
}

// steep is fastai's steep: the rate where the loss falls fastest against
// log(rate) (the left point of the steepest pair), with that slope.
func steep(lrs, loss []float64) (float64, float64) {
	best, slope := 0, math.Inf(1)
	for i := 1; i < len(loss); i++ {
		if g := (loss[i] - loss[i-1]) / (math.Log(lrs[i]) - math.Log(lrs[i-1])); g < slope {
			best, slope = i-1, g
		}
	}
	return lrs[best], slope
}

// minimum is fastai's minimum: a tenth of the rate of the lowest loss.
func minimum(lrs, loss []float64) float64 {
	m := 0
	for i := range loss {
		if loss[i] < loss[m] {
			m = i
		}
	}
	return lrs[m] / 10
}
