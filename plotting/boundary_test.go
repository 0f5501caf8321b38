package plotting

import (
	"reflect"
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
