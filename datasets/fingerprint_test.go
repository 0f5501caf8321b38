package datasets

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// The golden file pins the fingerprints of the built-in sets: the run
// store keys runs by them, so a change would orphan every stored run.
func TestFingerprintGolden(t *testing.T) {
	var b strings.Builder
	for _, name := range []string{"moons", "circles", "spirals", "xor", "blobs", "sine", "poly"} {
		s, err := Load(name, Options{Size: 200, Noise: 0.1, Seed: 3, Normalize: true})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s train=%s split=%s\n", name, s.Train.Fingerprint(), s.Fingerprint())
	}
	testutil.Golden(t, "fingerprint", b.String())
}

func TestFingerprintTellsDataApart(t *testing.T) {
	base := Moons(300, 0.1, 1)
	fp := base.Fingerprint()
	if len(fp) != FingerprintLen {
		t.Fatalf("Fingerprint() = %q, want %d hex digits", fp, FingerprintLen)
	}
	if again := Moons(300, 0.1, 1).Fingerprint(); again != fp {
		t.Errorf("the same generator and seed gave %s then %s", fp, again)
	}
	changed := map[string]*Dataset{
		"circles":      Circles(300, 0.1, 1),
		"other seed":   Moons(300, 0.1, 2),
		"other noise":  Moons(300, 0.2, 1),
		"fewer rows":   Moons(299, 0.1, 1),
		"renamed":      withName(Moons(300, 0.1, 1), "moons2"),
		"one feature":  edit(Moons(300, 0.1, 1), func(d *Dataset) { d.X[123] += 1e-6 }),
		"one label":    edit(Moons(300, 0.1, 1), func(d *Dataset) { d.Labels[7] = 1 - d.Labels[7] }),
		"class names":  edit(Moons(300, 0.1, 1), func(d *Dataset) { d.ClassNames = []string{"a", "b"} }),
		"as one float": edit(Moons(300, 0.1, 1), func(d *Dataset) { d.NumFeatures = 1 }),
	}
	for what, d := range changed {
		if got := d.Fingerprint(); got == fp {
			t.Errorf("%s: fingerprint %s equals the original's", what, got)
		}
	}
}

// Above FingerprintFullBytes rows are sampled; every label still counts,
// and so do the first and the last row.
func TestFingerprintLargeSet(t *testing.T) {
	const rows, features = 20000, 100 // 8 MB of features
	d := &Dataset{Name: "big", Task: Classification, NumFeatures: features, NumClasses: 2,
		X: make([]float32, rows*features), Labels: make([]int32, rows)}
	for i := range d.X {
		d.X[i] = float32(i%97) / 97
	}
	fp := d.Fingerprint()
	for _, c := range []struct {
		what string
		f    func(*Dataset)
	}{
		{"first row", func(d *Dataset) { d.X[0]++ }},
		{"last row", func(d *Dataset) { d.X[len(d.X)-1]++ }},
		{"a label", func(d *Dataset) { d.Labels[rows/2+1] = 1 }},
		{"every row", func(d *Dataset) {
			for i := range d.X {
				d.X[i] *= 2
			}
		}},
	} {
		e := *d
		e.X, e.Labels = append([]float32(nil), d.X...), append([]int32(nil), d.Labels...)
		c.f(&e)
		if e.Fingerprint() == fp {
			t.Errorf("changing %s of a large set kept its fingerprint", c.what)
		}
	}
}

func TestSplitFingerprint(t *testing.T) {
	d := Moons(300, 0.1, 1)
	a, err := SplitFractions(d, 0.2, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := SplitFractions(d, 0.2, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	c, err := SplitFractions(d, 0.3, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if a.Fingerprint() == b.Fingerprint() || a.Fingerprint() == c.Fingerprint() {
		t.Errorf("splits cut differently share a fingerprint: %s %s %s", a.Fingerprint(), b.Fingerprint(), c.Fingerprint())
	}
	if a.Fingerprint() == a.Train.Fingerprint() {
		t.Errorf("a split's fingerprint equals its training part's")
	}
	if (Split{}).Fingerprint() == a.Fingerprint() {
		t.Errorf("an empty split shares a fingerprint with a real one")
	}
}

func withName(d *Dataset, name string) *Dataset { d.Name = name; return d }

func edit(d *Dataset, f func(*Dataset)) *Dataset { f(d); return d }

// BenchmarkFingerprintMNISTSize measures Fingerprint on a set of MNIST's
// training size (60000×784 float32, 188 MB), which it samples.
func BenchmarkFingerprintMNISTSize(b *testing.B) {
	d := &Dataset{Name: "mnist", Task: Classification, NumFeatures: 784, NumClasses: 10,
		X: make([]float32, 60000*784), Labels: make([]int32, 60000)}
	for i := range d.X {
		d.X[i] = float32(i%255) / 255
	}
	b.SetBytes(int64(len(d.X) * 4))
	for b.Loop() {
		d.Fingerprint()
	}
}
