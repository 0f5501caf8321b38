package datasets

import "math"

// The 2-D classification sets. Each returns n rows of two features (x, y)
// and an integer label, with rows in random order (classes interleaved), and
// Gaussian noise of standard deviation noise added to both coordinates. The
// same arguments always give the same Dataset. n ≤ 0 gives an empty
// Dataset; a classes argument below 2 is taken as 2.

// Moons is two interleaving half circles (scikit-learn's make_moons): class 0
// the upper moon, class 1 the lower one, shifted right and down. A straight
// line cannot separate them; a small MLP can.
func Moons(n int, noise float64, seed int64) *Dataset {
	return halves("moons", n, noise, seed, func(i, count int) (x, y float64) {
		t := math.Pi * frac(i, count)
		return math.Cos(t), math.Sin(t)
	}, func(i, count int) (x, y float64) {
		t := math.Pi * frac(i, count)
		return 1 - math.Cos(t), 0.5 - math.Sin(t)
	})
}

// Circles is a circle of radius 0.5 (class 1) inside one of radius 1
// (class 0).
func Circles(n int, noise float64, seed int64) *Dataset {
	return halves("circles", n, noise, seed, func(i, count int) (x, y float64) {
		t := 2 * math.Pi * float64(i) / float64(count)
		return math.Cos(t), math.Sin(t)
	}, func(i, count int) (x, y float64) {
		t := 2 * math.Pi * float64(i) / float64(count)
		return 0.5 * math.Cos(t), 0.5 * math.Sin(t)
	})
}

// halves is a two-class dataset of n points: the first half (rounded up)
// is class 0 at curve0(i, count), the rest class 1 at curve1, i counting
// from 0 within the class; then noise, and a shuffle, both from seed.
func halves(name string, n int, noise float64, seed int64, curve0, curve1 func(i, count int) (x, y float64)) *Dataset {
	r := newRNG(seed)
	d := newClassification(name, 2)
	n0 := (n + 1) / 2
	for i := 0; i < n; i++ {
		if i < n0 {
			x, y := curve0(i, n0)
			d.add2(r, noise, x, y, 0)
		} else {
			x, y := curve1(i-n0, n-n0)
			d.add2(r, noise, x, y, 1)
		}
	}
	return d.shuffled(r)
}

// Spirals is classes interleaved spiral arms, each turning 1.25 times
// around the origin out to radius 1; class k's arm starts at angle
// 2πk/classes. Spirals need deeper or wider networks than moons do.
func Spirals(n, classes int, noise float64, seed int64) *Dataset {
	classes = max(classes, 2)
	r := newRNG(seed)
	d := newClassification("spirals", classes)
	for i := 0; i < n; i++ {
		k := i % classes
		t := frac(i/classes, (n+classes-1-k)/classes)
		radius := 0.05 + 0.95*t
		theta := 2*math.Pi*float64(k)/float64(classes) + 2.5*math.Pi*t
		d.add2(r, noise, radius*math.Cos(theta), radius*math.Sin(theta), int32(k))
	}
	return d.shuffled(r)
}

// XOR is points uniform in the square [-1, 1]²; the label is 1 when x and
// y have different signs (the noise is added after labelling, so noisy
// points may cross the axes).
func XOR(n int, noise float64, seed int64) *Dataset {
	r := newRNG(seed)
	d := newClassification("xor", 2)
	for i := 0; i < n; i++ {
		x, y := r.uniform(-1, 1), r.uniform(-1, 1)
		label := int32(0)
		if (x > 0) != (y > 0) {
			label = 1
		}
		d.add2(r, noise, x, y, label)
	}
	return d.shuffled(r)
}

// Blobs is classes Gaussian clusters of standard deviation std, centred
// evenly on a circle of radius 3 (class k at angle 2πk/classes). std ≤ 0 is
// taken as 1.
func Blobs(n, classes int, std float64, seed int64) *Dataset {
	classes = max(classes, 2)
	if std <= 0 {
		std = 1
	}
	r := newRNG(seed)
	d := newClassification("blobs", classes)
	for i := 0; i < n; i++ {
		k := i % classes
		a := 2 * math.Pi * float64(k) / float64(classes)
		d.add2(r, std, 3*math.Cos(a), 3*math.Sin(a), int32(k))
	}
	return d.shuffled(r)
}

func newClassification(name string, classes int) *Dataset {
	return &Dataset{Name: name, Task: Classification, NumFeatures: 2, NumClasses: classes,
		ClassNames: classNames(classes), X: []float32{}, Labels: []int32{}}
}

// add2 appends the point (x, y) plus noise with the given label.
func (d *Dataset) add2(r *rng, noise, x, y float64, label int32) {
	if noise != 0 {
		x += noise * r.normal()
		y += noise * r.normal()
	}
	d.X = append(d.X, float32(x), float32(y))
	d.Labels = append(d.Labels, label)
}

// shuffled returns d with its rows in a random order.
func (d *Dataset) shuffled(r *rng) *Dataset {
	return d.subset(r.perm(d.Len()))
}

// frac is i/(n-1), spreading n points over [0, 1] (0 when n is 1).
func frac(i, n int) float64 {
	if n <= 1 {
		return 0
	}
	return float64(i) / float64(n-1)
}
