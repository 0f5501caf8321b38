package lab

import (
	"math"
	"reflect"
	"testing"

	"github.com/hyperlab-go/hyperlab/surface"
)

// The four regimes of the surface package's example, tabulated: the rate
// times the curvature brackets them (1 and 2 on a quadratic).
func TestDescentTable(t *testing.T) {
	bowl, err := surface.Bowl(1, 10, math.Pi/6)
	if err != nil {
		t.Fatal(err)
	}
	paths, tab, err := Descent(bowl, surface.Point{X: -4.2, Y: -0.7}, 30, 0.01, 0.1, 0.18, 0.21)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 4 || len(tab.Rows) != 4 {
		t.Fatalf("%d paths, %d rows; want 4", len(paths), len(tab.Rows))
	}
	var regimes, scaled, reversed []string
	for _, row := range tab.Rows {
		scaled, regimes, reversed = append(scaled, row[1]), append(regimes, row[2]), append(reversed, row[3])
	}
	if want := []string{"too small", "good", "oscillating", "diverging"}; !reflect.DeepEqual(regimes, want) {
		t.Errorf("regimes %v, want %v", regimes, want)
	}
	if want := []string{"0.1", "1", "1.8", "2.1"}; !reflect.DeepEqual(scaled, want) {
		t.Errorf("rate × curvature %v, want %v", scaled, want)
	}
	if want := []string{"0 of 29", "0 of 29", "29 of 29", "29 of 29"}; !reflect.DeepEqual(reversed, want) {
		t.Errorf("reversals %v, want %v", reversed, want)
	}
	if _, _, err := Descent(bowl, surface.Point{}, 0, 0.1); err == nil {
		t.Error("zero steps: no error")
	}
}
