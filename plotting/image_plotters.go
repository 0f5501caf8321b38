package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The few gonum/plot plotters the images need beyond gonum's own: filled
// cells (heatmaps, bars), marks (best epoch, divergence, marked lines),
// text, grid lines and parallel coordinates.

// cellPlot draws filled rectangles.
type cellPlot struct{ cells []cell }

func (cp *cellPlot) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, k := range cp.cells {
		x0, x1, y0, y1 := trX(k.x0), trX(k.x1), trY(k.y0), trY(k.y1)
		c.FillPolygon(k.color, c.ClipPolygonXY([]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}))
		if k.label != "" {
			ink := color.Color(color.Black)
			if luminance(k.color) < 0.45 {
				ink = color.White
			}
			c.FillText(textStyle(p, ink, 9, draw.XCenter, draw.YCenter), vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, k.label)
		}
	}
}

func (cp *cellPlot) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, k := range cp.cells {
		xmin, xmax = math.Min(xmin, k.x0), math.Max(xmax, k.x1)
		ymin, ymax = math.Min(ymin, k.y0), math.Max(ymax, k.y1)
	}
	return
}

// Thumbnail draws the legend's swatch of a bar series.
func (cp *cellPlot) Thumbnail(c *draw.Canvas) {
	if len(cp.cells) > 0 {
		c.FillPolygon(cp.cells[0].color, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
	}
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0xffff
}

func textStyle(p *plot.Plot, ink color.Color, size float64, x text.XAlignment, y text.YAlignment) draw.TextStyle {
	return draw.TextStyle{Color: ink, Font: imageFace(vg.Length(size)), XAlign: x, YAlign: y, Handler: p.TextHandler}
}

// textPlot writes text at a point given as fractions of the data area.
type textPlot struct {
	x, y  float64
	text  string
	color color.Color
	size  float64
}

func (t *textPlot) Plot(c draw.Canvas, p *plot.Plot) {
	at := vg.Point{X: c.Min.X + vg.Length(t.x)*(c.Max.X-c.Min.X), Y: c.Min.Y + vg.Length(t.y)*(c.Max.Y-c.Min.Y)}
	c.FillText(textStyle(p, t.color, t.size, draw.XCenter, draw.YCenter), at, t.text)
}

// gridPlot draws ECharts' light horizontal split lines at the y ticks.
// (none on charts without cartesian axes).
type gridPlot struct{ ic *imageCtx }

func (g *gridPlot) Plot(c draw.Canvas, p *plot.Plot) {
	if y := mainAxis(g.ic.ys); g.ic.noAxes || y.kind == "category" || y.hidden {
		return
	}
	_, trY := p.Transforms(&c)
	ls := draw.LineStyle{Color: color.Gray{0xe0}, Width: pt(1)}
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if t.Label == "" || t.Value < p.Y.Min || t.Value > p.Y.Max {
			continue
		}
		y := trY(t.Value)
		c.StrokeLine2(ls, c.Min.X, y, c.Max.X, y)
	}
}

// mark is a marked point (best epoch, divergence) or a marked line (at an
// x or a y value) of a series.
type mark struct {
	x, y       float64
	vertical   bool // a line at x
	horizontal bool // a line at y
	label      string
	color      color.Color
	dot        bool // a filled dot with its label on its left (divergence), else a ring with the label above
}

// marks adds series s's markPoint and markLine items to the image.
func (ic *imageCtx) marks(s map[string]any, xa, ya *imageAxis, col color.Color) {
	var ms []mark
	for _, it := range list(sub(s, "markPoint")["data"]) {
		m, _ := it.(map[string]any)
		coord := list(m["coord"])
		if len(coord) < 2 {
			continue
		}
		x, okx := xa.pos(coord[0])
		y, oky := ya.pos(coord[1])
		if !okx || !oky {
			continue
		}
		mk := mark{x: x, y: y, label: imageText(str(m["value"])), color: col}
		if mk.label == "" {
			mk.label = imageText(str(m["name"]))
		}
		if c, ok := parseColor(str(sub(m, "itemStyle")["color"])); ok {
			mk.color = c
		}
		mk.dot = str(m["symbol"]) == "circle"
		ms = append(ms, mk)
	}
	for _, it := range list(sub(s, "markLine")["data"]) {
		m, _ := it.(map[string]any)
		mk := mark{label: imageText(str(m["name"])), color: col}
		if x, ok := xa.pos(m["xAxis"]); ok && m["xAxis"] != nil {
			mk.x, mk.vertical = x, true
		} else if y, ok := ya.pos(m["yAxis"]); ok && m["yAxis"] != nil {
			mk.y, mk.horizontal = y, true
		} else {
			continue
		}
		ms = append(ms, mk)
	}
	if len(ms) > 0 {
		ic.p.Add(&markPlot{marks: ms})
	}
}

type markPlot struct{ marks []mark }

