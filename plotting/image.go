package plotting

import (
	"bytes"
	"fmt"
	"image/color"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/hyperlab-go/hyperlab/history"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// The static image of a chart is ImageWidth×ImageHeight pixels: readable
// where a notebook viewer scales it to its column, and small (a few tens
// of kilobytes).
const (
	ImageWidth  = 800
	ImageHeight = 450
)

// imageDPI makes a point of gonum/plot 4/3 pixels, as in browsers (96 dpi).
const imageDPI = 96

// pt converts CSS pixels, as ECharts options give sizes, into points.
func pt(px float64) vg.Length { return vg.Length(px * 72 / imageDPI) }

// PNG draws the chart as a static PNG image with gonum/plot, from the same
// plain option the browser draws: the same series, colours, axes (log
// scales, categories), legend, marked points and lines, and bands. It is
// what a notebook viewer without JavaScript, or a page whose ECharts did
// not load, shows instead of the interactive chart.
//
// Each ECharts series type is drawn by one function of seriesImages; a
// chart made of line, scatter, bar, heatmap or parallel series needs
// nothing more to have its image.
func (c *Chart) PNG() ([]byte, error) {
	if c == nil {
		return nil, fmt.Errorf("plotting: no chart to draw (nil *Chart)")
	}
	if c.err != nil {
		return nil, c.err
	}
	ic, err := newImage(c.Option)
	if err != nil {
		return nil, err
	}
	return ic.png()
}

// seriesImage draws series s (the i-th of the option) into the image.
type seriesImage func(ic *imageCtx, i int, s map[string]any) error

// seriesImages holds the drawer of every ECharts series type a chart of
// this package uses. A chart type with a new series type adds one entry.
var seriesImages map[string]seriesImage

func init() {
	seriesImages = map[string]seriesImage{
		"line":     imageLine,
		"scatter":  imageScatter,
		"bar":      imageBar,
		"heatmap":  imageHeatmap,
		"parallel": imageParallel,
	}
}

// imageCtx is the image being drawn: the plot, the option it comes from,
// the axes of the option, and the legend entries collected so far.
type imageCtx struct {
	p       *plot.Plot
	option  map[string]any
	xs, ys  []*imageAxis
	legend  []legendEntry
	stacks  map[string]map[float64]float64 // stack name -> x -> top so far
	noAxes  bool                           // a chart without cartesian axes (parallel, empty)
	palette []string
}

type legendEntry struct {
	name  string
	thumb plot.Thumbnailer
}

func newImage(option map[string]any) (*imageCtx, error) {
	p := plot.New()
	useImageFont(p)
	ic := &imageCtx{p: p, option: option, stacks: map[string]map[float64]float64{}, palette: Palette}
	if t, ok := option["title"].(map[string]any); ok {
		p.Title.Text = imageText(str(t["text"]))
	}
	if list := strs(option["color"]); len(list) > 0 {
		ic.palette = list
	}
	ic.xs = readAxes(option["xAxis"])
	ic.ys = readAxes(option["yAxis"])
	series := list(option["series"])
	if len(series) == 0 {
		ic.notice()
		return ic, nil
	}
	ic.p.Add(&gridPlot{ic: ic}) // under the series
	for i, raw := range series {
		s, _ := raw.(map[string]any)
		draw, ok := seriesImages[str(s["type"])]
		if !ok {
			return nil, fmt.Errorf("plotting: the chart image cannot draw series of type %q; add a drawer for it to seriesImages", str(s["type"]))
		}
		if err := draw(ic, i, s); err != nil {
			return nil, err
		}
	}
	ic.finishAxes()
	return ic, nil
}

// notice draws an empty chart: its notice text (the option's graphic) in
// the middle, no axes.
func (ic *imageCtx) notice() {
	ic.noAxes = true
	ic.p.HideAxes()
	text := ""
	for _, g := range list(ic.option["graphic"]) {
		if m, ok := g.(map[string]any); ok {
			if st, ok := m["style"].(map[string]any); ok {
				text = str(st["text"])
			}
		}
	}
	ic.p.Add(&textPlot{x: 0.5, y: 0.5, text: imageText(text), color: color.Gray{0x88}, size: 12})
	ic.p.X.Min, ic.p.X.Max, ic.p.Y.Min, ic.p.Y.Max = 0, 1, 0, 1
}

// finishAxes sets the plot's axes from the option's first shown axes, after
// the series: their ranges (fixed bounds, categories), scales and ticks.
func (ic *imageCtx) finishAxes() {
	if ic.noAxes {
		return
	}
	x, y := mainAxis(ic.xs), mainAxis(ic.ys)
	ic.p.X.Padding, ic.p.Y.Padding = 0, 0
	setAxis(&ic.p.X, x)
	setAxis(&ic.p.Y, y)
}

// png renders the plot, with the legend in a column on its right.
func (ic *imageCtx) png() ([]byte, error) {
	canvas := vgimg.NewWith(vgimg.UseWH(pt(ImageWidth), pt(ImageHeight)), vgimg.UseDPI(imageDPI),
		vgimg.UseBackgroundColor(color.White))
	dc := draw.New(canvas)
	area := draw.Crop(dc, 4, -8, 4, -6) // a margin
	if len(ic.legend) > 0 && showLegend(ic.option) {
		l := plot.NewLegend()
		l.TextStyle.Font = imageFace(9)
		l.Top = true
		l.Padding = 2
		l.ThumbnailWidth = 18
		for _, e := range ic.legend {
			l.Add(e.name, e.thumb)
		}
		w := l.Rectangle(area).Size().X + 8
		if w > pt(ImageWidth)/3 {
			w = pt(ImageWidth) / 3
		}
		l.YOffs = -pt(34) // below the title's line
		l.Draw(draw.Crop(area, area.Max.X-area.Min.X-w, 0, 0, 0))
		area = draw.Crop(area, 0, -w, 0, 0)
	}
	area = ic.keepAspect(area)
	if err := drawPlot(ic.p, area); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: canvas}).WriteTo(&b); err != nil {
		return nil, fmt.Errorf("plotting: encoding the chart image: %w", err)
	}
	return compactPNG(b.Bytes())
}

