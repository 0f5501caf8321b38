package datasets

import "math"

// Scaler standardises features: each feature j becomes (x − Mean[j]) /
// Std[j]. A constant feature (standard deviation 0) gets Std 1, so it
// becomes 0 rather than NaN.
type Scaler struct {
	Mean, Std []float64
}

// FitScaler measures the mean and standard deviation of each feature of d.
// A nil d gives the zero Scaler, which has no features.
func FitScaler(d *Dataset) Scaler {
	if d == nil {
		return Scaler{}
	}
	f, n := d.NumFeatures, d.Len()
	s := Scaler{Mean: make([]float64, f), Std: make([]float64, f)}
	if n == 0 {
		for j := range s.Std {
			s.Std[j] = 1
		}
		return s
	}
	for i := 0; i < n; i++ {
		for j, v := range d.Row(i) {
			s.Mean[j] += float64(v)
		}
	}
	for j := range s.Mean {
		s.Mean[j] /= float64(n)
	}
	for i := 0; i < n; i++ {
		for j, v := range d.Row(i) {
			dv := float64(v) - s.Mean[j]
			s.Std[j] += dv * dv
		}
	}
	for j := range s.Std {
		s.Std[j] = math.Sqrt(s.Std[j] / float64(n))
		if s.Std[j] == 0 || math.IsNaN(s.Std[j]) {
			s.Std[j] = 1
		}
	}
	return s
}

// Apply returns a copy of d with standardised features; labels and targets
// are shared with d, not copied.
func (s Scaler) Apply(d *Dataset) *Dataset {
	if d == nil {
		return nil
	}
	out := *d
	out.X = make([]float32, len(d.X))
	f := d.NumFeatures
	for i, v := range d.X {
		j := i % f
		out.X[i] = float32((float64(v) - s.Mean[j]) / s.Std[j])
	}
	return &out
}

// Normalize standardises all three parts of s with a Scaler fitted on the
// training part only, so nothing about the validation or test rows leaks
// into training. s itself is not modified.
func Normalize(s Split) Split {
	if s.Train == nil {
		return s
	}
	sc := FitScaler(s.Train)
	return Split{Train: sc.Apply(s.Train), Validation: sc.Apply(s.Validation), Test: sc.Apply(s.Test)}
}
