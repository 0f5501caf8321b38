package evidence

import (
	"math"

	"github.com/hyperlab-go/hyperlab/history"
)

func judgeLower(v *Verdict) error {
	c := v.Claim
	st, err := groupStats(v)
	if err != nil {
		return err
	}
	diff, spread, decided := separation(st[0], st[1], c.Spread)
	if c.up() {
		diff = -diff
	}
	v.Margin, v.Spread = math.Abs(diff), spread
	w := words{c: c}
	switch {
	case !decided:
		v.Outcome = Depends
		v.English, v.Chinese = w.lower(v, w.withinSpread(v, st))
	case diff > 0:
		v.Outcome = Supported
		v.English, v.Chinese = w.lower(v, w.beyondSpread(v, false))
	default:
		v.Outcome = Refuted
		v.English, v.Chinese = w.lower(v, w.beyondSpread(v, true))
	}
	return nil
}

func judgeTrend(v *Verdict) error {
	c := v.Claim
	st, err := groupStats(v)
	if err != nil {
		return err
	}
	sign := 1.0 // +1: the claimed direction is down
	if c.up() {
		sign = -1
	}
	with, against := 0, 0
	for i := 1; i < len(st); i++ {
		switch d := sign * (st[i-1].Mean - st[i].Mean); {
		case d > 0:
			with++
		case d < 0:
			against++
		}
	}
	first, last := st[0], st[len(st)-1]
	diff, spread, decided := separation(last, first, c.Spread)
	v.Margin, v.Spread = sign*diff, spread
	w := words{c: c}
	steps := len(st) - 1
	switch {
	case with == steps && decided:
		v.Outcome = Supported
		v.English, v.Chinese = w.trend(v, w.monotone(false))
	case against == steps && decided:
		v.Outcome = Refuted
		v.English, v.Chinese = w.trend(v, w.monotone(true))
	case with == steps || against == steps:
		v.Outcome = Depends
		v.English, v.Chinese = w.trend(v, w.withinSpread(v, []history.Stat{first, last}))
	default:
		v.Outcome = Depends
		v.English, v.Chinese = w.trend(v, w.extreme(st))
	}
	return nil
}

// Defaults of the oscillation rule: a series oscillates when at least 30%
// of its successive steps change direction and its mean step is at least
// 2% of its mean level. Noise-free descent changes direction rarely; a
// dead network's flat loss changes direction often, by tiny steps.
const (
	DefaultThreshold = 0.3
	DefaultMinSwing  = 0.02
)

// Wobble measures how a series moves: the fraction of successive steps
// that change direction, and the mean absolute step relative to the mean
// absolute level. NaN values end the series (a divergence).
func Wobble(xs []float64) (changes, swing float64) {
	var steps []float64
	var level float64
	n := 0
	for i, x := range xs {
		if !history.Finite(x) {
			break
		}
		level += math.Abs(x)
		n++
		if i > 0 {
			steps = append(steps, x-xs[i-1])
		}
	}
	if len(steps) < 2 {
		return math.NaN(), math.NaN()
	}
	flips, moves := 0, 0
	var sumAbs float64
	prev := 0.0
	for _, d := range steps {
		sumAbs += math.Abs(d)
		if d == 0 {
			continue
		}
		if prev != 0 && (d > 0) != (prev > 0) {
			flips++
		}
		prev = d
		moves++
	}
	changes = 0
	if moves > 1 {
		changes = float64(flips) / float64(moves-1)
	}
	level /= float64(n)
	if level == 0 {
		return changes, 0
	}
	return changes, sumAbs / float64(len(steps)) / level
}

func series(h *history.History, name string) []float64 {
	if name == string(StepLoss) {
		return h.StepLoss
	}
	return h.Series(history.Metric(name))
}

func judgeOscillation(v *Verdict) error {
	c := v.Claim
	if c.Threshold == 0 {
		c.Threshold = DefaultThreshold
	}
	if c.MinSwing == 0 {
		c.MinSwing = DefaultMinSwing
	}
	v.Claim = c
	g := c.Groups[0]
	oscillating, flat, changes, swings, err := oscillating(c, g)
	if err != nil {
		return err
	}
	v.Results = []Result{{Label: g.Label + " · direction changes", Stat: history.Summarize(changes)},
		{Label: g.Label + " · mean step / level", Stat: history.Summarize(swings)}}
	w := words{c: c}
	n := len(g.Runs)
	out := Depends
	switch {
	case oscillating == n:
		out = Supported
	case oscillating == 0:
		out = Refuted
	}
	if c.Rule == Smooth && out != Depends {
		out = map[Outcome]Outcome{Supported: Refuted, Refuted: Supported}[out]
	}
	v.Outcome = out
	v.English, v.Chinese = w.oscillation(v, oscillating, flat, n)
	return nil
}

// comparison is one marked group against one neighbour.
type comparison struct {
	marked, neighbour int
	won, lost         bool
}

func judgeNeighbours(v *Verdict) error {
	c := v.Claim
	st, err := groupStats(v)
	if err != nil {
		return err
	}
	var cs []comparison
	for i, m := range c.Marked {
		if !m {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(st) || c.Marked[j] {
				continue
			}
			diff, _, decided := separation(st[i], st[j], c.Spread)
			if c.up() {
				diff = -diff
			}
			cs = append(cs, comparison{marked: i, neighbour: j, won: decided && diff > 0, lost: decided && diff < 0})
		}
	}
	won := 0
	for _, x := range cs {
		if x.won {
			won++
		}
	}
	switch {
	case len(cs) > 0 && won == len(cs):
		v.Outcome = Supported
	case won == 0:
		v.Outcome = Refuted
	default:
		v.Outcome = Depends
	}
	w := words{c: c}
	v.English, v.Chinese = w.neighbours(v, cs)
	return nil
}
