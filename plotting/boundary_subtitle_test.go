package plotting

import "testing"

// TestBoundarySubtitleGolden pins the subtitle line ShowBoundaries writes
// under each boundary (the run's final losses), with the legend and plots
// moved down for it.
func TestBoundarySubtitleGolden(t *testing.T) {
	grid := Grid{Xs: []float64{-1, 0, 1}, Ys: []float64{-1, 1}, Class: []int{0, 0, 1, 0, 1, 1}}
	c, err := Boundary(grid, []Point{{-0.9, -0.8, 0}, {0.8, 0.9, 1}}, BoundaryOptions{Title: "lr=0.1", Subtitle: "train loss 0.31 · val loss 0.35"})
	if err != nil {
		t.Fatal(err)
	}
	optionGolden(t, "boundary_subtitle", c)
}
