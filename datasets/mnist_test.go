package datasets

import (
	"strings"
	"testing"
)

func TestMNIST(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes 55 MB of MNIST; skipped with -short")
	}
	train, test, err := MNIST(MNISTOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		d    *Dataset
		rows int
	}{{train, 60000}, {test, 10000}} {
		if err := c.d.Validate(); err != nil {
			t.Fatal(err)
		}
		if c.d.Len() != c.rows || c.d.NumFeatures != 784 || c.d.NumClasses != 10 {
			t.Fatalf("%d rows × %d features, %d classes; want %d × 784, 10", c.d.Len(), c.d.NumFeatures, c.d.NumClasses, c.rows)
		}
		counts := make([]int, 10)
		for _, l := range c.d.Labels {
			counts[l]++
		}
		for digit, n := range counts {
			if n < c.rows/20 {
				t.Errorf("digit %d has only %d images", digit, n)
			}
		}
		lo, hi := float32(1), float32(0)
		for _, v := range c.d.X {
			lo, hi = min(lo, v), max(hi, v)
		}
		if lo != 0 || hi != 1 {
			t.Errorf("pixels in [%v, %v], want [0, 1]", lo, hi)
		}
	}
	// The first training image is a 5 (a known fact of the file).
	if train.Labels[0] != 5 || test.Labels[0] != 7 {
		t.Errorf("first labels %d, %d; want 5 (train) and 7 (test)", train.Labels[0], test.Labels[0])
	}
}

func TestMNISTLimit(t *testing.T) {
	train, test, err := MNIST(MNISTOptions{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if train.Len() != 100 || test.Len() != 100 || train.Labels[0] != 5 {
		t.Fatalf("got %d/%d rows", train.Len(), test.Len())
	}
	s, err := Load("mnist", Options{MNIST: MNISTOptions{Limit: 500}, Validation: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	if s.Train.Len() != 400 || s.Validation.Len() != 100 || s.Test.Len() != 500 {
		t.Fatalf("split %d/%d/%d, want 400/100/500", s.Train.Len(), s.Validation.Len(), s.Test.Len())
	}
}

func TestMNISTDirOverride(t *testing.T) {
	dir, err := mnistDir("")
	if err != nil {
		t.Skip("no GoMNIST module here: ", err)
	}
	// The env variable may name the data folder or the module folder.
	for _, d := range []string{dir, strings.TrimSuffix(dir, "/data")} {
		t.Setenv(MNISTDirEnv, d)
		if _, _, err := MNIST(MNISTOptions{Limit: 10}); err != nil {
			t.Errorf("%s=%s: %v", MNISTDirEnv, d, err)
		}
	}
}
