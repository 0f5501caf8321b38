package plotting

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// imageParallel draws a parallel-coordinates series: one vertical axis per
// parallelAxis, one polyline per trial coloured by the visual map, and the
// colour scale on the right.
func imageParallel(ic *imageCtx, i int, s map[string]any) error {
	ic.noAxes = true
	ic.p.HideAxes()
	pp := &parallelPlot{vm: visualMapOf(ic.option, i)}
	if l, ok := s["lineStyle"].(map[string]any); ok {
		pp.opacity, _ = number(l["opacity"])
	}
	for _, raw := range list(ic.option["parallelAxis"]) {
		m, _ := raw.(map[string]any)
		pp.axes = append(pp.axes, &imageAxis{kind: str(m["type"]), name: imageText(str(m["name"])), cats: strs(m["data"])})
	}
	for _, it := range list(s["data"]) {
		if m, ok := it.(map[string]any); ok {
			it = m["value"]
		}
		if row := list(it); len(row) > 0 {
			pp.rows = append(pp.rows, row)
		}
	}
	n := float64(len(pp.axes))
	ic.p.Add(pp)
	ic.p.X.Min, ic.p.X.Max = -0.35, n-1+0.75
	ic.p.Y.Min, ic.p.Y.Max = -0.1, 1.1
	return nil
}

type parallelPlot struct {
	axes    []*imageAxis
	rows    [][]any
	vm      visualMap
	opacity float64
}

// scale maps each axis' values onto 0..1 (log axes logarithmically,
// categories evenly).
func (pp *parallelPlot) scale(k int) func(v any) (float64, bool) {
	a := pp.axes[k]
	if a.kind == "category" {
		n := float64(len(a.cats) - 1)
		return func(v any) (float64, bool) {
			i, ok := a.pos(v)
			if !ok {
				return 0, false
			}
			if n <= 0 {
				return 0.5, true
			}
			return i / n, true
		}
	}
	tr := func(f float64) float64 { return f }
	if a.kind == "log" {
		tr = math.Log
	}
	span := pp.axisExtent(k, tr)
	lo, hi := span.lo, span.hi
	return func(v any) (float64, bool) {
		f, ok := a.pos(v)
		if !ok {
			return 0, false
		}
		if hi <= lo {
			return 0.5, true
		}
		return (tr(f) - lo) / (hi - lo), true
	}
}

func (pp *parallelPlot) Plot(c vgdraw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	scales := make([]func(any) (float64, bool), len(pp.axes))
	for k := range pp.axes {
		scales[k] = pp.scale(k)
	}
	op := pp.opacity
	if op == 0 {
		op = 0.7
	}
	for _, r := range pp.rows {
		var line []vg.Point
		for k := range pp.axes {
			if k >= len(r) {
				break
			}
			if y, ok := scales[k](r[k]); ok {
				line = append(line, vg.Point{X: trX(float64(k)), Y: trY(y)})
			}
		}
		v, _ := number(r[len(r)-1])
		if pp.vm.dim >= 0 && pp.vm.dim < len(r) {
			v, _ = number(r[pp.vm.dim])
		}
		c.StrokeLines(vgdraw.LineStyle{Color: withAlpha(pp.vm.color(v), op), Width: pt(2)}, line)
	}
	axis := vgdraw.LineStyle{Color: color.Gray{0x55}, Width: pt(1)}
	for k, a := range pp.axes {
		x := trX(float64(k))
		c.StrokeLine2(axis, x, trY(0), x, trY(1))
		c.FillText(textStyle(p, color.Black, 9, vgdraw.XCenter, vgdraw.YBottom), vg.Point{X: x, Y: trY(1) + 6}, a.name)
		for _, t := range pp.ticks(k) {
			y, _ := scales[k](t)
			c.FillText(textStyle(p, color.Gray{0x44}, 8, vgdraw.XRight, vgdraw.YCenter), vg.Point{X: x - 3, Y: trY(y)}, imageText(str(num(t.(float64)))))
		}
		for i, cat := range a.cats {
			y, _ := scales[k](float64(i))
			c.FillText(textStyle(p, color.Gray{0x44}, 8, vgdraw.XRight, vgdraw.YCenter), vg.Point{X: x - 3, Y: trY(y)}, imageText(cat))
		}
	}
	pp.colorScale(c, p, trX(float64(len(pp.axes)-1)+0.45), trY(0), trY(1))
}

