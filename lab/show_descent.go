package lab

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/surface"
)

// Descent runs plain gradient descent on s from start for steps steps at
// each learning rate and tabulates the paths: the rate, the rate times the
// surface's curvature (below 1 no zig-zag, below 2 no divergence, on a
// quadratic), the regime surface.DefaultRule names, how many turns reversed
// the step before, and the loss at the start and the end.
func Descent(s surface.Surface, start surface.Point, steps int, rates ...float64) ([]surface.Path, Table, error) {
	t := Table{Caption: "regime by surface.DefaultRule (diverging: the loss ends above its start; oscillating: at least half the turns before the path nears the minimum reverse the step before; good: the loss ends below 1 % of its start; else too small)",
		Header: []string{"learning rate", "rate × curvature", "regime", "turns that reversed", "loss at start", "loss at end"}}
	var paths []surface.Path
	for _, lr := range rates {
		p, err := surface.Descend(s, start, lr, steps)
		if err != nil {
			return nil, t, err
		}
		paths = append(paths, p)
		t.Rows = append(t.Rows, []string{num(lr), num(lr * s.Curvature), string(surface.DefaultRule.Classify(p)),
			fmt.Sprintf("%d of %d", p.Reversals(), max(0, p.Steps()-1)), num(p.Loss[0]), num(p.Final())})
	}
	return paths, t, nil
}

// ShowDescent draws the paths of Descent over the surface, sampled on a
// square window centred on the minimum at the origin that holds the start
// (drawn at 1:1), and shows Descent's table below.
func ShowDescent(s surface.Surface, start surface.Point, steps int, rates ...float64) {
	paths, t, err := Descent(s, start, steps, rates...)
	Check(err)
	r := 1.1 * max(math.Abs(start.X), math.Abs(start.Y))
	g, err := surface.Sample(s, 0, 0, r, 41)
	Check(err)
	c, err := plotting.Descent(g, paths, plotting.DescentOptions{})
	Check(err)
	show(c)
	t.Show()
}
