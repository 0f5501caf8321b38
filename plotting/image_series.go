package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The drawers of seriesImages, one per ECharts series type.

// imageLine draws a line series: its segments between gaps, its dots when
// the option shows them, a band when it is stacked with an area (a
// mean with its min–max band), and its marked points and lines.
func imageLine(ic *imageCtx, i int, s map[string]any) error {
	xa, ya := ic.axesOf(s)
	col := ic.seriesColor(i, s)
	pts := seriesPoints(s, xa, ya)
	base := ic.stack(s, pts)
	ls := lineStyle(s, col)
	if area, ok := s["areaStyle"].(map[string]any); ok {
		fill := col
		if c, ok := parseColor(str(area["color"])); ok {
			fill = c
		}
		op := 0.7 // ECharts' default area opacity
		if f, ok := number(area["opacity"]); ok {
			op = f
		}
		if poly := areaPolygon(pts, base); poly != nil {
			poly.Color = withAlpha(fill, op)
			poly.LineStyle.Width = 0
			ic.p.Add(poly)
		}
	}
	if ls.Width > 0 {
		for _, seg := range segments(pts) {
			l, err := plotter.NewLine(seg)
			if err != nil {
				continue // a segment of non-finite numbers: a gap
			}
			l.LineStyle = ls
			ic.p.Add(l)
		}
	}
	if show, ok := s["showSymbol"].(bool); (!ok || show) && ls.Width > 0 && len(pts) <= 60 {
		if sc, err := plotter.NewScatter(okXYs(pts)); err == nil {
			sc.GlyphStyle = draw.GlyphStyle{Color: ls.Color, Radius: pt(2.5), Shape: draw.CircleGlyph{}}
			ic.p.Add(sc)
		}
	}
	ic.marks(s, xa, ya, col)
	if name := str(s["name"]); name != "" && ls.Width > 0 {
		l, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}})
		l.LineStyle = ls
		ic.legend = append(ic.legend, legendEntry{imageText(ic.legendLabel(name)), l})
	}
	return nil
}

// stack adds the tops of the series' stack so far to pts' y, as ECharts
// stacks series with the same `stack`, and returns those previous tops (the
// base an area fills down to); without a stack the base is nil.
func (ic *imageCtx) stack(s map[string]any, pts []point) []float64 {
	name := str(s["stack"])
	if name == "" {
		return nil
	}
	tops := ic.stacks[name]
	if tops == nil {
		tops = map[float64]float64{}
		ic.stacks[name] = tops
	}
	base := make([]float64, len(pts))
	for k := range pts {
		if !pts[k].ok {
			continue
		}
		base[k] = tops[pts[k].x]
		pts[k].y += base[k]
		tops[pts[k].x] = pts[k].y
	}
	return base
}

// areaPolygon is the area between the series and base (or zero), over its
// drawn points.
func areaPolygon(pts []point, base []float64) *plotter.Polygon {
	var up, down plotter.XYs
	for k, p := range pts {
		if !p.ok {
			continue
		}
		b := 0.0
		if base != nil {
			b = base[k]
		}
		up = append(up, plotter.XY{X: p.x, Y: p.y})
		down = append(plotter.XYs{{X: p.x, Y: b}}, down...)
	}
	if len(up) < 2 {
		return nil
	}
	poly, err := plotter.NewPolygon(append(up, down...))
	if err != nil {
		return nil
	}
	return poly
}

// lineStyle is the series' line: width, dashes and opacity of lineStyle.
func lineStyle(s map[string]any, col color.Color) draw.LineStyle {
	st := sub(s, "lineStyle")
	w := 2.0
	if f, ok := number(st["width"]); ok {
		w = f
	}
	if f, ok := number(st["opacity"]); ok {
		col = withAlpha(col, f)
		if f == 0 {
			w = 0
		}
	}
	ls := draw.LineStyle{Color: col, Width: pt(w)}
	switch str(st["type"]) {
	case "dashed":
		ls.Dashes = []vg.Length{pt(5), pt(4)}
	case "dotted":
		ls.Dashes = []vg.Length{pt(1.5), pt(3)}
	}
	return ls
}

