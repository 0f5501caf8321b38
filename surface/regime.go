package surface

import "math"

// Regime names what a learning rate did on a surface.
type Regime string

const (
	Slow        Regime = "too small"   // steady, but still far from the minimum
	Good        Regime = "good"        // reached the minimum without zig-zagging
	Oscillating Regime = "oscillating" // zig-zagged across the valley, yet the loss fell
	Diverging   Regime = "diverging"   // the loss ended higher than it started
)

// Rule holds the thresholds of Classify; DefaultRule is what the notebooks
// use.
type Rule struct {
	// Close is the fraction of the starting loss below which a path has
	// reached the minimum.
	Close float64
	// ZigZag is the fraction of the turns (the steps after the first) taken
	// before the path comes within Close of the minimum that must reverse
	// the step before for a path to oscillate. Turns after that do not
	// count: near the minimum the zig-zag across the valley has died down
	// and what is left is the slow slide along it.
	ZigZag float64
}

// DefaultRule: within 1% of the starting loss is "reached"; at least half
// the steps turning back is a zig-zag.
var DefaultRule = Rule{Close: 0.01, ZigZag: 0.5}

// Classify names p's regime, in this order:
//   - Diverging: the final loss is not finite or not below the starting loss;
//   - Oscillating: at least r.ZigZag of the turns before the path came
//     within r.Close of the minimum reversed the step before (Reversals);
//   - Good: the final loss is below r.Close times the starting loss;
//   - Slow: otherwise.
func (r Rule) Classify(p Path) Regime {
	final := p.Final()
	if math.IsNaN(final) || math.IsInf(final, 0) || final >= p.Loss[0] {
		return Diverging
	}
	head := p.Until(r.Close * p.Loss[0])
	if turns := head.Steps() - 1; turns > 0 && float64(head.Reversals()) >= r.ZigZag*float64(turns) {
		return Oscillating
	}
	if final < r.Close*p.Loss[0] {
		return Good
	}
	return Slow
}

// Until returns the start of p up to the first point whose loss is below
// loss (all of p when none is).
func (p Path) Until(loss float64) Path {
	for k, l := range p.Loss {
		if l < loss {
			return Path{LearningRate: p.LearningRate, Points: p.Points[:k+1], Loss: p.Loss[:k+1]}
		}
	}
	return p
}
