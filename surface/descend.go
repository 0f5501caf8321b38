package surface

import (
	"fmt"
	"math"
)

// Path is the route of plain gradient descent: Points[0] is the start and
// Points[k] the weights after k steps; Loss[k] is the loss there. A path
// stops early when the loss stops being a finite number or grows past
// 1e12 times its start (it has diverged; more steps add nothing).
type Path struct {
	LearningRate float64
	Points       []Point
	Loss         []float64
}

// Descend takes steps plain gradient-descent steps on s from start:
// w ← w − learningRate·∇L(w).
func Descend(s Surface, start Point, learningRate float64, steps int) (Path, error) {
	if !(learningRate > 0) || math.IsInf(learningRate, 0) {
		return Path{}, fmt.Errorf("surface: learning rate %g is not a positive number", learningRate)
	}
	if steps < 1 {
		return Path{}, fmt.Errorf("surface: steps=%d; take at least 1", steps)
	}
	p := Path{LearningRate: learningRate, Points: []Point{start}, Loss: []float64{s.Loss(start.X, start.Y)}}
	w := start
	for range steps {
		dx, dy := s.Grad(w.X, w.Y)
		w = Point{w.X - learningRate*dx, w.Y - learningRate*dy}
		l := s.Loss(w.X, w.Y)
		p.Points = append(p.Points, w)
		p.Loss = append(p.Loss, l)
		if math.IsNaN(l) || math.IsInf(l, 0) || l > 1e12*p.Loss[0] {
			break
		}
	}
	return p, nil
}

// Steps returns the number of steps taken.
func (p Path) Steps() int { return len(p.Points) - 1 }

// Reversals counts the steps that turned back: whose direction makes an
// obtuse angle with the step before (a negative dot product). Gradient
// descent with a small rate slides down the valley and never turns back;
// a rate too large for the valley's steep side jumps across it at every
// step, and nearly every step reverses the one before.
func (p Path) Reversals() int {
	n := 0
	for k := 2; k < len(p.Points); k++ {
		a, b, c := p.Points[k-2], p.Points[k-1], p.Points[k]
		if (b.X-a.X)*(c.X-b.X)+(b.Y-a.Y)*(c.Y-b.Y) < 0 {
			n++
		}
	}
	return n
}

// Rises counts the steps after which the loss was higher than before.
func (p Path) Rises() int {
	n := 0
	for k := 1; k < len(p.Loss); k++ {
		if p.Loss[k] > p.Loss[k-1] {
			n++
		}
	}
	return n
}

// Final returns the loss after the last step.
func (p Path) Final() float64 { return p.Loss[len(p.Loss)-1] }
