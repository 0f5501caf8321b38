package plotting

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// ECharts is a chart of go-echarts (charts.Line, charts.Bar,
// charts.Scatter, ...), as FromECharts takes it.
type ECharts interface {
	Validate()
	JSON() map[string]any
}

// FromECharts returns a Chart drawing the go-echarts chart ec, for charts
// this package has no constructor for; it renders, escapes and updates like
// the others. Leave JavaScript functions (opts.FuncOpts) out of ec: the
// Chart writes every option value as JSON data, never as code.
func FromECharts(ec ECharts) *Chart {
	ec.Validate() // go-echarts fills some options (x axis data) only here
	o, err := plain(ec.JSON())
	c := &Chart{Option: o, err: err}
	if err == nil {
		drawLarge(o)
		if extra := fitLegend(o); extra > 0 { // the legend's extra rows add to the default 400px
			c.Height = strconv.Itoa(400+extra) + "px"
		}
	}
	return c
}

// plain returns the option as plain JSON data (maps, slices, strings,
// float64s, bools, nils): extensions can then be merged into it, and it
// marshals with sorted keys at every level, so equal charts give equal
// bytes.
func plain(option map[string]any) (map[string]any, error) {
	b, err := json.Marshal(option)
	if err == nil {
		var out map[string]any
		if err = json.Unmarshal(b, &out); err == nil {
			return out, nil
		}
	}
	return nil, fmt.Errorf("plotting: the go-echarts option cannot be written as JSON: %w", err)
}

// extend applies f to the option unless building it failed.
func (c *Chart) extend(f func(o map[string]any)) *Chart {
	if c.err == nil {
		f(c.Option)
	}
	return c
}

// seriesAt returns the i-th series of option o.
func seriesAt(o map[string]any, i int) map[string]any {
	list, _ := o["series"].([]any)
	s, _ := list[i].(map[string]any)
	return s
}
