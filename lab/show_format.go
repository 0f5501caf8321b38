package lab

import (
	"math"

	"github.com/hyperlab-go/hyperlab/history"
)

// num formats a metric for tables and summaries as history.Format does,
// with "–" when it does not apply (NaN); an infinity stays "+Inf" or
// "-Inf".
func num(f float64) string {
	if math.IsNaN(f) {
		return "–"
	}
	return history.Format(f)
}

// finite is history.Finite under lab's old name, so lab's many call sites
// stay as they are while the notebook facade is being reshaped.
var finite = history.Finite

func nan() float64 { return math.NaN() }
