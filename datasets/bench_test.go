package datasets

import "testing"

func BenchmarkMoons(b *testing.B) {
	for b.Loop() {
		Moons(1000, 0.1, 1)
	}
}

func BenchmarkSplitNormalize(b *testing.B) {
	d := Blobs(10000, 3, 1, 1)
	for b.Loop() {
		s, err := SplitFractions(d, 0.2, 0.1, 1)
		if err != nil {
			b.Fatal(err)
		}
		Normalize(s)
	}
}
