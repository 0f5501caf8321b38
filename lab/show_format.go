package lab

import (
	"math"
	"strconv"
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

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func nan() float64 { return math.NaN() }
