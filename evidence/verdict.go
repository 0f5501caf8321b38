package evidence

import (
	"math"

	"github.com/hyperlab-go/hyperlab/history"
)

// Outcome is what the runs say about a claim.
type Outcome string

// The outcomes of a verdict.
const (
	Supported Outcome = "supported"
	Refuted   Outcome = "refuted"
	Depends   Outcome = "depends" // it depends: on the seed, or on the hyperparameter the groups vary
)

// Result is one number of a verdict over a group's seeds.
type Result struct {
	Label string       `json:"label"` // the group, and for oscillation claims what was counted
	Stat  history.Stat `json:"stat"`
}

// Verdict is a judged claim: its outcome, the numbers behind it and its
// wording in English and Chinese, all computed from the runs.
type Verdict struct {
	Claim   Claim    `json:"claim"`
	Outcome Outcome  `json:"outcome"`
	Results []Result `json:"results"`
	// Margin is the difference the outcome rests on (Lower: between the
	// two means; Trend: from the first group's mean to the last's) and
	// Spread what it was held against (pooled s.d., or the gap between
	// min–max ranges); NaN where they do not apply.
	Margin float64 `json:"margin"`
	Spread float64 `json:"spread"`
	// English and Chinese are the verdict in words: the outcome, the claim,
	// the numbers and the reason.
	English string `json:"en"`
	Chinese string `json:"zh"`
}

// rule is what Judge and Claim.check know of a Rule: the fewest groups a
// claim of it compares, and the judge that computes its verdict.
type rule struct {
	groups int
	judge  func(*Verdict) error
}

// rules holds every Rule a Claim can state; check refuses any other.
var rules = map[Rule]rule{
	Lower:         {2, judgeLower},
	Trend:         {3, judgeTrend},
	Oscillates:    {1, judgeOscillation},
	Smooth:        {1, judgeOscillation},
	Neighbours:    {2, judgeNeighbours},
	Interaction:   {4, judgeInteraction},
	WrongRate:     {2, judgeWrongRate},
	Timing:        {2, judgeTiming},
	BestEpochIn:   {1, judgeBestEpoch},
	StepLog:       {1, judgeStepLog},
	StepsPerEpoch: {2, judgeStepsPerEpoch},
}

// Judge computes c's verdict from its groups' histories. It returns an
// error for a malformed claim or a group without histories, never for
// what the data says.
func Judge(c Claim) (Verdict, error) {
	if err := c.check(); err != nil {
		return Verdict{}, err
	}
	v := Verdict{Claim: c, Margin: math.NaN(), Spread: math.NaN()}
	err := rules[c.Rule].judge(&v)
	return v, err
}

// MustJudge is Judge for notebook cells whose claims are written in them:
// it panics on a malformed claim.
func MustJudge(c Claim) Verdict {
	v, err := Judge(c)
	if err != nil {
		panic(err)
	}
	return v
}

// stats returns the claim's measure over each group.
func stats(c Claim) ([]history.Stat, error) {
	out := make([]history.Stat, len(c.Groups))
	for i, g := range c.Groups {
		s, err := c.Measure.Stat(g)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// groupStats returns the claim's measure over each group and records each
// as a Result of v, in the order of the groups.
func groupStats(v *Verdict) ([]history.Stat, error) {
	st, err := stats(v.Claim)
	if err != nil {
		return nil, err
	}
	for i, g := range v.Claim.Groups {
		v.Results = append(v.Results, Result{Label: g.Label, Stat: st[i]})
	}
	return st, nil
}

// separation compares a and b under spread: diff is b.Mean−a.Mean (positive
// when a is lower), spread what |diff| must exceed, and decided whether the
// difference counts. One seed in either group never decides.
func separation(a, b history.Stat, sp Spread) (diff, spread float64, decided bool) {
	diff = b.Mean - a.Mean
	if sp == Range {
		// The gap between the ranges: positive when they do not overlap.
		gap := math.Max(b.Min-a.Max, a.Min-b.Max)
		return diff, math.Abs(diff) - gap, a.N > 1 && b.N > 1 && gap > 0
	}
	spread = math.Sqrt((a.SD*a.SD + b.SD*b.SD) / 2)
	return diff, spread, a.N > 1 && b.N > 1 && history.Finite(diff) && math.Abs(diff) > spread
}
