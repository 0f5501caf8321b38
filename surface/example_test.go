package surface_test

import (
	"fmt"
	"log"
	"math"

	"github.com/hyperlab-go/hyperlab/surface"
)

// Four learning rates on one elongated bowl: the steep side has curvature
// 10, so 1/10 = 0.1 is the largest rate that never zig-zags and 2/10 = 0.2
// the largest that does not diverge.
func ExampleDescend() {
	bowl, err := surface.Bowl(1, 10, math.Pi/6)
	if err != nil {
		log.Fatal(err)
	}
	for _, lr := range []float64{0.01, 0.1, 0.18, 0.21} {
		p, err := surface.Descend(bowl, surface.Point{X: -4.2, Y: -0.7}, lr, 30)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("lr %-4g %-11s reversals %2d/29, loss %6.3f → %.3g\n",
			lr, surface.DefaultRule.Classify(p), p.Reversals(), p.Loss[0], p.Final())
	}
	// Output:
	// lr 0.01 too small   reversals  0/29, loss 19.106 → 4.37
	// lr 0.1  good        reversals  0/29, loss 19.106 → 0.0143
	// lr 0.18 oscillating reversals 29/29, loss 19.106 → 7.07e-05
	// lr 0.21 diverging   reversals 29/29, loss 19.106 → 3.4e+03
}
