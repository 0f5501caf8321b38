package training

import "math"

// Schedule gives the learning rate of every optimizer step. It is plain Go,
// computed on the host and fed to the graph each step, so the rate a step
// used is exactly the rate recorded.
type Schedule struct {
	Kind          string  // constant, step, exponential or cosine
	Base          float64 // learning_rate
	WarmupEpochs  int     // lr_warmup_epochs
	DecayRate     float64 // lr_decay_rate
	DecayEpochs   int     // lr_decay_epochs
	StepsPerEpoch int
	Epochs        int
}

// NewSchedule returns the schedule c describes for stepsPerEpoch steps per
// epoch.
func NewSchedule(c Config, stepsPerEpoch int) Schedule {
	return Schedule{Kind: c.LRSchedule, Base: c.LearningRate, WarmupEpochs: c.LRWarmupEpochs,
		DecayRate: c.LRDecayRate, DecayEpochs: c.LRDecayEpochs, StepsPerEpoch: stepsPerEpoch, Epochs: c.Epochs}
}

// At returns the learning rate of step (counted from 0 over the whole run).
//
// Warmup raises the rate linearly from Base/W to Base over the first W =
// WarmupEpochs×StepsPerEpoch steps. Then step decay multiplies the rate by
// DecayRate every DecayEpochs epochs (counted from the start of training),
// exponential decay does the same smoothly, and cosine falls from Base
// after the warmup towards 0 at the end of training along half a cosine
// (as PyTorch's CosineAnnealingLR with T_max = the steps after warmup).
func (s Schedule) At(step int) float64 {
	spe := max(s.StepsPerEpoch, 1)
	warm := s.WarmupEpochs * spe
	if step < warm {
		return s.Base * float64(step+1) / float64(warm)
	}
	at, err := scheduleRegistry.lookup(s.Kind)
	if err != nil || at == nil { // Validate refuses an unknown lr_schedule
		return s.Base
	}
	return at(s, step, warm, spe)
}

// scheduleFn is the rate of step after the warmup of warm steps, with spe
// steps per epoch.
type scheduleFn func(s Schedule, step, warm, spe int) float64

// scheduleRegistry lists every learning-rate schedule: the choices of
// ParamLRSchedule.
var scheduleRegistry = &registry[scheduleFn]{param: ParamLRSchedule, entries: []entry[scheduleFn]{
	{Choice{"constant", "learning_rate throughout"}, func(s Schedule, _, _, _ int) float64 { return s.Base }},
	{Choice{"step", "multiplied by lr_decay_rate every lr_decay_epochs epochs"}, func(s Schedule, step, _, spe int) float64 {
		epochs := float64(step) / float64(spe) // epochs done before this step
		return s.Base * math.Pow(s.DecayRate, math.Floor(epochs/float64(max(s.DecayEpochs, 1))))
	}},
	{Choice{"exponential", "multiplied by lr_decay_rate per lr_decay_epochs epochs, smoothly at every step"}, func(s Schedule, step, _, spe int) float64 {
		epochs := float64(step) / float64(spe)
		return s.Base * math.Pow(s.DecayRate, epochs/float64(max(s.DecayEpochs, 1)))
	}},
	{Choice{"cosine", "half a cosine from learning_rate after the warmup to 0 at the last step"}, func(s Schedule, step, warm, spe int) float64 {
		total := s.Epochs*spe - warm
		if total <= 0 {
			return s.Base
		}
		progress := float64(step-warm) / float64(total)
		return s.Base * 0.5 * (1 + math.Cos(math.Pi*min(progress, 1)))
	}},
}}
