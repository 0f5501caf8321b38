package plotting

import (
	"fmt"
	"strconv"
)

// Grid is the predicted class over a grid of the plane: Class[j*len(Xs)+i]
// is the class predicted at (Xs[i], Ys[j]). Xs and Ys are evenly spaced and
// increasing; training computes them, plotting only draws them.
type Grid struct {
	Xs, Ys []float64
	Class  []int
}

// Point is a data point of a 2-D classification set.
type Point struct {
	X, Y  float64
	Class int
}

// BoundaryOptions tunes Boundary.
type BoundaryOptions struct {
	Title      string   // default "Decision boundary"
	ClassNames []string // default "class 0", "class 1", ...
}

// BoundaryData is what Boundary draws.
type BoundaryData struct {
	Title      string
	Grid       Grid
	ClassNames []string
	Points     [][]Point // by class
	Notice     string
}

// BoundaryInfo checks the grid and groups the points by class. A grid whose
// Class does not hold one class per cell is an error.
func BoundaryInfo(g Grid, points []Point, opts BoundaryOptions) (BoundaryData, error) {
	d := BoundaryData{Title: opts.Title, Grid: g}
	if d.Title == "" {
		d.Title = "Decision boundary"
	}
	if len(g.Class) != len(g.Xs)*len(g.Ys) {
		return d, fmt.Errorf("plotting: the grid has %d×%d cells but %d classes; give one class per cell",
			len(g.Xs), len(g.Ys), len(g.Class))
	}
	classes := 0
	for _, c := range g.Class {
		classes = max(classes, c+1)
	}
	for _, p := range points {
		classes = max(classes, p.Class+1)
	}
	for _, c := range append(append([]int{}, g.Class...), classOf(points)...) {
		if c < 0 {
			return d, fmt.Errorf("plotting: class %d is negative; classes count from 0", c)
		}
	}
	classes = max(classes, len(opts.ClassNames))
	for i := range classes {
		name := "class " + strconv.Itoa(i)
		if i < len(opts.ClassNames) {
			name = opts.ClassNames[i]
		}
		d.ClassNames = append(d.ClassNames, name)
	}
	d.Points = make([][]Point, classes)
	for _, p := range points {
		d.Points[p.Class] = append(d.Points[p.Class], p)
	}
	if len(g.Class) == 0 && len(points) == 0 {
		d.Notice = "No grid and no points to draw."
	}
	return d, nil
}

func classOf(points []Point) []int {
	out := make([]int, len(points))
	for i, p := range points {
		out[i] = p.Class
	}
	return out
}

// Boundary draws the predicted class over the plane as coloured cells and
// the data points on top, coloured by their true class.
func Boundary(g Grid, points []Point, opts BoundaryOptions) (*Chart, error) {
	d, err := BoundaryInfo(g, points, opts)
	if err != nil {
		return nil, err
	}
	return d.Chart(), nil
}

// Chart draws d. The cells are a heatmap on category axes and the points a
// scatter on value axes; both grids cover the same box, and the value axes
// span the cells' edges, so points sit where they belong.
func (d BoundaryData) Chart() *Chart {
	if d.Notice != "" {
		return empty(d.Title, d.Notice)
	}
	c := newChart(d.Title)
	box := obj{"top": 70, "left": 60, "right": 40, "bottom": 50}
	c.Option["grid"] = []obj{box, box}
	g := d.Grid
	xcats, ycats := make([]string, len(g.Xs)), make([]string, len(g.Ys))
	for i, x := range g.Xs {
		xcats[i] = strconv.FormatFloat(x, 'g', 4, 64)
	}
	for j, y := range g.Ys {
		ycats[j] = strconv.FormatFloat(y, 'g', 4, 64)
	}
	hidden := obj{"show": false}
	c.Option["xAxis"] = []obj{
		{"type": "category", "gridIndex": 0, "data": xcats, "show": false},
		{"type": "value", "gridIndex": 1, "min": edge(g.Xs, false), "max": edge(g.Xs, true), "splitLine": hidden},
	}
	c.Option["yAxis"] = []obj{
		{"type": "category", "gridIndex": 0, "data": ycats, "show": false},
		{"type": "value", "gridIndex": 1, "min": edge(g.Ys, false), "max": edge(g.Ys, true), "splitLine": hidden},
	}
	var cells []any
	for j := range g.Ys {
		for i := range g.Xs {
			cells = append(cells, []any{i, j, g.Class[j*len(g.Xs)+i]})
		}
	}
	var list []obj
	if len(cells) > 0 {
		h := series("predicted class", "heatmap", cells)
		h["xAxisIndex"], h["yAxisIndex"] = 0, 0
		h["itemStyle"] = obj{"opacity": 0.35}
		h["emphasis"] = obj{"disabled": true}
		list = append(list, h)
		pieces := make([]obj, len(d.ClassNames))
		for k, name := range d.ClassNames {
			pieces[k] = obj{"value": k, "label": name, "color": colour(k)}
		}
		c.Option["visualMap"] = obj{"type": "piecewise", "seriesIndex": 0, "pieces": pieces, "show": false}
	}
	for k, pts := range d.Points {
		data := make([]any, len(pts))
		for i, p := range pts {
			data[i] = []any{num(p.X), num(p.Y)}
		}
		s := series(d.ClassNames[k], "scatter", data)
		s["xAxisIndex"], s["yAxisIndex"] = 1, 1
		s["symbolSize"] = 6
		s["color"] = colour(k)
		s["itemStyle"] = obj{"borderColor": "#222", "borderWidth": 0.6}
		list = append(list, s)
	}
	c.Option["series"] = list
	c.Option["tooltip"] = obj{"trigger": "item"}
	return c
}

// edge returns the outer edge of the first (or last) cell of evenly spaced
// centres xs.
func edge(xs []float64, last bool) any {
	switch len(xs) {
	case 0:
		return nil
	case 1:
		if last {
			return xs[0] + 0.5
		}
		return xs[0] - 0.5
	}
	half := (xs[len(xs)-1] - xs[0]) / float64(len(xs)-1) / 2
	if last {
		return xs[len(xs)-1] + half
	}
	return xs[0] - half
}
