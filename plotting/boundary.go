package plotting

import (
	"fmt"
	"math"
	"strconv"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
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
	Subtitle   string   // a line under the title, such as the run's final losses
	ClassNames []string // default "class 0", "class 1", ...
}

// BoundaryData is what Boundary draws.
type BoundaryData struct {
	Title      string
	Subtitle   string
	Grid       Grid
	ClassNames []string
	Points     [][]Point // by class
	Notice     string
}

// BoundaryInfo checks the grid and groups the points by class. A grid whose
// Class does not hold one class per cell is an error.
func BoundaryInfo(g Grid, points []Point, opts BoundaryOptions) (BoundaryData, error) {
	d := BoundaryData{Title: opts.Title, Subtitle: opts.Subtitle, Grid: g}
	if d.Title == "" {
		d.Title = i18n.T("Decision boundary")
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
		d.Notice = i18n.T("No grid and no points to draw.")
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
	return drawn(BoundaryInfo(g, points, opts))
}

// Chart draws d. The cells are a heatmap on category axes and the points a
// scatter on value axes; both grids cover the same box, and the value axes
// span the cells' edges, so points sit where they belong. One piecewise
// visual map colours cells and points alike by class, the last column of
// their data.
func (d BoundaryData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d BoundaryData) draw() *Chart {
	g := d.Grid
	xcats, ycats := make([]string, len(g.Xs)), make([]string, len(g.Ys))
	for i, x := range g.Xs {
		xcats[i] = strconv.FormatFloat(x, 'g', 4, 64)
	}
	for j, y := range g.Ys {
		ycats[j] = strconv.FormatFloat(y, 'g', 4, 64)
	}
	box := opts.Grid{Top: "70", Left: "60", Right: "40", Bottom: "50"}
	w, h, square := planeBox(g)
	if square { // a box of fixed size, centred, whose sides keep the units equal
		box = opts.Grid{Top: "70", Left: "center", Width: strconv.Itoa(w), Height: strconv.Itoa(h)}
	}
	var under []charts.GlobalOpts
	if d.Subtitle != "" { // the legend and the plots move down to make room for it
		box.Top = "84"
		under = append(under, charts.WithTitleOpts(opts.Title{Title: d.Title, Subtitle: d.Subtitle, Left: "10"}),
			charts.WithLegendOpts(opts.Legend{Type: "plain", Top: "48"}))
	}
	hidden := &opts.SplitLine{Show: opts.Bool(false)}
	pieces := make([]opts.Piece, len(d.ClassNames))
	for k := range d.ClassNames {
		pieces[k] = opts.Piece{Gte: float32(k) - 0.5, Lt: float32(k) + 0.5, Color: colour(k)}
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(append(append(frame(d.Title, box, box), under...), itemTrigger,
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: xcats, Show: opts.Bool(false)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: ycats, Show: opts.Bool(false)}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "piecewise", Pieces: pieces, Show: opts.Bool(false)}))...)
	hm.ExtendXAxis(opts.XAxis{Type: "value", GridIndex: 1, Min: edge(g.Xs, false), Max: edge(g.Xs, true), SplitLine: hidden})
	hm.ExtendYAxis(opts.YAxis{Type: "value", GridIndex: 1, Min: edge(g.Ys, false), Max: edge(g.Ys, true), SplitLine: hidden})
	if len(g.Class) > 0 {
		var cells []opts.HeatMapData
		for j := range g.Ys {
			for i := range g.Xs {
				cells = append(cells, opts.HeatMapData{Value: []any{i, j, g.Class[j*len(g.Xs)+i]}})
			}
		}
		hm.AddSeries(i18n.T("predicted class"), cells, charts.WithItemStyleOpts(opts.ItemStyle{Opacity: opts.Float(0.35)}))
	}
	s := charts.NewScatter()
	for k, pts := range d.Points {
		data := make([]opts.ScatterData, len(pts))
		for i, p := range pts {
			data[i] = opts.ScatterData{Value: []any{num(p.X), num(p.Y), k}}
		}
		s.AddSeries(d.ClassNames[k], data, withColor(colour(k)),
			charts.WithScatterChartOpts(opts.ScatterChart{XAxisIndex: 1, YAxisIndex: 1, SymbolSize: 6}),
			charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#222", BorderWidth: 0.6}))
	}
	hm.Overlap(s)
	c := FromECharts(hm).extend(drawAtOnce)
	if square {
		top, _ := strconv.Atoi(box.Top)
		// 45 px each side for the y labels and the toolbox: three planes
		// fit side by side in a notebook's 920 px.
		c.Width, c.Height = strconv.Itoa(planeSide+90)+"px", strconv.Itoa(top+h+36)+"px"
	}
	if len(g.Class) > 0 {
		c.extend(bareRows)
	}
	return c
}

// planeSide is the longer side, in pixels, of a decision plane's box.
const planeSide = 210

// planeBox returns the width and height in pixels of the box that draws the
// plane of g with equal units on both axes (a circle stays round), its
// longer side planeSide, and whether g has an extent to size it by. The
// chart's image keeps the same aspect (the grid's width and height).
func planeBox(g Grid) (w, h int, ok bool) {
	if len(g.Xs) == 0 || len(g.Ys) == 0 {
		return 0, 0, false
	}
	xr := rawEdge(g.Xs, true).(float64) - rawEdge(g.Xs, false).(float64)
	yr := rawEdge(g.Ys, true).(float64) - rawEdge(g.Ys, false).(float64)
	// Past 4:1 a plane with equal units would be a sliver: the box then
	// fills the chart as any other.
	if !history.Finite(xr) || !history.Finite(yr) || xr <= 0 || yr <= 0 || xr > 4*yr || yr > 4*xr {
		return 0, 0, false
	}
	if xr >= yr {
		return planeSide, int(math.Round(planeSide * yr / xr)), true
	}
	return int(math.Round(planeSide * xr / yr)), planeSide, true
}

// bareRows writes the cells of the heatmap (series 0) as bare [x, y, class]
// rows instead of go-echarts' {"value": [x, y, class]} objects: ECharts
// reads both, and a fine grid's thousands of cells take a third of the
// bytes in the saved notebook.
func bareRows(o map[string]any) {
	s := seriesAt(o, 0)
	rows := list(s["data"])
	for i, it := range rows {
		if m, ok := it.(map[string]any); ok {
			rows[i] = m["value"]
		}
	}
}

// edge returns the outer edge of the first (or last) cell of evenly spaced
// centres xs, rounded (see tidy): ECharts labels the ends of an axis with
// their exact values, and -2.77 reads better than -2.7699841220500105.
func edge(xs []float64, last bool) any {
	e := rawEdge(xs, last)
	if e == nil {
		return nil
	}
	return tidy(e.(float64), rawEdge(xs, true).(float64)-rawEdge(xs, false).(float64))
}

// tidy rounds v to a thousandth of the power of ten at or below span (span
// 5.5: 3 decimals), so that it moves by at most a 2000th of span: the value
// axes then still match the cells to under a pixel.
func tidy(v, span float64) float64 {
	if !history.Finite(v) || !history.Finite(span) || span <= 0 {
		return v
	}
	decimals := max(0, 3-int(math.Floor(math.Log10(span))))
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', decimals, 64), 64)
	return r
}

// rawEdge is edge unrounded.
func rawEdge(xs []float64, last bool) any {
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
