package lab

import (
	"math"
	"strconv"

	"github.com/hyperlab-go/hyperlab/history"
)

// num formats a metric for tables and summaries: 4 significant digits, "–"
// when it does not apply.
func num(f float64) string {
	if !finite(f) {
		if math.IsInf(f, 0) {
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
		return "–"
	}
	return strconv.FormatFloat(f, 'g', 4, 64)
}

// finite is history.Finite under lab's old name, so lab's many call sites
// stay as they are while the notebook facade is being reshaped.
var finite = history.Finite

func nan() float64 { return math.NaN() }
