package surface

import (
	"fmt"
	"math"
)

// Surface is a loss over two weights (x, y) with its gradient.
type Surface struct {
	Name string
	Loss func(x, y float64) float64
	Grad func(x, y float64) (dx, dy float64)
	// Curvature is the largest second derivative of the loss (the largest
	// eigenvalue of its Hessian) where that is a constant, as on a
	// quadratic bowl; 0 when it is not. Plain gradient descent on a
	// quadratic converges for a rate below 2/Curvature and zig-zags across
	// the valley for a rate above 1/Curvature.
	Curvature float64
}

// Bowl is the quadratic valley (a·u² + b·v²)/2, with (u, v) the weights
// (x, y) rotated by angle radians: an elongated bowl, steep across (the
// larger of a and b) and shallow along, whose minimum is 0 at the origin.
// Its rotation makes the zig-zag of a too-large rate move both weights, as
// it does in a network, rather than one axis alone.
func Bowl(a, b, angle float64) (Surface, error) {
	if !(a > 0) || !(b > 0) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return Surface{}, fmt.Errorf("surface: a bowl's curvatures must be positive numbers, got a=%g b=%g", a, b)
	}
	c, s := math.Cos(angle), math.Sin(angle)
	rot := func(x, y float64) (u, v float64) { return c*x + s*y, -s*x + c*y }
	return Surface{
		Name: fmt.Sprintf("bowl (curvatures %g and %g)", a, b),
		Loss: func(x, y float64) float64 {
			u, v := rot(x, y)
			return (a*u*u + b*v*v) / 2
		},
		Grad: func(x, y float64) (float64, float64) {
			u, v := rot(x, y)
			gu, gv := a*u, b*v
			// Back to (x, y): the transpose of the rotation.
			return c*gu - s*gv, s*gu + c*gv
		},
		Curvature: math.Max(a, b),
	}, nil
}

// Point is a position on the surface: the two weights.
type Point struct{ X, Y float64 }

// Grid samples a surface on an n×n grid over a square window, for a chart:
// Loss[j][i] is the loss at (Xs[i], Ys[j]).
type Grid struct {
	Xs, Ys []float64
	Loss   [][]float64
}

// Sample evaluates s on n×n evenly spaced points of the square centred on
// (cx, cy) with half-width r. A square window keeps a chart of it at 1:1.
func Sample(s Surface, cx, cy, r float64, n int) (Grid, error) {
	if n < 2 || !(r > 0) {
		return Grid{}, fmt.Errorf("surface: a grid needs at least 2 points a side and a positive half-width, got n=%d r=%g", n, r)
	}
	g := Grid{Xs: make([]float64, n), Ys: make([]float64, n), Loss: make([][]float64, n)}
	for i := range n {
		t := -r + 2*r*float64(i)/float64(n-1)
		g.Xs[i], g.Ys[i] = cx+t, cy+t
	}
	for j, y := range g.Ys {
		g.Loss[j] = make([]float64, n)
		for i, x := range g.Xs {
			g.Loss[j][i] = s.Loss(x, y)
		}
	}
	return g, nil
}
