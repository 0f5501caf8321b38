package history

import (
	"fmt"
	"math"
	"strconv"
)

// Format writes a metric as tables, summaries, verdicts and progress lines
// show it: to 4 significant digits ("0.1235", "1.235e+05"). A value that
// is not finite comes out as strconv writes it ("NaN", "+Inf", "-Inf");
// where it means that the metric does not apply, the caller tests Finite
// first and writes its own mark (a notebook's "–", a CSV's empty cell).
func Format(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }

// Milliseconds writes seconds as milliseconds, as timing tables and
// verdicts show them: whole milliseconds from 10 ms up ("1234"), two
// significant digits below ("8.5", "0.12"), since wall-clock times vary by
// more than that from one measurement to the next. A value that is not
// finite comes out as strconv writes it ("NaN", "+Inf", "-Inf").
func Milliseconds(seconds float64) string {
	ms := 1000 * seconds
	if math.Abs(ms) >= 10 {
		return fmt.Sprintf("%.0f", ms)
	}
	return fmt.Sprintf("%.2g", ms)
}
