package history

import (
	"math"
	"slices"
)

// Stat summarises one number measured over several runs (one per seed):
// its mean, sample standard deviation (n−1; 0 for one run), minimum,
// maximum and how many finite values it saw. Non-finite values (a diverged
// seed) are left out and counted in Dropped.
type Stat struct {
	Mean    float64 `json:"mean"`
	SD      float64 `json:"sd"`
	Min     float64 `json:"min"`
	Max     float64 `json:"max"`
	N       int     `json:"n"`
	Dropped int     `json:"dropped,omitempty"`
}

// Summarize returns the Stat of xs. With no finite value every field but
// N and Dropped is NaN.
func Summarize(xs []float64) Stat {
	s := Stat{Min: math.Inf(1), Max: math.Inf(-1)}
	var sum float64
	for _, x := range xs {
		if !Finite(x) {
			s.Dropped++
			continue
		}
		s.N++
		sum += x
		s.Min, s.Max = math.Min(s.Min, x), math.Max(s.Max, x)
	}
	if s.N == 0 {
		nan := math.NaN()
		return Stat{Mean: nan, SD: nan, Min: nan, Max: nan, Dropped: s.Dropped}
	}
	s.Mean = sum / float64(s.N)
	if s.N > 1 {
		var ss float64
		for _, x := range xs {
			if Finite(x) {
				ss += (x - s.Mean) * (x - s.Mean)
			}
		}
		s.SD = math.Sqrt(ss / float64(s.N-1))
	}
	return s
}

// ShownSD is the s.d. as a table or a verdict shows it: 0 when it is below
// 1e-9 of the mean, the rounding noise of summing equal values (three seeds
// that all reached 0.1 have an s.d. of about 1e-17, not a spread).
func (s Stat) ShownSD() float64 {
	if s.SD < 1e-9*math.Abs(s.Mean) {
		return 0
	}
	return s.SD
}

// Median is the middle of xs (the mean of the two middle values when
// their number is even): the statistic of repeated timings, where one slow
// repetition should not move the result. It is NaN for no values.
func Median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Curve is a metric per epoch over several runs of one configuration (the
// seeds of a group): at each epoch the Stat of the runs that reached it.
// Epochs count from 1; Stats[i] is epoch Epochs[i].
type Curve struct {
	Metric Metric `json:"metric"`
	Epochs []int  `json:"epochs"`
	Stats  []Stat `json:"stats"`
}

// MeanCurve aggregates m over the runs epoch by epoch. A run that stopped
// early (early stopping, divergence) counts only at the epochs it reached,
// so the last points may rest on fewer runs (Stat.N says how many).
func MeanCurve(runs []*History, m Metric) Curve {
	c := Curve{Metric: m}
	longest := 0
	for _, h := range runs {
		if h != nil {
			longest = max(longest, len(h.Epochs))
		}
	}
	for i := range longest {
		var xs []float64
		for _, h := range runs {
			if h != nil && i < len(h.Epochs) {
				xs = append(xs, m.Of(h.Epochs[i]))
			}
		}
		c.Epochs = append(c.Epochs, i+1)
		c.Stats = append(c.Stats, Summarize(xs))
	}
	return c
}

// Means returns the mean of each epoch.
func (c Curve) Means() []float64 {
	out := make([]float64, len(c.Stats))
	for i, s := range c.Stats {
		out[i] = s.Mean
	}
	return out
}

// Best returns the index in c of the best seed mean (lowest, or highest
// for an accuracy), and false when no mean is finite. Judging the best
// epoch on the mean over seeds keeps one seed's dip in noise from being
// called the best epoch. Only the epochs that more than half of the seeds
// reached count: once most seeds stopped early or diverged, the "mean" of
// the rest is one seed's noise again.
func (c Curve) Best() (int, bool) {
	most := 0
	for _, s := range c.Stats {
		if Finite(s.Mean) {
			most = max(most, s.N)
		}
	}
	best, ok := -1, false
	for i, s := range c.Stats {
		if !Finite(s.Mean) || 2*s.N <= most {
			continue
		}
		if !ok || (c.Metric.LowerIsBetter() && s.Mean < c.Stats[best].Mean) || (!c.Metric.LowerIsBetter() && s.Mean > c.Stats[best].Mean) {
			best, ok = i, true
		}
	}
	return best, ok
}
