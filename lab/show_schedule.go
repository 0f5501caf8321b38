package lab

import (
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// Schedules returns the learning rate of every optimizer step that each
// Values would use on the named dataset, before training: x is the step
// counted in epochs (step / steps per epoch), labelled by the
// hyperparameters that differ.
func Schedules(dataset string, values ...hparams.Values) ([]plotting.Curve, error) {
	labels := valueLabels(values)
	curves := make([]plotting.Curve, len(values))
	for i, v := range values {
		_, split, err := Setup{Dataset: dataset}.Load(v)
		if err != nil {
			return nil, err
		}
		plan, err := training.NewPlan(v, split)
		if err != nil {
			return nil, err
		}
		spe, s := plan.StepsPerEpoch, plan.Schedule()
		c := plotting.Curve{Name: labels[i]}
		for step := range plan.Steps() {
			c.X = append(c.X, float64(step)/float64(spe))
			c.Y = append(c.Y, s.At(step))
		}
		curves[i] = c
	}
	return curves, nil
}

// ShowSchedules previews the learning-rate schedules of values, one curve
// each, before any training.
func ShowSchedules(dataset string, values ...hparams.Values) {
	curves, err := Schedules(dataset, values...)
	Check(err)
	show(plotting.Schedule(curves, plotting.ScheduleOptions{}))
}
