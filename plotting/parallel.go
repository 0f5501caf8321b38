package plotting

// ParallelAxis is one axis of a parallel-coordinates chart.
type ParallelAxis struct {
	Name       string
	Numeric    bool
	Log        bool
	Categories []string // the values in order, when not Numeric
}

// ParallelData is what Parallel draws: one axis per hyperparameter and a
// last one for the metric, and one line per trial.
type ParallelData struct {
	Title  string
	Axes   []ParallelAxis
	Lines  [][]any // per trial: one value per axis (a number or a category)
	Labels []string
	Notice string
}

// ParallelInfo collects a parallel-coordinates view of trials over all their
// hyperparameters and the metric; trials without a finite metric are left
// out.
func ParallelInfo(trials []Trial, opts SweepOptions) ParallelData {
	d := ParallelData{Title: opts.Title}
	if d.Title == "" {
		d.Title = "Hyperparameters and " + opts.metric()
	}
	var kept []Trial
	for _, t := range trials {
		if finite(t.Value) {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		d.Notice = "No finished trials to show."
		return d
	}
	names := paramNames(kept)
	for _, n := range names {
		cats, numeric := axisValues(kept, n)
		a := ParallelAxis{Name: n, Numeric: numeric, Log: numeric && opts.isLog(n)}
		if !numeric {
			a.Categories = cats
		}
		d.Axes = append(d.Axes, a)
	}
	d.Axes = append(d.Axes, ParallelAxis{Name: opts.metric(), Numeric: true})
	for _, t := range kept {
		line := make([]any, 0, len(d.Axes))
		for _, a := range d.Axes[:len(names)] {
			if a.Numeric {
				f, _ := toFloat(t.Values[a.Name])
				line = append(line, f)
			} else {
				line = append(line, valueText(t.Values, a.Name))
			}
		}
		d.Lines = append(d.Lines, append(line, t.Value))
		d.Labels = append(d.Labels, t.Label)
	}
	return d
}

// Parallel draws every trial as a line across one axis per hyperparameter
// and the metric, coloured by the metric.
func Parallel(trials []Trial, opts SweepOptions) *Chart {
	return ParallelInfo(trials, opts).Chart()
}

// Chart draws d.
func (d ParallelData) Chart() *Chart {
	if d.Notice != "" {
		return empty(d.Title, d.Notice)
	}
	c := newChart(d.Title)
	delete(c.Option, "legend")
	delete(c.Option, "grid")
	axes := make([]obj, len(d.Axes))
	for i, a := range d.Axes {
		ax := obj{"dim": i, "name": a.Name, "type": "value", "scale": true}
		switch {
		case !a.Numeric:
			ax["type"] = "category"
			ax["data"] = a.Categories
		case a.Log:
			ax["type"] = "log"
		}
		axes[i] = ax
	}
	data := make([]any, len(d.Lines))
	min, max := 0.0, 0.0
	for i, l := range d.Lines {
		vals := make([]any, len(l))
		for k, v := range l {
			if f, ok := v.(float64); ok {
				v = num(f)
			}
			vals[k] = v
		}
		data[i] = obj{"name": d.Labels[i], "value": vals}
		v := l[len(l)-1].(float64)
		if i == 0 || v < min {
			min = v
		}
		if i == 0 || v > max {
			max = v
		}
	}
	s := series("trials", "parallel", data)
	s["lineStyle"] = obj{"width": 2, "opacity": 0.7}
	c.Option["parallel"] = obj{"top": 70, "left": 60, "right": 80, "bottom": 60}
	c.Option["parallelAxis"] = axes
	c.Option["series"] = []obj{s}
	c.Option["visualMap"] = obj{"dimension": len(d.Axes) - 1, "min": num(min), "max": num(max), "show": true, "precision": 3,
		"orient": "vertical", "right": 0, "top": "middle", "calculable": true,
		"inRange": obj{"color": []string{"#313695", "#fee090", "#a50026"}}}
	return c
}
