package training

import (
	"context"
	"math"
	"testing"
)

func TestScheduleAt(t *testing.T) {
	base := Schedule{Base: 0.1, DecayRate: 0.5, DecayEpochs: 2, StepsPerEpoch: 10, Epochs: 10}
	with := func(kind string, warmup int) Schedule {
		s := base
		s.Kind, s.WarmupEpochs = kind, warmup
		return s
	}
	tests := []struct {
		name string
		s    Schedule
		step int
		want float64
	}{
		{"constant", with("constant", 0), 57, 0.1},
		{"step before the first decay", with("step", 0), 19, 0.1},
		{"step after one decay", with("step", 0), 20, 0.05},
		{"step after two decays", with("step", 0), 45, 0.025},
		{"exponential halfway to a decay", with("exponential", 0), 10, 0.1 * math.Pow(0.5, 0.5)},
		{"exponential at a decay", with("exponential", 0), 40, 0.025},
		{"cosine start", with("cosine", 0), 0, 0.1},
		{"cosine middle", with("cosine", 0), 50, 0.05},
		{"cosine last step", with("cosine", 0), 99, 0.1 * 0.5 * (1 + math.Cos(math.Pi*99/100))},
		{"warmup first step", with("cosine", 2), 0, 0.1 / 20},
		{"warmup last step", with("cosine", 2), 19, 0.1},
		{"cosine after warmup", with("cosine", 2), 20, 0.1},
		{"cosine halfway after warmup", with("cosine", 2), 60, 0.05},
		{"warmup on constant", with("constant", 1), 4, 0.05},
	}
	for _, tt := range tests {
		if got := tt.s.At(tt.step); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: At(%d) = %g, want %g", tt.name, tt.step, got, tt.want)
		}
	}
}

// The learning rate recorded per epoch is the schedule's rate of the
// epoch's last step, and the rate fed to the optimizer: a decayed rate
// changes the trajectory.
func TestRunRecordsScheduledLearningRate(t *testing.T) {
	data := moons(t)
	v := values(t, "epochs", 6, "lr_schedule", "step", "lr_decay_epochs", 2, "lr_decay_rate", 0.5, "learning_rate", 0.04)
	h, err := Run(context.Background(), v, data)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{0.04, 0.04, 0.02, 0.02, 0.01, 0.01}
	for i, e := range h.Epochs {
		if math.Abs(e.LearningRate-want[i]) > 1e-12 {
			t.Errorf("epoch %d: learning rate %g, want %g", e.Epoch, e.LearningRate, want[i])
		}
	}
	constant, err := Run(context.Background(), values(t, "epochs", 6, "learning_rate", 0.04), data)
	if err != nil {
		t.Fatal(err)
	}
	steps := h.Epochs[0].Steps
	if h.StepLoss[2*steps-1] != constant.StepLoss[2*steps-1] {
		t.Errorf("the first two epochs differ from a constant rate's though the rate is the same")
	}
	if h.StepLoss[2*steps+1] == constant.StepLoss[2*steps+1] {
		t.Errorf("after the decay the losses equal a constant rate's: the decayed rate did not reach the optimizer")
	}
}