// keepAspect narrows area (centred) so that the plot's data area has the
// aspect of the option's grid when the grid fixes its width and height in
// pixels, as a decision plane's does to keep equal units on both axes.
// Other charts fill the area.
func (ic *imageCtx) keepAspect(area draw.Canvas) draw.Canvas {
	if ic.noAxes {
		return area
	}
	grid, _ := ic.option["grid"].(map[string]any)
	if gs := list(ic.option["grid"]); len(gs) > 0 {
		grid, _ = gs[0].(map[string]any)
	}
	w, errW := strconv.ParseFloat(str(grid["width"]), 64)
	h, errH := strconv.ParseFloat(str(grid["height"]), 64)
	if errW != nil || errH != nil || w <= 0 || h <= 0 {
		return area
	}
	// Twice: the axes' labels take about the same room at the second size.
	for range 2 {
		dc, ok := dataCanvas(ic.p, area)
		if !ok {
			return area
		}
		dw, dh := float64(dc.Max.X-dc.Min.X), float64(dc.Max.Y-dc.Min.Y)
		if dw <= 0 || dh <= 0 {
			return area
		}
		if dw/dh > w/h {
			cut := vg.Length(dw-dh*w/h) / 2
			area = draw.Crop(area, cut, -cut, 0, 0)
		} else {
			cut := vg.Length(dh-dw*h/w) / 2
			area = draw.Crop(area, 0, 0, cut, -cut)
		}
	}
	return area
}

// dataCanvas is p.DataCanvas, false where gonum/plot panics on a range.
func dataCanvas(p *plot.Plot, c draw.Canvas) (dc draw.Canvas, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return p.DataCanvas(c), true
}

// drawPlot draws p, turning a panic of gonum/plot (a range it cannot draw)
// into an error that names the chart.
func drawPlot(p *plot.Plot, c draw.Canvas) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("plotting: drawing the image of chart %q: %v", p.Title.Text, r)
		}
	}()
	p.Draw(c)
	return nil
}

// legendLabel is the label the chart's legend shows for name: its short
// label (legend.shortNames, fitLegend) when it has one.
func (ic *imageCtx) legendLabel(name string) string {
	l, _ := ic.option["legend"].(map[string]any)
	short, _ := l["shortNames"].(map[string]any)
	if s, ok := short[name].(string); ok {
		return s
	}
	return name
}

func showLegend(option map[string]any) bool {
	l, _ := option["legend"].(map[string]any)
	show, ok := l["show"].(bool)
	return !ok || show
}

// imageAxis is one ECharts axis as the image needs it.
type imageAxis struct {
	kind     string // value, log or category
	name     string
	cats     []string
	hidden   bool
	min, max *float64
	integer  bool
	// onto maps a hidden category axis with numeric labels onto the shown
	// value axis (the decision boundary's cells under its points).
	onto []float64
}

