package datasets

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// A numeric last column with many distinct values is refused as classes,
// with a sentence suggesting regression; read as regression it loads.
func TestCSVTooManyClassesSuggestsRegression(t *testing.T) {
	reg := testutil.RegressionCSV(300)
	_, err := ReadCSV(strings.NewReader(reg), CSVOptions{Name: "reg.csv"})
	if err == nil || !strings.Contains(err.Error(), "regression") || !strings.Contains(err.Error(), "300 distinct numbers") {
		t.Fatalf("err = %v; want a refusal suggesting regression", err)
	}
	d, err := ReadCSV(strings.NewReader(reg), CSVOptions{Name: "reg.csv", Regression: true})
	if err != nil || d.Task != Regression {
		t.Fatalf("as regression: %v, %v", d, err)
	}
	// Few classes with many rows each still load as classes.
	var b strings.Builder
	b.WriteString("x,y\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "%d,%d\n", i, i%3)
	}
	if d, err := ReadCSV(strings.NewReader(b.String()), CSVOptions{}); err != nil || d.NumClasses != 3 {
		t.Fatalf("3 classes: %v, %v", d, err)
	}
}

// Infinite noise and a size above MaxRows are refused before any data is
// made, the noise named as the culprit.
func TestLoadRefusesInfiniteNoiseAndHugeSize(t *testing.T) {
	for _, noise := range []float64{math.Inf(1), math.Inf(-1)} {
		_, err := Load("moons", Options{Noise: noise})
		if err == nil || !strings.Contains(err.Error(), "noise") || !strings.Contains(err.Error(), "finite") {
			t.Errorf("noise=%g: %v", noise, err)
		}
	}
	if _, err := Load("moons", Options{Size: MaxRows + 1}); err == nil || !strings.Contains(err.Error(), "--allow-large") {
		t.Errorf("size above MaxRows: %v", err)
	}
}
