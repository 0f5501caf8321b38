package plotting

import "fmt"

// Palette is the colour of the n-th series or class, in order. It is
// ECharts' default palette, so charts of this package match other ECharts
// charts.
var Palette = []string{"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de",
	"#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"}

// colour returns Palette[i], wrapping around.
func colour(i int) string { return Palette[i%len(Palette)] }

// newChart returns a chart with a title, a legend and a toolbox to save it
// as an image; callers add axes and series.
func newChart(title string) *Chart {
	return &Chart{Option: obj{
		"animation": false,
		"title":     obj{"text": title, "left": "center"},
		"legend":    obj{"top": 28, "type": "scroll"},
		"grid":      obj{"top": 70, "left": 60, "right": 40, "bottom": 50, "containLabel": true},
		"toolbox":   obj{"feature": obj{"saveAsImage": obj{}, "dataZoom": obj{}, "restore": obj{}}},
		"series":    []obj{},
	}}
}

// empty returns a chart with no series and notice written in its middle:
// no data is not an error.
func empty(title, notice string) *Chart {
	c := newChart(title)
	delete(c.Option, "legend")
	delete(c.Option, "toolbox")
	c.Option["graphic"] = []obj{{
		"type": "text", "left": "center", "top": "middle",
		"style": obj{"text": notice, "fontSize": 14, "fill": "#888"},
	}}
	return c
}

// valueAxis returns an ECharts value axis; log makes it logarithmic.
func valueAxis(name string, log bool) obj {
	a := obj{"type": "value", "name": name, "nameLocation": "middle", "nameGap": 30, "scale": true}
	if log {
		a["type"] = "log"
	}
	return a
}

// series returns a named series of type typ with data points.
func series(name, typ string, data []any) obj {
	return obj{"name": name, "type": typ, "data": data}
}

// formatValue writes a hyperparameter value for a label: floats in %g,
// anything else with %v.
func formatValue(v any) string {
	switch x := v.(type) {
	case float64:
		return fmt.Sprintf("%g", x)
	case float32:
		return fmt.Sprintf("%g", x)
	case nil:
		return "none"
	}
	return fmt.Sprint(v)
}

// yAxis is a value axis whose name sits above it, where it cannot overlap
// the tick labels however wide they are.
func yAxis(name string, log bool) obj {
	a := valueAxis(name, log)
	a["nameLocation"] = "end"
	delete(a, "nameGap")
	return a
}