func readAxes(v any) []*imageAxis {
	var out []*imageAxis
	items := list(v)
	if m, ok := v.(map[string]any); ok {
		items = []any{m}
	}
	for _, it := range items {
		m, _ := it.(map[string]any)
		a := &imageAxis{kind: str(m["type"]), name: imageText(str(m["name"])), cats: strs(m["data"])}
		if a.kind == "" {
			a.kind = "value"
			if len(a.cats) > 0 {
				a.kind = "category"
			}
		}
		if show, ok := m["show"].(bool); ok && !show {
			a.hidden = true
		}
		if f, ok := number(m["min"]); ok {
			a.min = &f
		}
		if f, ok := number(m["max"]); ok {
			a.max = &f
		}
		a.integer = m["minInterval"] == 1.0
		out = append(out, a)
	}
	for _, a := range out {
		if a.kind != "category" || !a.hidden {
			continue
		}
		if m := mainAxis(out); m != a && m.kind != "category" {
			a.onto = make([]float64, len(a.cats))
			for i, c := range a.cats {
				f, err := strconv.ParseFloat(c, 64)
				if err != nil {
					a.onto = nil
					break
				}
				a.onto[i] = f
			}
		}
	}
	return out
}

// mainAxis is the first shown axis, which the image draws.
func mainAxis(axes []*imageAxis) *imageAxis {
	for _, a := range axes {
		if !a.hidden {
			return a
		}
	}
	if len(axes) > 0 {
		return axes[0]
	}
	return &imageAxis{kind: "value"}
}

// pos returns where v lies on the image's axis: a number, a category's
// index, or a mapped category's number; false when it cannot be drawn
// (null, not a category, not positive on a log axis).
func (a *imageAxis) pos(v any) (float64, bool) {
	if a.kind == "category" {
		i := -1
		if f, ok := number(v); ok {
			i = int(f)
		} else if s, ok := v.(string); ok {
			i = slices.Index(a.cats, s)
		}
		if i < 0 || (len(a.cats) > 0 && i >= len(a.cats)) {
			return 0, false
		}
		if a.onto != nil {
			return a.onto[i], true
		}
		return float64(i), true
	}
	f, ok := number(v)
	if !ok || !history.Finite(f) || (a.kind == "log" && f <= 0) {
		return 0, false
	}
	return f, true
}

// half is half the width of one cell of a category axis.
func (a *imageAxis) half() float64 {
	if a.onto != nil && len(a.onto) > 1 {
		return math.Abs(a.onto[1]-a.onto[0]) / 2
	}
	return 0.5
}

// setAxis gives the plot axis pa the range, scale, ticks and name of a.
func setAxis(pa *plot.Axis, a *imageAxis) {
	pa.Label.Text = a.name
	switch {
	case a.kind == "category":
		ticks := make([]plot.Tick, len(a.cats))
		for i, c := range a.cats {
			ticks[i] = plot.Tick{Value: float64(i), Label: imageText(c)}
		}
		pa.Tick.Marker = plot.ConstantTicks(ticks)
		pa.Min, pa.Max = -0.5, float64(len(a.cats))-0.5
	case a.kind == "log":
		pa.Scale = plot.LogScale{}
		pa.Tick.Marker = plot.LogTicks{Prec: -1}
	case a.integer:
		pa.Tick.Marker = plot.TickerFunc(integerTicks)
	}
	if a.min != nil {
		pa.Min = *a.min
	}
	if a.max != nil {
		pa.Max = *a.max
	}
	if pa.Min > pa.Max || math.IsInf(pa.Min, 0) || math.IsInf(pa.Max, 0) { // no data
		pa.Min, pa.Max = 0, 1
		if a.kind == "log" {
			pa.Min, pa.Max = 1, 10
		}
	}
	if pa.Min == pa.Max {
		pa.Min, pa.Max = pa.Min-0.5, pa.Max+0.5
		if a.kind == "log" {
			pa.Min, pa.Max = pa.Min/2+0.25, pa.Max*2-0.5
		}
	}
	if a.kind != "category" && a.min == nil && a.max == nil {
		pad := (pa.Max - pa.Min) * 0.04
		if a.kind == "log" {
			pa.Min, pa.Max = pa.Min/math.Pow(pa.Max/pa.Min, 0.04), pa.Max*math.Pow(pa.Max/pa.Min, 0.04)
		} else {
			pa.Min, pa.Max = pa.Min-pad, pa.Max+pad
		}
	}
}

