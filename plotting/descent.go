package plotting

import (
	"fmt"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/hyperlab-go/hyperlab/surface"
)

// DescentOptions tunes Descent.
type DescentOptions struct {
	Title string // default "Gradient descent on a loss surface"
	// Rule names each path's regime in its label; the zero Rule means
	// surface.DefaultRule.
	Rule surface.Rule
}

// DescentPath is one path as Descent draws it: its label (learning rate,
// regime, reversals) and its points.
type DescentPath struct {
	Label     string
	Regime    surface.Regime
	Reversals int
	Points    []surface.Point
}

// DescentData is what Descent draws: the surface's log10 loss on a square
// grid (Log10[j][i] at Xs[i], Ys[j]) and the paths over it.
type DescentData struct {
	Title  string
	Xs, Ys []float64
	Log10  [][]float64
	Lo, Hi float64 // the colour scale's range of Log10
	Paths  []DescentPath
	Notice string
}

// descentFloor is how far below the largest loss of the grid the colour
// scale reaches (a factor of 10⁴): a bowl's minimum is exactly 0, whose
// logarithm would stretch the scale without end.
const descentFloor = 4

// DescentInfo collects the data of a descent chart. The grid must be
// square (surface.Sample makes one), so that the chart, drawn at 1:1,
// shows angles as they are.
func DescentInfo(g surface.Grid, paths []surface.Path, o DescentOptions) (DescentData, error) {
	d := DescentData{Title: o.Title}
	if d.Title == "" {
		d.Title = i18n.T("Gradient descent on a loss surface")
	}
	if len(g.Loss) != len(g.Ys) {
		return d, fmt.Errorf("plotting: the surface grid has %d rows of loss for %d y values; sample it with surface.Sample", len(g.Loss), len(g.Ys))
	}
	if len(g.Xs) != len(g.Ys) || len(g.Xs) > 1 && !sameSpan(g.Xs, g.Ys) {
		return d, fmt.Errorf("plotting: the surface grid is not square (%d×%d points); sample a square window with surface.Sample", len(g.Xs), len(g.Ys))
	}
	rule := o.Rule
	if rule == (surface.Rule{}) {
		rule = surface.DefaultRule
	}
	hi := math.Inf(-1)
	for _, row := range g.Loss {
		if len(row) != len(g.Xs) {
			return d, fmt.Errorf("plotting: a row of the surface grid has %d values for %d x values", len(row), len(g.Xs))
		}
		for _, l := range row {
			if history.Finite(l) {
				hi = math.Max(hi, l)
			}
		}
	}
	if len(g.Xs) == 0 || !(hi > 0) {
		d.Notice = i18n.T("No surface to draw.")
		return d, nil
	}
	d.Xs, d.Ys = g.Xs, g.Ys
	d.Hi = math.Log10(hi)
	d.Lo = d.Hi - descentFloor
	d.Log10 = make([][]float64, len(g.Loss))
	for j, row := range g.Loss {
		d.Log10[j] = make([]float64, len(row))
		for i, l := range row {
			d.Log10[j][i] = math.Max(d.Lo, math.Log10(math.Max(l, 0)))
		}
	}
	for _, p := range paths {
		if len(p.Points) == 0 {
			continue
		}
		r := rule.Classify(p)
		d.Paths = append(d.Paths, DescentPath{
			Label:     "lr " + strconv.FormatFloat(p.LearningRate, 'g', 4, 64) + ": " + i18n.T(string(r)),
			Regime:    r,
			Reversals: p.Reversals(),
			Points:    p.Points,
		})
	}
	return d, nil
}

