package training

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
)

func TestMeasureBatchCost(t *testing.T) {
	data := load(t, "moons", datasets.Options{Size: 300, Noise: 0.2, Seed: 1})
	// A notebook's own Spec that declares neither batch_size nor epochs.
	spec, err := hparams.NewBuilder().Float(ParamLearningRate, 0.05, "rate").Spec()
	if err != nil {
		t.Fatal(err)
	}
	costs, err := MeasureBatchCost(context.Background(), spec.Defaults(), data, []int{8, 240}, BatchCostOptions{Epochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(costs) != 2 {
		t.Fatalf("%d costs, want 2", len(costs))
	}
	train := data.Train.Len() // 240
	for _, c := range costs {
		if want := (train + c.BatchSize - 1) / c.BatchSize; c.StepsPerEpoch != want {
			t.Errorf("batch %d: %d steps per epoch, want ⌈%d/%d⌉ = %d", c.BatchSize, c.StepsPerEpoch, train, c.BatchSize, want)
		}
		if split := c.StepSeconds * float64(c.StepsPerEpoch); !(c.EpochSeconds > 0) || math.Abs(split-c.EpochSeconds) > 1e-12*c.EpochSeconds {
			t.Errorf("batch %d: epoch %gs, step %gs; want a positive epoch time split over the steps", c.BatchSize, c.EpochSeconds, c.StepSeconds)
		}
	}
	// A step over 30 times the rows allocates more: its activations and
	// gradients are 30 times larger.
	if small, large := costs[0].StepBytes, costs[1].StepBytes; !(small > 0 && large > small) {
		t.Errorf("step bytes %d (batch 8) and %d (batch 240); want both positive and the larger batch larger", small, large)
	}
}

func TestMeasureBatchCostErrors(t *testing.T) {
	data := load(t, "moons", datasets.Options{Size: 100, Seed: 1})
	v := Spec.Defaults()
	for _, tc := range []struct {
		sizes []int
		o     BatchCostOptions
		want  string
	}{
		{nil, BatchCostOptions{}, "no batch sizes"},
		{[]int{8}, BatchCostOptions{Epochs: -1}, "Epochs=-1"},
		{[]int{500}, BatchCostOptions{Epochs: 1}, "batch_size=500"},
	} {
		if _, err := MeasureBatchCost(context.Background(), v, data, tc.sizes, tc.o); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("sizes %v, %+v: error %v, want one mentioning %q", tc.sizes, tc.o, err, tc.want)
		}
	}
}