// integerTicks are the default ticks on whole numbers only (epochs, steps).
func integerTicks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(min, max) {
		if t.Value == math.Trunc(t.Value) {
			if t.Label != "" {
				t.Label = strconv.FormatFloat(t.Value, 'f', -1, 64) // 2, not 2.0
			}
			out = append(out, t)
		} else if t.Label != "" {
			t.Label = ""
			out = append(out, t)
		}
	}
	return out
}

// seriesColor is the series' own colour, else the palette's i-th.
func (ic *imageCtx) seriesColor(i int, s map[string]any) color.Color {
	for _, v := range []any{s["color"], sub(s, "itemStyle")["color"], sub(s, "lineStyle")["color"]} {
		if c, ok := parseColor(str(v)); ok {
			return c
		}
	}
	c, _ := parseColor(ic.palette[i%len(ic.palette)])
	return c
}

// axesOf returns the x and y axes series s is drawn against.
func (ic *imageCtx) axesOf(s map[string]any) (x, y *imageAxis) {
	x, y = mainAxis(ic.xs), mainAxis(ic.ys)
	if f, ok := number(s["xAxisIndex"]); ok && int(f) < len(ic.xs) {
		x = ic.xs[int(f)]
	} else if len(ic.xs) > 0 {
		x = ic.xs[0]
	}
	if f, ok := number(s["yAxisIndex"]); ok && int(f) < len(ic.ys) {
		y = ic.ys[int(f)]
	} else if len(ic.ys) > 0 {
		y = ic.ys[0]
	}
	return x, y
}

// point is one data item of a series: its x and y on the image's axes (ok
// false for a gap), and its whole value row.
type point struct {
	x, y float64
	ok   bool
	row  []any
}

// seriesPoints reads the data of series s: items {"value": [...]}, bare rows or
// bare numbers (y against the category index), with `encode` choosing the
// x and y columns.
func seriesPoints(s map[string]any, xa, ya *imageAxis) []point {
	ex, ey := 0, 1
	if enc := sub(s, "encode"); enc != nil {
		if f, ok := number(enc["x"]); ok {
			ex = int(f)
		}
		if f, ok := number(enc["y"]); ok {
			ey = int(f)
		}
	}
	var out []point
	for i, it := range list(s["data"]) {
		if m, ok := it.(map[string]any); ok {
			it = m["value"]
		}
		row, isRow := it.([]any)
		if !isRow {
			row = []any{float64(i), it}
			ex, ey = 0, 1
			if ya.kind == "category" && xa.kind != "category" { // horizontal bars: the value runs along x
				row = []any{it, float64(i)}
			}
		}
		var p point
		p.row = row
		if ex < len(row) && ey < len(row) {
			var okx, oky bool
			p.x, okx = xa.pos(row[ex])
			p.y, oky = ya.pos(row[ey])
			p.ok = okx && oky
		}
		out = append(out, p)
	}
	return out
}

// Reading plain JSON data.

func sub(m map[string]any, key string) map[string]any {
	s, _ := m[key].(map[string]any)
	return s
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return ""
}

func strs(v any) []string {
	var out []string
	for _, x := range list(v) {
		out = append(out, str(x))
	}
	return out
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	}
	return 0, false
}

// parseColor reads "#rgb", "#rrggbb", "rgb(r,g,b)" and "rgba(r,g,b,a)".
func parseColor(s string) (color.Color, bool) {
	var r, g, b uint8
	var a float64 = 1
	switch {
	case len(s) == 7 && s[0] == '#':
		if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
			return nil, false
		}
	case len(s) == 4 && s[0] == '#':
		if _, err := fmt.Sscanf(s, "#%1x%1x%1x", &r, &g, &b); err != nil {
			return nil, false
		}
		r, g, b = r*17, g*17, b*17
	default:
		if _, err := fmt.Sscanf(s, "rgba(%d,%d,%d,%g)", &r, &g, &b, &a); err != nil {
			if _, err := fmt.Sscanf(s, "rgb(%d,%d,%d)", &r, &g, &b); err != nil {
				return nil, false
			}
		}
	}
	return color.NRGBA{r, g, b, uint8(math.Round(255 * math.Max(0, math.Min(1, a))))}, true
}

// withAlpha returns c with opacity a (0..1).
func withAlpha(c color.Color, a float64) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(math.Round(float64(n.A) * math.Max(0, math.Min(1, a))))
	return n
}

// sortedKeys returns the keys of m in increasing order.
func sortedKeys(m map[float64]float64) []float64 {
	return slices.Sorted(maps.Keys(m))
}
