package history

import (
	"fmt"
	"math"
)

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
