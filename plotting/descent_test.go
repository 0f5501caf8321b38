package plotting

import (
	"math"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/surface"
)

// descentFixture is a small bowl with a good and an oscillating path.
func descentFixture(t *testing.T) (surface.Grid, []surface.Path) {
	t.Helper()
	bowl, err := surface.Bowl(1, 10, math.Pi/6)
	if err != nil {
		t.Fatal(err)
	}
	g, err := surface.Sample(bowl, 0, 0, 4.5, 5)
	if err != nil {
		t.Fatal(err)
	}
	var paths []surface.Path
	for _, lr := range []float64{0.1, 0.18} {
		p, err := surface.Descend(bowl, surface.Point{X: -4.2, Y: -0.7}, lr, 30)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return g, paths
}

func TestDescentGolden(t *testing.T) {
	c := descentChart(t)
	optionGolden(t, "descent", c)
}

func TestDescentInfo(t *testing.T) {
	g, paths := descentFixture(t)
	d, err := DescentInfo(g, paths, DescentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Paths) != 2 || d.Paths[0].Regime != surface.Good || d.Paths[1].Regime != surface.Oscillating {
		t.Fatalf("paths %+v, want a good and an oscillating one", d.Paths)
	}
	if d.Paths[1].Label != "lr 0.18: oscillating" || d.Paths[1].Reversals != 29 {
		t.Errorf("second path %q with %d reversals, want %q with 29", d.Paths[1].Label, d.Paths[1].Reversals, "lr 0.18: oscillating")
	}
	// The colour scale spans 4 decades below the largest loss, and the
	// minimum (exactly 0 at the grid's centre) sits on its floor.
	if d.Hi-d.Lo != descentFloor || d.Log10[2][2] != d.Lo {
		t.Errorf("scale %g..%g, centre %g; want 4 decades with the centre on the floor", d.Lo, d.Hi, d.Log10[2][2])
	}
}

// The plot is square in pixels: the plane is drawn at 1:1.
func TestDescentIsSquare(t *testing.T) {
	c := descentChart(t)
	grids, _ := c.Option["grid"].([]any)
	if len(grids) != 2 {
		t.Fatalf("%d grids, want 2 (cells and paths)", len(grids))
	}
	for _, gr := range grids {
		m := gr.(map[string]any)
		if m["width"] == nil || m["width"] != m["height"] {
			t.Errorf("grid %v is not a fixed square", m)
		}
	}
}

func TestDescentRejectsBadGrids(t *testing.T) {
	_, paths := descentFixture(t)
	for name, g := range map[string]surface.Grid{
		"rows":       {Xs: []float64{0, 1}, Ys: []float64{0, 1}, Loss: [][]float64{{1, 2}}},
		"not square": {Xs: []float64{0, 1}, Ys: []float64{0, 2}, Loss: [][]float64{{1, 2}, {3, 4}}},
		"ragged":     {Xs: []float64{0, 1}, Ys: []float64{0, 1}, Loss: [][]float64{{1, 2}, {3}}},
	} {
		if _, err := Descent(g, paths, DescentOptions{}); err == nil || !strings.Contains(err.Error(), "surface grid") {
			t.Errorf("%s: error %v, want one about the surface grid", name, err)
		}
	}
	c, err := Descent(surface.Grid{}, nil, DescentOptions{})
	if err != nil || c.Series() != nil && len(c.Series()) != 0 {
		t.Errorf("an empty grid: %v, %v; want an empty chart with a notice", c.Series(), err)
	}
}

// The colour scale colours the surface only; the paths keep their colours.
func TestDescentVisualMapIsTheSurfaces(t *testing.T) {
	c := descentChart(t)
	maps, _ := c.Option["visualMap"].([]any)
	if len(maps) != 1 || maps[0].(map[string]any)["seriesIndex"] != 0 {
		t.Errorf("visualMap %v, want one limited to series 0", c.Option["visualMap"])
	}
}

// descentChart draws the fixture's descent with the default options.
func descentChart(t *testing.T) *Chart {
	t.Helper()
	g, paths := descentFixture(t)
	c, err := Descent(g, paths, DescentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
