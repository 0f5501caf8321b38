package plotting

import (
	"math"
	"strconv"
)

// HeatmapData is what Heatmap draws: the mean metric of the trials in each
// cell of two hyperparameters (NaN for an empty cell).
type HeatmapData struct {
	Title, XParam, YParam, Metric string
	XValues, YValues              []string
	Cells                         [][]float64 // [y][x]
	Min, Max                      float64
	Notice                        string
}

// HeatmapInfo collects the mean final metric over a grid of two
// hyperparameters.
func HeatmapInfo(trials []Trial, xParam, yParam string, opts SweepOptions) HeatmapData {
	d := HeatmapData{Title: opts.Title, XParam: xParam, YParam: yParam, Metric: opts.metric()}
	if d.Title == "" {
		d.Title = capitalize(d.Metric) + " by " + xParam + " and " + yParam
	}
	var kept []Trial
	for _, t := range trials {
		_, okx := t.Values[xParam]
		_, oky := t.Values[yParam]
		if okx && oky && finite(t.Value) {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		d.Notice = "No finished trials with " + xParam + " and " + yParam + " to show."
		return d
	}
	d.XValues, _ = axisValues(kept, xParam)
	d.YValues, _ = axisValues(kept, yParam)
	sum := make([][]float64, len(d.YValues))
	count := make([][]int, len(d.YValues))
	for i := range sum {
		sum[i] = make([]float64, len(d.XValues))
		count[i] = make([]int, len(d.XValues))
	}
	for _, t := range kept {
		xi := indexOfString(d.XValues, valueText(t.Values, xParam))
		yi := indexOfString(d.YValues, valueText(t.Values, yParam))
		sum[yi][xi] += t.Value
		count[yi][xi]++
	}
	d.Min, d.Max = math.Inf(1), math.Inf(-1)
	d.Cells = make([][]float64, len(d.YValues))
	for yi := range sum {
		d.Cells[yi] = make([]float64, len(d.XValues))
		for xi := range sum[yi] {
			v := math.NaN()
			if count[yi][xi] > 0 {
				v = sum[yi][xi] / float64(count[yi][xi])
				d.Min, d.Max = math.Min(d.Min, v), math.Max(d.Max, v)
			}
			d.Cells[yi][xi] = v
		}
	}
	return d
}

// Heatmap draws the mean final metric over two hyperparameters.
func Heatmap(trials []Trial, xParam, yParam string, opts SweepOptions) *Chart {
	return HeatmapInfo(trials, xParam, yParam, opts).Chart()
}

// Chart draws d.
func (d HeatmapData) Chart() *Chart {
	if d.Notice != "" {
		return empty(d.Title, d.Notice)
	}
	c := newChart(d.Title)
	delete(c.Option, "legend")
	var data []any
	for yi, row := range d.Cells {
		for xi, v := range row {
			if finite(v) {
				data = append(data, []any{xi, yi, round4(v)})
			}
		}
	}
	s := series(d.Metric, "heatmap", data)
	s["label"] = obj{"show": true, "formatter": "{@[2]}"}
	c.Option["series"] = []obj{s}
	c.Option["tooltip"] = obj{"trigger": "item"}
	c.Option["grid"] = obj{"top": 60, "left": 60, "right": 40, "bottom": 90, "containLabel": true}
	c.Option["xAxis"] = obj{"type": "category", "name": d.XParam, "nameLocation": "middle", "nameGap": 30, "data": d.XValues}
	c.Option["yAxis"] = obj{"type": "category", "name": d.YParam, "nameLocation": "middle", "nameGap": 50, "data": d.YValues}
	c.Option["visualMap"] = obj{"min": num(d.Min), "max": num(d.Max), "precision": 3, "calculable": true, "orient": "horizontal",
		"left": "center", "bottom": 5, "inRange": obj{"color": []string{"#313695", "#74add1", "#fee090", "#f46d43", "#a50026"}}}
	return c
}

// round4 rounds v to 4 significant digits, for the labels of cells.
func round4(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 4, 64), 64)
	return f
}

func indexOfString(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
