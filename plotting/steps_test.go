package plotting

import (
	"reflect"
	"strings"
	"testing"
)

func TestMovingAverage(t *testing.T) {
	for _, tc := range []struct {
		in     []float64
		window int
		want   []float64
	}{
		{[]float64{1, 2, 3, 4}, 2, []float64{1, 1.5, 2.5, 3.5}},
		{[]float64{1, 2, 3}, 0, []float64{1, 2, 3}},
		{[]float64{3, 3, 6}, 10, []float64{3, 3, 4}},
		{nil, 3, []float64{}},
	} {
		if got := MovingAverage(tc.in, tc.window); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("MovingAverage(%v, %d) = %v, want %v", tc.in, tc.window, got, tc.want)
		}
	}
}

func TestStepInfo(t *testing.T) {
	d := StepInfo([]Run{{Label: "a", History: divergedHistory()}, {Label: "none"}}, StepOptions{Window: 2})
	if len(d.Runs) != 1 || !reflect.DeepEqual(d.Runs[0].Loss, []float64{1, 3, 10, 50}) ||
		!reflect.DeepEqual(d.Runs[0].Average, []float64{1, 2, 6.5, 30}) || !d.Runs[0].Diverged {
		t.Errorf("StepInfo = %+v", d)
	}
	if got := StepLoss(nil, StepOptions{}).Series(); len(got) != 0 {
		t.Errorf("an empty step chart has series %v", got)
	}
}

// With Epochs, a run of 4 steps per epoch and one of 1 step per epoch share
// an axis of epochs: the 8th step of the first is epoch 2, as is the 2nd
// step of the second.
func TestStepInfoEpochs(t *testing.T) {
	small, full := sampleHistory(), divergedHistory()
	small.Epochs[0].Steps = 4
	full.Epochs[0].Steps = 1
	d := StepInfo([]Run{{Label: "batch 8", History: small}, {Label: "full batch", History: full}}, StepOptions{Epochs: true})
	if d.Runs[0].PerEpoch != 4 || d.Runs[1].PerEpoch != 1 {
		t.Fatalf("steps per epoch %d, %d; want 4, 1", d.Runs[0].PerEpoch, d.Runs[1].PerEpoch)
	}
	series := d.Chart().Series()
	if len(series) == 0 {
		t.Fatal("no series")
	}
	b, err := d.Chart().OptionJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"name":"epoch"`, `[2,0.6]`, `[2,3]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the chart's option lacks %s", want)
		}
	}
	if plain := StepInfo([]Run{{History: small}}, StepOptions{}); plain.Runs[0].PerEpoch != 0 {
		t.Errorf("without Epochs the x axis counts steps, got %d steps per epoch", plain.Runs[0].PerEpoch)
	}
}