// ticks are the lowest and highest value of a number axis.
func (pp *parallelPlot) ticks(k int) []any {
	a := pp.axes[k]
	if a.kind == "category" {
		return nil
	}
	span := pp.axisExtent(k, func(f float64) float64 { return f })
	switch {
	case span.empty():
		return nil
	case span.lo == span.hi:
		return []any{span.lo}
	}
	return []any{span.lo, span.hi}
}

// axisExtent is the range of axis k's values placed on it, through tr (the
// log of a log axis).
func (pp *parallelPlot) axisExtent(k int, tr func(float64) float64) extent {
	a, span := pp.axes[k], noExtent()
	for _, r := range pp.rows {
		if k < len(r) {
			if f, ok := a.pos(r[k]); ok {
				span.add(tr(f))
			}
		}
	}
	return span
}

// colorScale draws the visual map's gradient from y0 (min) to y1 (max) at x.
func (pp *parallelPlot) colorScale(c vgdraw.Canvas, p *plot.Plot, x, y0, y1 vg.Length) {
	const steps = 40
	w := pt(12)
	for k := 0; k < steps; k++ {
		t0, t1 := float64(k)/steps, float64(k+1)/steps
		v := pp.vm.min + (t0+t1)/2*(pp.vm.max-pp.vm.min)
		a, b := y0+vg.Length(t0)*(y1-y0), y0+vg.Length(t1)*(y1-y0)
		c.FillPolygon(pp.vm.color(v), []vg.Point{{X: x, Y: a}, {X: x + w, Y: a}, {X: x + w, Y: b}, {X: x, Y: b}})
	}
	st := textStyle(p, color.Gray{0x44}, 8, vgdraw.XLeft, vgdraw.YCenter)
	c.FillText(st, vg.Point{X: x + w + 3, Y: y0}, str(num(pp.vm.min)))
	c.FillText(st, vg.Point{X: x + w + 3, Y: y1}, str(num(pp.vm.max)))
}

// maxImageBytes is the most a chart image may weigh.
const maxImageBytes = 60 << 10

// compactPNG re-encodes b with the best compression and a palette of its
// 256 most frequent colours: a chart is flat colours and the antialiased
// edges between them, which a palette keeps to the eye at a third of the
// bytes; every chart of a notebook carries its image twice (in the HTML and
// as image/png).
func compactPNG(b []byte) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("plotting: re-reading the chart image: %w", err)
	}
	var out bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, paletted(img)); err != nil {
		return nil, fmt.Errorf("plotting: encoding the chart image: %w", err)
	}
	return out.Bytes(), nil
}

// paletted returns img in its 256 most frequent colours, each other colour
// replaced by the nearest of them.
func paletted(img image.Image) *image.Paletted {
	r := img.Bounds()
	count := map[color.NRGBA]int{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			count[color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)]++
		}
	}
	colours := make([]color.NRGBA, 0, len(count))
	for c := range count {
		colours = append(colours, c)
	}
	slices.SortFunc(colours, func(a, b color.NRGBA) int {
		if d := count[b] - count[a]; d != 0 {
			return d
		}
		return cmpNRGBA(a, b) // a fixed order: equal images, equal files
	})
	pal := make(color.Palette, 0, 256)
	for _, c := range colours[:min(256, len(colours))] {
		pal = append(pal, c)
	}
	out := image.NewPaletted(r, pal)
	index := map[color.NRGBA]uint8{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			i, ok := index[c]
			if !ok {
				i = uint8(pal.Index(c))
				index[c] = i
			}
			out.SetColorIndex(x, y, i)
		}
	}
	return out
}

func cmpNRGBA(a, b color.NRGBA) int {
	return int(uint32(a.R)<<24|uint32(a.G)<<16|uint32(a.B)<<8|uint32(a.A)) -
		int(uint32(b.R)<<24|uint32(b.G)<<16|uint32(b.B)<<8|uint32(b.A))
}
