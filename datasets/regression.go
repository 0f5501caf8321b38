package datasets

import "math"

// The 1-D regression sets: n rows of one feature x, drawn uniformly, and a
// target y = f(x) plus Gaussian noise of standard deviation noise. Rows are
// in random order. n ≤ 0 gives an empty Dataset.

// Sine is y = sin(x) for x in [-π, π).
func Sine(n int, noise float64, seed int64) *Dataset {
	return regression("sine", n, -math.Pi, math.Pi, math.Sin, noise, seed)
}

// Polynomial is the cubic y = x³/2 − x for x in [-2, 2): two bends, so a
// straight line (a network without hidden layers) underfits it.
func Polynomial(n int, noise float64, seed int64) *Dataset {
	return regression("poly", n, -2, 2, func(x float64) float64 { return x*x*x/2 - x }, noise, seed)
}

func regression(name string, n int, lo, hi float64, f func(float64) float64, noise float64, seed int64) *Dataset {
	r := newRNG(seed)
	d := &Dataset{Name: name, Task: Regression, NumFeatures: 1, X: []float32{}, Targets: []float32{}}
	for i := 0; i < n; i++ {
		x := r.uniform(lo, hi)
		y := f(x)
		if noise != 0 {
			y += noise * r.normal()
		}
		d.X = append(d.X, float32(x))
		d.Targets = append(d.Targets, float32(y))
	}
	return d
}