func (mp *markPlot) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, m := range mp.marks {
		switch {
		case m.vertical:
			x := trX(m.x)
			c.StrokeLine2(draw.LineStyle{Color: m.color, Width: pt(1.5), Dashes: []vg.Length{pt(5), pt(4)}}, x, c.Min.Y, x, c.Max.Y)
			c.FillText(textStyle(p, m.color, 9, draw.XLeft, draw.YTop), vg.Point{X: x + 3, Y: c.Max.Y - 2}, m.label)
		case m.horizontal:
			y := trY(m.y)
			c.StrokeLine2(draw.LineStyle{Color: m.color, Width: pt(1.5), Dashes: []vg.Length{pt(5), pt(4)}}, c.Min.X, y, c.Max.X, y)
			c.FillText(textStyle(p, m.color, 9, draw.XRight, draw.YBottom), vg.Point{X: c.Max.X - 2, Y: y + 2}, m.label)
		case m.dot:
			at := vg.Point{X: trX(m.x), Y: trY(m.y)}
			c.DrawGlyph(draw.GlyphStyle{Color: m.color, Radius: pt(6), Shape: draw.CircleGlyph{}}, at)
			c.FillText(textStyle(p, m.color, 10, draw.XRight, draw.YCenter), vg.Point{X: at.X - pt(10), Y: at.Y}, m.label)
		default:
			at := vg.Point{X: trX(m.x), Y: trY(m.y)}
			c.DrawGlyph(draw.GlyphStyle{Color: m.color, Radius: pt(7), Shape: draw.RingGlyph{}}, at)
			c.DrawGlyph(draw.GlyphStyle{Color: m.color, Radius: pt(3), Shape: draw.CircleGlyph{}}, at)
			c.FillText(textStyle(p, m.color, 10, draw.XCenter, draw.YBottom), vg.Point{X: at.X, Y: at.Y + pt(10)}, m.label)
		}
	}
}

func (mp *markPlot) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, m := range mp.marks {
		if !m.horizontal {
			xmin, xmax = math.Min(xmin, m.x), math.Max(xmax, m.x)
		}
		if !m.vertical {
			ymin, ymax = math.Min(ymin, m.y), math.Max(ymax, m.y)
		}
	}
	return
}

// visualMap is an ECharts visualMap: continuous (a gradient from min to
// max) or piecewise (pieces with their colours).
type visualMap struct {
	min, max float64
	colors   []color.Color
	pieces   []map[string]any
	dim      int // the value column it colours by; -1 the last
}

// visualMapOf returns the visual map that colours series i.
func visualMapOf(option map[string]any, i int) visualMap {
	vm := visualMap{min: 0, max: 1, dim: -1}
	for _, raw := range list(option["visualMap"]) {
		m, _ := raw.(map[string]any)
		if si, ok := number(m["seriesIndex"]); ok && int(si) != i {
			continue
		}
		vm.min, _ = number(m["min"])
		vm.max, _ = number(m["max"])
		if d, ok := number(m["dimension"]); ok {
			vm.dim = int(d)
		}
		for _, c := range strs(sub(m, "inRange")["color"]) {
			if col, ok := parseColor(c); ok {
				vm.colors = append(vm.colors, col)
			}
		}
		for _, p := range list(m["pieces"]) {
			if pm, ok := p.(map[string]any); ok {
				vm.pieces = append(vm.pieces, pm)
			}
		}
		break
	}
	if len(vm.colors) == 0 { // ECharts' default gradient
		vm.colors = []color.Color{color.NRGBA{0xf6, 0xef, 0xa6, 0xff}, color.NRGBA{0xd8, 0x84, 0x73, 0xff}, color.NRGBA{0xbf, 0x44, 0x4c, 0xff}}
	}
	return vm
}

// color is the colour of value v.
func (vm visualMap) color(v float64) color.Color {
	for _, p := range vm.pieces {
		if in(p, v) {
			if c, ok := parseColor(str(p["color"])); ok {
				return c
			}
		}
	}
	t := 0.5
	if vm.max > vm.min {
		t = math.Max(0, math.Min(1, (v-vm.min)/(vm.max-vm.min)))
	}
	f := t * float64(len(vm.colors)-1)
	k := int(math.Min(f, float64(len(vm.colors)-2)))
	if k < 0 {
		return vm.colors[0]
	}
	return mix(vm.colors[k], vm.colors[k+1], f-float64(k))
}

func in(piece map[string]any, v float64) bool {
	checks := []struct {
		key string
		ok  func(b float64) bool
	}{{"gte", func(b float64) bool { return v >= b }}, {"gt", func(b float64) bool { return v > b }},
		{"lte", func(b float64) bool { return v <= b }}, {"lt", func(b float64) bool { return v < b }},
		{"value", func(b float64) bool { return v == b }}}
	any := false
	for _, c := range checks {
		if b, ok := number(piece[c.key]); ok {
			any = true
			if !c.ok(b) {
				return false
			}
		}
	}
	return any
}

func mix(a, b color.Color, t float64) color.Color {
	na, nb := color.NRGBAModel.Convert(a).(color.NRGBA), color.NRGBAModel.Convert(b).(color.NRGBA)
	l := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + t*(float64(y)-float64(x)))) }
	return color.NRGBA{l(na.R, nb.R), l(na.G, nb.G), l(na.B, nb.B), l(na.A, nb.A)}
}
