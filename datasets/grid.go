package datasets

// Grid2D lays a steps×steps grid over the plane of a 2-D dataset, covering
// its points plus margin on every side, for drawing a decision boundary:
// training predicts a class for every grid point and a chart colours the
// plane with them.
//
// xs and ys are the grid's coordinates along each axis (ascending); points
// holds the grid points row-major as (x, y) pairs, y outer and x inner:
// point k = j*steps + i is (xs[i], ys[j]) at points[2k], points[2k+1].
// Grid2D returns nils when d does not have exactly two features, has no
// rows, or steps < 2.
func Grid2D(d *Dataset, steps int, margin float64) (xs, ys []float64, points []float32) {
	if d == nil || d.NumFeatures != 2 || d.Len() == 0 || steps < 2 {
		return nil, nil, nil
	}
	minX, maxX := float64(d.X[0]), float64(d.X[0])
	minY, maxY := float64(d.X[1]), float64(d.X[1])
	for i := 0; i < d.Len(); i++ {
		x, y := float64(d.X[2*i]), float64(d.X[2*i+1])
		minX, maxX = min(minX, x), max(maxX, x)
		minY, maxY = min(minY, y), max(maxY, y)
	}
	xs = linspace(minX-margin, maxX+margin, steps)
	ys = linspace(minY-margin, maxY+margin, steps)
	points = make([]float32, 0, 2*steps*steps)
	for _, y := range ys {
		for _, x := range xs {
			points = append(points, float32(x), float32(y))
		}
	}
	return xs, ys, points
}

// linspace returns n evenly spaced values from lo to hi inclusive.
func linspace(lo, hi float64, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = lo + (hi-lo)*float64(i)/float64(n-1)
	}
	return v
}
