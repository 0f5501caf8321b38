package history_test

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/history"
)

func ExampleFormat() {
	fmt.Println(history.Format(0.123456), history.Format(123456), history.Format(math.NaN()), history.Format(math.Inf(1)))
	// Output: 0.1235 1.235e+05 NaN +Inf
}

func ExampleMilliseconds() {
	fmt.Println(history.Milliseconds(1.2345), history.Milliseconds(0.0123), history.Milliseconds(0.0085), history.Milliseconds(0.000123), history.Milliseconds(math.NaN()))
	// Output: 1234 12 8.5 0.12 NaN
}