func sameSpan(xs, ys []float64) bool {
	a, b := xs[len(xs)-1]-xs[0], ys[len(ys)-1]-ys[0]
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// Descent draws gradient-descent paths over a loss surface: the surface as
// a heatmap of its log10 loss (light is low), each path as a line with a
// dot per step, labelled with its learning rate and regime.
func Descent(g surface.Grid, paths []surface.Path, o DescentOptions) (*Chart, error) {
	return drawn(DescentInfo(g, paths, o))
}

// descentSide is the side of the square plot in pixels: a fixed width and
// height keep the plane at 1:1 whatever the page's width.
const descentSide = 420

// Chart draws d. As Boundary, the cells are a heatmap on hidden category
// axes and the paths lines on value axes spanning the cells' edges, both
// in one square grid box.
func (d DescentData) Chart() *Chart { return figure(d.Title, d.Notice, d.draw) }

// draw draws d, which has something to draw.
func (d DescentData) draw() *Chart {
	xcats, ycats := make([]string, len(d.Xs)), make([]string, len(d.Ys))
	for i, x := range d.Xs {
		xcats[i] = strconv.FormatFloat(x, 'g', 4, 64)
	}
	for j, y := range d.Ys {
		ycats[j] = strconv.FormatFloat(y, 'g', 4, 64)
	}
	side := strconv.Itoa(descentSide)
	box := opts.Grid{Top: "80", Left: "60", Width: side, Height: side}
	hidden := &opts.SplitLine{Show: opts.Bool(false)}
	h := charts.NewHeatMap()
	h.SetGlobalOptions(append(frame(d.Title, box, box), itemTrigger,
		charts.WithLegendOpts(opts.Legend{Top: "28", Left: "10", Right: "40"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: xcats, Show: opts.Bool(false)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: ycats, Show: opts.Bool(false)}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Min: float32(d.Lo), Max: float32(d.Hi),
			Text:   []string{"high loss", "low"},
			Orient: "vertical", Left: strconv.Itoa(60 + descentSide + 20), Top: "80",
			InRange: &opts.VisualMapInRange{Color: []string{"#ffffff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"}}}))...)
	h.ExtendXAxis(opts.XAxis{Type: "value", Name: i18n.T("weight x"), NameLocation: "middle", NameGap: 25, GridIndex: 1,
		Min: edge(d.Xs, false), Max: edge(d.Xs, true), SplitLine: hidden})
	h.ExtendYAxis(opts.YAxis{Type: "value", Name: i18n.T("weight y"), NameLocation: "middle", NameGap: 35, GridIndex: 1,
		Min: edge(d.Ys, false), Max: edge(d.Ys, true), SplitLine: hidden})
	var cells []opts.HeatMapData
	for j, row := range d.Log10 {
		for i, v := range row {
			cells = append(cells, opts.HeatMapData{Value: []any{i, j, num(v)}})
		}
	}
	h.AddSeries(i18n.T("log10 loss"), cells)
	l := charts.NewLine()
	for k, p := range d.Paths {
		data := make([]opts.LineData, len(p.Points))
		for i, pt := range p.Points {
			data[i] = opts.LineData{Value: []any{num(pt.X), num(pt.Y)}}
		}
		l.AddSeries(p.Label, data, withColor(descentColour(k)),
			charts.WithLineChartOpts(opts.LineChart{XAxisIndex: 1, YAxisIndex: 1, ShowSymbol: opts.Bool(true), SymbolSize: 5}))
	}
	h.Overlap(l)
	c := FromECharts(h).extend(drawAtOnce).extend(surfaceOnly)
	c.Height = strconv.Itoa(80+descentSide+50) + "px"
	c.Width = strconv.Itoa(60+descentSide+130) + "px"
	return c
}

// descentColour is the colour of the k-th path: strong colours that stand
// out on the blue surface (the palette's reds, greens and purples first).
func descentColour(k int) string {
	strong := []string{"#ee6666", "#3ba272", "#fc8452", "#9a60b4", "#fac858", "#ea7ccc"}
	return strong[k%len(strong)]
}

// surfaceOnly limits the visual map to the heatmap (series 0). go-echarts
// lacks the visual map's seriesIndex; without it ECharts would recolour the
// paths by their y value too.
func surfaceOnly(o map[string]any) {
	maps, _ := o["visualMap"].([]any)
	for _, m := range maps {
		if vm, ok := m.(map[string]any); ok {
			vm["seriesIndex"] = 0
		}
	}
}
