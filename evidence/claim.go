package evidence

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/typo"
)

// Rule is the kind of a claim.
type Rule string

// The rules a Claim can state.
const (
	// Lower: Groups[0]'s measure is lower (Direction Up: higher) than
	// Groups[1]'s, beyond the seed spread.
	Lower Rule = "lower"
	// Trend: the measure falls (Direction Down) or rises (Up) step by step
	// across Groups, which are in the order of Axis.
	Trend Rule = "trend"
	// Oscillates: each seed of Groups[0] changes direction in at least
	// Threshold of its Series' steps, by at least MinSwing of its level.
	Oscillates Rule = "oscillates"
	// Smooth is the opposite claim: no seed of Groups[0] oscillates.
	Smooth Rule = "smooth"
	// Neighbours: every Marked group's measure is lower (Up: higher) than
	// that of its unmarked neighbours in Groups, beyond the seed spread.
	Neighbours Rule = "neighbours"
	// Interaction: the effect of Groups[0] → Groups[1] differs from that
	// of Groups[2] → Groups[3] beyond the seed spread (see Interacts).
	Interaction Rule = "interaction"
)

// Direction says which way a Lower, Trend or Neighbours claim goes.
type Direction string

// The directions of a claim.
const (
	Down Direction = "down" // lower, falls
	Up   Direction = "up"   // higher, rises
)

// Spread is how far apart two groups must be for a difference to count.
type Spread string

// The spreads a Claim can require.
const (
	SD    Spread = "sd"    // the mean difference exceeds the pooled standard deviation (default)
	Range Spread = "range" // the min–max ranges over seeds do not overlap
)

// Claim is a stated rule over groups of runs: plain data, saved with its
// verdict as JSON so that it can be judged again.
type Claim struct {
	ID        string    `json:"id"` // names the claim in tests and saved notebooks, e.g. "lr-too-large-oscillates"
	Rule      Rule      `json:"rule"`
	Measure   Measure   `json:"measure"`
	Direction Direction `json:"direction,omitempty"` // default Down
	Spread    Spread    `json:"spread,omitempty"`    // default SD
	Axis      string    `json:"axis,omitempty"`      // Trend, Neighbours: the hyperparameter the groups vary
	Series    string    `json:"series,omitempty"`    // Oscillates, Smooth: a history.Metric or StepLoss
	Threshold float64   `json:"threshold,omitempty"` // Oscillates, Smooth: fraction of direction changes (default 0.3)
	MinSwing  float64   `json:"min_swing,omitempty"` // Oscillates, Smooth: mean |step| relative to the level (default 0.02)
	Marked    []bool    `json:"marked,omitempty"`    // Neighbours, Timing: which groups are marked
	Low       float64   `json:"low,omitempty"`       // BestEpochIn: the range's lower end
	High      float64   `json:"high,omitempty"`      // BestEpochIn: the range's upper end
	Rows      int       `json:"rows,omitempty"`      // StepsPerEpoch: training rows one epoch goes over
	Groups    []Group   `json:"groups"`
}

// LowerThan claims that a's measure is lower than b's beyond the seed spread.
func LowerThan(id string, m Measure, a, b Group) Claim {
	return Claim{ID: id, Rule: Lower, Measure: m, Direction: Down, Groups: []Group{a, b}}
}

// HigherThan claims that a's measure is higher than b's beyond the seed spread.
func HigherThan(id string, m Measure, a, b Group) Claim {
	return Claim{ID: id, Rule: Lower, Measure: m, Direction: Up, Groups: []Group{a, b}}
}

// Falls claims that the measure falls step by step across groups, given in
// increasing order of the hyperparameter axis.
func Falls(id string, m Measure, axis string, groups ...Group) Claim {
	return Claim{ID: id, Rule: Trend, Measure: m, Direction: Down, Axis: axis, Groups: groups}
}

// Rises claims that the measure rises step by step across groups, given in
// increasing order of the hyperparameter axis.
func Rises(id string, m Measure, axis string, groups ...Group) Claim {
	return Claim{ID: id, Rule: Trend, Measure: m, Direction: Up, Axis: axis, Groups: groups}
}

// OscillatesClaim claims that g's series (a history.Metric per epoch, or
// StepLoss) goes up and down rather than one way.
func OscillatesClaim(id string, series string, g Group) Claim {
	return Claim{ID: id, Rule: Oscillates, Series: series, Groups: []Group{g}}
}

// SmoothClaim claims that g's series does not oscillate.
func SmoothClaim(id string, series string, g Group) Claim {
	return Claim{ID: id, Rule: Smooth, Series: series, Groups: []Group{g}}
}

// LowerThanNeighbours claims that each marked group's measure is lower than
// that of its unmarked neighbours; groups are in the order of axis.
func LowerThanNeighbours(id string, m Measure, axis string, groups []Group, marked []bool) Claim {
	return Claim{ID: id, Rule: Neighbours, Measure: m, Direction: Down, Axis: axis, Groups: groups, Marked: marked}
}

// check names what is wrong with c.
func (c Claim) check() error {
	if c.ID == "" {
		return fmt.Errorf("evidence: a claim needs an ID, e.g. \"l2-closes-gap\"")
	}
	r, ok := rules[c.Rule]
	if !ok {
		names := make([]string, 0, len(rules))
		for _, r := range slices.Sorted(maps.Keys(rules)) {
			names = append(names, string(r))
		}
		return fmt.Errorf("evidence: claim %s: unknown rule %q; use one of %s%s", c.ID, c.Rule, strings.Join(names, ", "), typo.Hint(string(c.Rule), names))
	}
	if c.Rule == Lower && len(c.Groups) != 2 {
		return fmt.Errorf("evidence: claim %s compares two groups and got %d", c.ID, len(c.Groups))
	}
	if len(c.Groups) < r.groups {
		return fmt.Errorf("evidence: claim %s (%s) needs at least %d groups and got %d", c.ID, c.Rule, r.groups, len(c.Groups))
	}
	if done, err := c.checkCounts(); done {
		return err
	}
	if c.Rule == Interaction && (len(c.Groups) != 4 || c.Spread == Range) {
		return fmt.Errorf("evidence: claim %s compares two effects of four groups (a0→a1, b0→b1) with the pooled s.d.; got %d groups, spread %q", c.ID, len(c.Groups), c.Spread)
	}
	if c.Rule == Neighbours && len(c.Marked) != len(c.Groups) {
		return fmt.Errorf("evidence: claim %s marks %d groups of %d; give one mark per group", c.ID, len(c.Marked), len(c.Groups))
	}
	if c.Rule == Oscillates || c.Rule == Smooth {
		if c.Series != string(StepLoss) {
			if err := history.Metric(c.Series).Check(); err != nil {
				return fmt.Errorf("evidence: claim %s: series: %w", c.ID, err)
			}
		}
		return nil
	}
	if c.Spread != "" && c.Spread != SD && c.Spread != Range {
		return fmt.Errorf("evidence: claim %s: spread %q; use %q or %q", c.ID, c.Spread, SD, Range)
	}
	return c.Measure.check()
}

func (c Claim) up() bool { return c.Direction == Up }
