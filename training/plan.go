package training

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// Plan is a run checked before it starts: Values converted to a Config and
// validated once, against the data it will train on. Run, FindLR,
// EstimateRuns and previews (the schedule, the model's size) all start
// from a Plan, so a mistake is reported the same way everywhere and the
// conversion happens once. Its fields are the result of those checks:
// read them, and make a new Plan for other Values or data.
type Plan struct {
	Values hparams.Values
	Data   datasets.Split
	Config Config

	// Loss is the loss trained with: Config.Loss with auto resolved for the
	// task.
	Loss string
	// Features and Outputs are the model's input and output widths (the
	// classes of a classifier, 1 for regression).
	Features, Outputs int
	// StepsPerEpoch is ceil(training rows / batch_size).
	StepsPerEpoch int
	// Layers are the model's dense layers with their parameter counts.
	Layers []history.LayerParams
	// Params is the number of trainable parameters.
	Params int
}

// NewPlan converts v (from any Spec; see ConfigOf) and checks it, alone
// and against data: every problem a run would meet before its first step
// is reported here, as a sentence saying what to change.
func NewPlan(v hparams.Values, data datasets.Split) (*Plan, error) {
	cfg, err := ConfigOf(v)
	if err != nil {
		return nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	loss, outputs, err := checkData(cfg, data)
	if err != nil {
		return nil, err
	}
	tr := data.Train
	p := &Plan{Values: v, Data: data, Config: cfg, Loss: loss, Features: tr.NumFeatures, Outputs: outputs,
		StepsPerEpoch: (tr.Len() + cfg.BatchSize - 1) / cfg.BatchSize,
		Layers:        cfg.Layers(tr.NumFeatures, outputs)}
	for _, l := range p.Layers {
		p.Params += l.Total()
	}
	return p, nil
}

// NewPlans is NewPlan for each of vs, in order; the first that cannot run
// is the error, NewPlan's.
func NewPlans(vs []hparams.Values, data datasets.Split) ([]*Plan, error) {
	plans := make([]*Plan, len(vs))
	for i, v := range vs {
		p, err := NewPlan(v, data)
		if err != nil {
			return nil, err
		}
		plans[i] = p
	}
	return plans, nil
}

// Steps is the number of optimizer steps of the whole run (without early
// stopping).
func (p *Plan) Steps() int { return p.StepsPerEpoch * p.Config.Epochs }

// Schedule is the learning-rate schedule the run will follow.
func (p *Plan) Schedule() Schedule { return NewSchedule(p.Config, p.StepsPerEpoch) }

// widths lists the layer widths of the model: inputs, hidden units, outputs.
func (p *Plan) widths() []int { return p.Config.widths(p.Features, p.Outputs) }

// widths lists the layer widths of an MLP: inputs, hidden units, outputs.
func (c Config) widths(inputs, outputs int) []int {
	return append(append([]int{inputs}, c.Hidden()...), outputs)
}

// checkData rejects a dataset the hyperparameters cannot train on, and
// returns the resolved loss and the number of model outputs.
func checkData(c Config, data datasets.Split) (loss string, outputs int, err error) {
	tr := data.Train
	if tr == nil || tr.Len() == 0 {
		return "", 0, fmt.Errorf("training: the training set is empty; load a dataset with rows")
	}
	if err := tr.Validate(); err != nil {
		return "", 0, fmt.Errorf("training: the training set is not usable: %w", err)
	}
	if c.BatchSize > tr.Len() {
		return "", 0, fmt.Errorf("training: %s=%d is larger than the training set (%d rows); use at most %d", ParamBatchSize, c.BatchSize, tr.Len(), tr.Len())
	}
	for _, d := range []*datasets.Dataset{data.Validation, data.Test} {
		if d == nil || d.Len() == 0 {
			continue
		}
		if d.NumFeatures != tr.NumFeatures || d.Task != tr.Task || d.NumClasses != tr.NumClasses {
			return "", 0, fmt.Errorf("training: the training set has %d features and %d classes but another split has %d and %d; split one dataset", tr.NumFeatures, tr.NumClasses, d.NumFeatures, d.NumClasses)
		}
	}
	loss, err = lossFor(c, tr.Task)
	if err != nil {
		return "", 0, err
	}
	outputs = 1
	if tr.Task == datasets.Classification {
		if tr.NumClasses < 2 {
			return "", 0, fmt.Errorf("training: %s has %d class; a classifier needs at least 2", tr.Name, tr.NumClasses)
		}
		outputs = tr.NumClasses
	}
	return loss, outputs, nil
}
