package history_test

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/history"
)

func ExampleMilliseconds() {
	fmt.Println(history.Milliseconds(1.2345), history.Milliseconds(0.0123), history.Milliseconds(0.0085), history.Milliseconds(0.000123), history.Milliseconds(math.NaN()))
	// Output: 1234 12 8.5 0.12 NaN
}
