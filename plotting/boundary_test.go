package plotting

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestBoundaryInfo(t *testing.T) {
	_, err := BoundaryInfo(Grid{Xs: []float64{0, 1}, Ys: []float64{0}, Class: []int{1}}, nil, BoundaryOptions{})
	if err == nil || !strings.Contains(err.Error(), "2×1 cells but 1 classes") {
		t.Errorf("a short grid gives %v", err)
	}
	if _, err := BoundaryInfo(Grid{}, []Point{{0, 0, -1}}, BoundaryOptions{}); err == nil {
		t.Error("a negative class is accepted")
	}
	d, err := BoundaryInfo(Grid{Xs: []float64{0, 1}, Ys: []float64{0}, Class: []int{0, 2}},
		[]Point{{0, 0, 1}}, BoundaryOptions{ClassNames: []string{"a"}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.ClassNames, []string{"a", "class 1", "class 2"}) || len(d.Points[1]) != 1 {
		t.Errorf("BoundaryInfo = %+v", d)
	}
	// The value axes span the cells' outer edges, so points line up with cells.
	o := d.Chart().Option
	if lo, hi := at(o, "xAxis", 1, "min"), at(o, "xAxis", 1, "max"); lo != -0.5 || hi != 1.5 {
		t.Errorf("point axis spans %v..%v, want -0.5..1.5", lo, hi)
	}
}

// The ends of the value axes, which ECharts labels with their exact value,
// are rounded to a 2000th of the span at most; the heatmap is drawn at once.
func TestBoundaryAxisEnds(t *testing.T) {
	xs := make([]float64, 50)
	for i := range xs {
		xs[i] = -2.7199841220500105 + float64(i)*0.10599968448 // as training's grid: unround
	}
	ys := []float64{0.0123456789, 0.0223456789, 0.0323456789}
	d, err := BoundaryInfo(Grid{Xs: xs, Ys: ys, Class: make([]int, len(xs)*len(ys))}, nil, BoundaryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := d.Chart().Option
	half := 0.10599968448 / 2
	for _, tc := range []struct {
		axis, end   string
		exact, span float64
	}{
		{"xAxis", "min", xs[0] - half, 5.3},
		{"xAxis", "max", xs[49] + half, 5.3},
		{"yAxis", "min", 0.0073456789, 0.03},
		{"yAxis", "max", 0.0373456789, 0.03},
	} {
		got, _ := at(o, tc.axis, 1, tc.end).(float64)
		if math.Abs(got-tc.exact) > tc.span/2000 {
			t.Errorf("%s %s = %v, want within %v of %v", tc.axis, tc.end, got, tc.span/2000, tc.exact)
		}
		if s := strconv.FormatFloat(got, 'g', -1, 64); len(s) > 7 {
			t.Errorf("%s %s = %s, want at most 4 significant digits", tc.axis, tc.end, s)
		}
	}
	if s := seriesAt(o, 0); s["type"] != "heatmap" || s["progressive"] != 0.0 && s["progressive"] != 0 {
		t.Errorf("the cells' series is %v with progressive %v, want a heatmap drawn at once (0)", s["type"], s["progressive"])
	}
}

// A decision plane keeps equal units on both axes: its box's sides in
// pixels are in the ratio of the axes' spans, and a plane too thin for
// that fills the chart instead.
func TestBoundaryEqualUnits(t *testing.T) {
	xs := []float64{-2.5, -1.5, -0.5, 0.5, 1.5, 2.5} // edges -3…3: span 6
	ys := []float64{-2, -1, 0, 1, 2}                 // edges -2.5…2.5: span 5
	d, err := BoundaryInfo(Grid{Xs: xs, Ys: ys, Class: make([]int, 30)}, nil, BoundaryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := d.Chart()
	g, _ := list(c.Option["grid"])[1].(map[string]any)
	w, _ := strconv.ParseFloat(g["width"].(string), 64)
	h, _ := strconv.ParseFloat(g["height"].(string), 64)
	if w != planeSide || math.Abs(w/h-6.0/5) > 0.01 {
		t.Errorf("the plane's box is %v×%v px, want %d wide and 6:5", w, h, planeSide)
	}
	if c.Width == "" || c.Height == "" {
		t.Errorf("the chart's box is %q×%q, want a fixed size that holds the plane", c.Width, c.Height)
	}
	if _, _, ok := planeBox(Grid{Xs: xs, Ys: []float64{0, 0.1}}); ok {
		t.Error("a plane 30 times wider than high was given equal units")
	}
}