// segments splits the drawn points at gaps.
func segments(pts []point) []plotter.XYs {
	var out []plotter.XYs
	var cur plotter.XYs
	for _, p := range pts {
		if !p.ok {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, plotter.XY{X: p.x, Y: p.y})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func okXYs(pts []point) plotter.XYs {
	var out plotter.XYs
	for _, p := range pts {
		if p.ok {
			out = append(out, plotter.XY{X: p.x, Y: p.y})
		}
	}
	return out
}

// imageScatter draws a scatter series with its symbol size, opacity and
// border.
func imageScatter(ic *imageCtx, i int, s map[string]any) error {
	xa, ya := ic.axesOf(s)
	col := ic.seriesColor(i, s)
	if f, ok := number(sub(s, "itemStyle")["opacity"]); ok {
		col = withAlpha(col, f)
	}
	size := 10.0 // ECharts' default symbol size
	if f, ok := number(s["symbolSize"]); ok {
		size = f
	}
	xys := okXYs(seriesPoints(s, xa, ya))
	glyph := draw.GlyphStyle{Color: col, Radius: pt(size / 2), Shape: draw.CircleGlyph{}}
	if len(xys) > 0 {
		sc, err := plotter.NewScatter(xys)
		if err == nil {
			sc.GlyphStyle = glyph
			ic.p.Add(sc)
			if border, ok := parseColor(str(sub(s, "itemStyle")["borderColor"])); ok {
				ring, _ := plotter.NewScatter(xys)
				ring.GlyphStyle = draw.GlyphStyle{Color: border, Radius: pt(size / 2), Shape: draw.RingGlyph{}}
				ic.p.Add(ring)
			}
		}
	}
	ic.marks(s, xa, ya, col)
	if name := str(s["name"]); name != "" {
		sc, _ := plotter.NewScatter(plotter.XYs{{}})
		sc.GlyphStyle = glyph
		ic.legend = append(ic.legend, legendEntry{imageText(ic.legendLabel(name)), sc})
	}
	return nil
}

// imageBar draws a bar series: bars from zero, side by side with the other
// bar series of the chart.
func imageBar(ic *imageCtx, i int, s map[string]any) error {
	xa, ya := ic.axesOf(s)
	col := ic.seriesColor(i, s)
	nBars, k := 0, 0
	for j, raw := range list(ic.option["series"]) {
		if m, _ := raw.(map[string]any); str(m["type"]) == "bar" {
			if j == i {
				k = nBars
			}
			nBars++
		}
	}
	pts := seriesPoints(s, xa, ya)
	if ya.kind == "category" && xa.kind != "category" { // horizontal bars (importance)
		var cells []cell
		w := 0.8 / float64(nBars)
		for _, p := range pts {
			if p.ok {
				y0 := p.y - 0.4 + float64(k)*w
				cells = append(cells, cell{x0: math.Min(0, p.x), x1: math.Max(0, p.x), y0: y0, y1: y0 + w, color: col})
			}
		}
		ic.p.Add(&cellPlot{cells: cells})
		return nil
	}
	width := 0.8
	if xa.kind != "category" {
		width = minGap(pts) * 0.8
	}
	w := width / float64(nBars)
	var cells []cell
	for _, p := range pts {
		if !p.ok {
			continue
		}
		x0 := p.x - width/2 + float64(k)*w
		lo := 0.0
		if ya.kind == "log" {
			lo = math.Min(p.y, 1)
		}
		cells = append(cells, cell{x0: x0, x1: x0 + w, y0: math.Min(lo, p.y), y1: math.Max(lo, p.y), color: col})
	}
	ic.p.Add(&cellPlot{cells: cells})
	if name := str(s["name"]); name != "" {
		ic.legend = append(ic.legend, legendEntry{imageText(ic.legendLabel(name)), &cellPlot{cells: []cell{{color: col}}}})
	}
	return nil
}

// minGap is the least distance between two x values of pts (1 if fewer).
func minGap(pts []point) float64 {
	g := math.Inf(1)
	for k := 1; k < len(pts); k++ {
		if d := math.Abs(pts[k].x - pts[k-1].x); d > 0 && d < g {
			g = d
		}
	}
	if math.IsInf(g, 1) {
		return 1
	}
	return g
}

// imageHeatmap draws a heatmap series: one cell per item coloured by the
// chart's visual map, with its value written in it when there are few.
func imageHeatmap(ic *imageCtx, i int, s map[string]any) error {
	xa, ya := ic.axesOf(s)
	vm := visualMapOf(ic.option, i)
	op := 1.0
	if f, ok := number(sub(s, "itemStyle")["opacity"]); ok {
		op = f
	}
	pts := seriesPoints(s, xa, ya)
	label := sub(s, "label")["show"] == true && len(pts) <= 150
	var cells []cell
	for _, p := range pts {
		if !p.ok || len(p.row) < 3 {
			continue
		}
		v, ok := number(p.row[len(p.row)-1])
		if !ok {
			continue
		}
		c := cell{x0: p.x - xa.half(), x1: p.x + xa.half(), y0: p.y - ya.half(), y1: p.y + ya.half(),
			color: withAlpha(vm.color(v), op)}
		if label {
			c.label = str(num(v))
		}
		cells = append(cells, c)
	}
	ic.p.Add(&cellPlot{cells: cells})
	return nil
}

// cell is a filled rectangle in data coordinates, with an optional label.
type cell struct {
	x0, x1, y0, y1 float64
	color          color.Color
	label          string
}
