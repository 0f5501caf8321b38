package lab

import (
	"github.com/hyperlab-go/hyperlab/plotting"
)

type obj = map[string]any

// line is one series of an xyChart: points (x, y), optionally with a
// vertical marker line at MarkX.
type line struct {
	Name   string
	X, Y   []float64
	Dashed bool
	MarkX  []markX
}

type markX struct {
	Label string
	X     float64
}

// xyChart draws lines over a value (or log) x axis, for the charts the
// plotting package does not have: loss against learning rate, metrics
// against batch size.
func xyChart(title, xName string, xLog bool, yName string, yLog bool, lines ...line) *plotting.Chart {
	var series []obj
	for i, l := range lines {
		data := make([]any, 0, len(l.X))
		for k := range l.X {
			if k < len(l.Y) && finite(l.Y[k]) && (!yLog || l.Y[k] > 0) {
				data = append(data, []any{l.X[k], l.Y[k]})
			}
		}
		s := obj{"name": l.Name, "type": "line", "data": data, "showSymbol": len(data) <= 40,
			"color": plotting.Palette[i%len(plotting.Palette)]}
		if l.Dashed {
			s["lineStyle"] = obj{"type": "dashed"}
		}
		if len(l.MarkX) > 0 {
			var marks []obj
			for _, m := range l.MarkX {
				marks = append(marks, obj{"name": m.Label, "xAxis": m.X, "label": obj{"formatter": m.Label}})
			}
			s["markLine"] = obj{"symbol": "none", "data": marks, "lineStyle": obj{"color": "#d62728"}}
		}
		series = append(series, s)
	}
	axis := func(name string, log bool) obj {
		a := obj{"type": "value", "name": name, "nameLocation": "middle", "nameGap": 30, "scale": true}
		if log {
			a["type"] = "log"
		}
		return a
	}
	return &plotting.Chart{Option: obj{
		"animation": false,
		"title":     obj{"text": title, "left": "center"},
		"legend":    obj{"top": 28, "type": "scroll"},
		"grid":      obj{"top": 70, "left": 60, "right": 40, "bottom": 50, "containLabel": true},
		"tooltip":   obj{"trigger": "axis"},
		"xAxis":     axis(xName, xLog),
		"yAxis":     axis(yName, yLog),
		"series":    series,
	}}
}

// bar is one series of a barChart.
type bar struct {
	Name   string
	Values []float64
}

// barChart draws grouped bars over categories.
func barChart(title, xName, yName string, categories []string, bars ...bar) *plotting.Chart {
	var series []obj
	for i, b := range bars {
		s := obj{"name": b.Name, "type": "bar", "data": b.Values, "color": plotting.Palette[i%len(plotting.Palette)]}
		if len(bars) > 1 {
			s["barGap"] = "0%"
		}
		series = append(series, s)
	}
	return &plotting.Chart{Option: obj{
		"animation": false,
		"title":     obj{"text": title, "left": "center"},
		"legend":    obj{"top": 28},
		"grid":      obj{"top": 70, "left": 60, "right": 40, "bottom": 50, "containLabel": true},
		"tooltip":   obj{"trigger": "axis"},
		"xAxis":     obj{"type": "category", "name": xName, "nameLocation": "middle", "nameGap": 30, "data": categories},
		"yAxis":     obj{"type": "value", "name": yName, "nameLocation": "middle", "nameGap": 40},
		"series":    series,
	}}
}
