package plotting

import (
	"math"

	"github.com/hyperlab-go/hyperlab/history"
)

// extent is the range of the finite numbers added to it, for an axis or
// a colour scale: lo > hi (+Inf, -Inf) until one is.
type extent struct{ lo, hi float64 }

// noExtent is the range of no number.
func noExtent() extent { return extent{math.Inf(1), math.Inf(-1)} }

// add widens e to v when v is finite; NaN and ±Inf are left out.
func (e *extent) add(v float64) {
	if history.Finite(v) {
		e.lo, e.hi = min(e.lo, v), max(e.hi, v)
	}
}

// empty reports whether no finite number was added.
func (e extent) empty() bool { return e.lo > e.hi }
