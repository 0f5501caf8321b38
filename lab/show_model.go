package lab

import (
	"fmt"
	"math"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// Params tabulates the trainable parameters of the model each Values
// describes on the named dataset, without training: the layer sizes, the
// weights W and biases B, and their total. They are what training learns;
// the Values are what the developer chose.
func Params(dataset string, values ...hparams.Values) (Table, error) {
	t := Table{Header: i18n.Ts("model", "layer sizes", "weights W", "biases B", "parameters W+B")}
	labels := valueLabels(values)
	for i, v := range values {
		_, split, err := Setup{Dataset: dataset}.Load(v)
		if err != nil {
			return Table{}, err
		}
		p, err := training.NewPlan(v, split)
		if err != nil {
			return Table{}, err
		}
		sizes := []string{fmt.Sprint(p.Features)}
		w, b := 0, 0
		for _, l := range p.Layers {
			sizes = append(sizes, fmt.Sprint(l.Outputs))
			w, b = w+l.Weights, b+l.Biases
		}
		t.Rows = append(t.Rows, []string{labels[i], strings.Join(sizes, "→"), fmt.Sprint(w), fmt.Sprint(b), fmt.Sprint(w + b)})
	}
	return t, nil
}

// ShowParams shows Params.
func ShowParams(dataset string, values ...hparams.Values) {
	t, err := Params(dataset, values...)
	Check(err)
	t.Show()
}

// valueLabels names each Values by the hyperparameters that differ between
// them, as chart legends do.
func valueLabels(values []hparams.Values) []string {
	if len(values) == 1 {
		return []string{i18n.T("this model")}
	}
	runs := make([]plotting.Run, len(values))
	for i, v := range values {
		runs[i] = plotting.Run{Values: v.Map()}
	}
	return plotting.Labels(runs)
}

// ShowWeights shows how training moved the weights of a run trained with
// the Weights option: a histogram of every weight before and after
// training, and a table per layer of the mean absolute weight before and
// after and how far the weights moved, beside the hyperparameters, which
// training did not touch.
func ShowWeights(r *Run) {
	if r.Weights == nil || len(r.Weights.Before) == 0 || len(r.Weights.After) == 0 {
		Check(fmt.Errorf("lab: ShowWeights needs a run trained with lab.Weights(); add it to Train's options"))
	}
	before, after := flatten(r.Weights.Before), flatten(r.Weights.After)
	show(plotting.Histogram([]plotting.Sample{{Name: i18n.T("before training"), Values: before}, {Name: i18n.T("after training"), Values: after}},
		plotting.HistogramOptions{Title: i18n.T("Weights W before and after training"), XName: i18n.T("weight value"), Bins: 30}))
	t := Table{Header: i18n.Ts("layer", "W", "B", "mean |w| before", "mean |w| after", "mean |change|")}
	for i, l := range r.Weights.After {
		b := r.Weights.Before[i]
		t.Rows = append(t.Rows, []string{l.Name, fmt.Sprintf("%d×%d", l.Inputs, l.Outputs), fmt.Sprint(len(l.B)),
			num(meanAbs(b.W, nil)), num(meanAbs(l.W, nil)), num(meanAbs(l.W, b.W))})
	}
	changed := 0
	for i := range before {
		if before[i] != after[i] {
			changed++
		}
	}
	msg := i18n.Tf("Training changed %d of the %d weights W. It changed none of the %d hyperparameters: they are the values the run was given.",
		changed, len(before), len(r.Values.Map()))
	t.ShowWith(msg)
}

func flatten(layers []training.LayerWeights) []float64 {
	var out []float64
	for _, l := range layers {
		for _, w := range l.W {
			out = append(out, float64(w))
		}
	}
	return out
}

// meanAbs is the mean of |a-b| (|a| when b is nil).
func meanAbs(a, b []float32) float64 {
	if len(a) == 0 {
		return math.NaN()
	}
	s := 0.0
	for i, x := range a {
		d := float64(x)
		if b != nil {
			d -= float64(b[i])
		}
		s += math.Abs(d)
	}
	return s / float64(len(a))
}

// ShowBoundaries shows, side by side, the decision boundary of each run
// trained with the Boundary option: the class the model predicts over the
// plane, with the training points on top, titled with its label and its
// final training and validation loss.
func ShowBoundaries(runs ...*Run) {
	labels := plotting.Labels(plottingRuns(runs))
	var charts []*plotting.Chart
	for i, r := range runs {
		if r.Boundary == nil || len(r.Boundary.Class) == 0 {
			Check(fmt.Errorf("lab: ShowBoundaries needs runs trained with lab.Boundary(steps); run %q has no boundary", labels[i]))
		}
		title := labels[i]
		if len(runs) == 1 && r.Label == "" {
			title = i18n.T("Decision boundary")
		}
		c, err := boundaryChart(r, title)
		Check(err)
		charts = append(charts, c)
	}
	showSideBySide("", charts...) // each boundary's own size, which keeps its units equal
}

// boundaryChart draws the decision boundary of r, trained with the
// Boundary option, with its training points, titled title and subtitled
// with its final losses: the one drawing of ShowBoundaries and Playground.
func boundaryChart(r *Run, title string) (*plotting.Chart, error) {
	tr := r.Data.Train
	pts := make([]plotting.Point, tr.Len())
	for k := range pts {
		pts[k] = plotting.Point{X: float64(tr.X[2*k]), Y: float64(tr.X[2*k+1]), Class: int(tr.Labels[k])}
	}
	bo := plotting.BoundaryOptions{Title: title, ClassNames: tr.ClassNames}
	if last, ok := r.Last(); ok {
		bo.Subtitle = i18n.Tf("train loss %s · val loss %s", num(last.TrainLoss), num(last.ValLoss))
	}
	c, err := plotting.Boundary(plotting.Grid{Xs: r.Boundary.Xs, Ys: r.Boundary.Ys, Class: r.Boundary.Class}, pts, bo)
	if err != nil {
		return nil, err
	}
	return c, nil
}
