package plotting

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
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

// With Epochs, step k of a run with s steps per epoch lands at x = k/s:
// batch sizes with 4 and 2 steps per epoch both end at epoch 2.
func TestStepLossEpochs(t *testing.T) {
	run := func(perEpoch int, loss ...float64) *history.History {
		return &history.History{Status: history.Finished, StepLoss: loss,
			Epochs: []history.Epoch{{Epoch: 1, Steps: perEpoch}, {Epoch: 2, Steps: perEpoch}}}
	}
	runs := []Run{{Label: "small", History: run(4, 1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3)}, {Label: "large", History: run(2, 1, 0.8, 0.6, 0.4)}}
	d := StepInfo(runs, StepOptions{Epochs: true})
	if d.Runs[0].PerEpoch != 4 || d.Runs[1].PerEpoch != 2 {
		t.Fatalf("steps per epoch %d, %d; want 4 and 2", d.Runs[0].PerEpoch, d.Runs[1].PerEpoch)
	}
	b, err := StepLoss(runs, StepOptions{Epochs: true}).OptionJSON()
	if err != nil {
		t.Fatal(err)
	}
	var o struct {
		XAxis  []struct{ Name string } `json:"xAxis"`
		Series []struct {
			Data []struct{ Value []float64 } `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	for i, s := range o.Series { // each run's raw and averaged line
		if x := s.Data[len(s.Data)-1].Value[0]; x != 2 {
			t.Errorf("series %d ends at x = %v; want epoch 2", i, x)
		}
	}
	if len(o.Series) != 4 || len(o.XAxis) == 0 || o.XAxis[0].Name != "epoch" {
		t.Errorf("%d series, x axis %+v; want 4 and epoch", len(o.Series), o.XAxis)
	}
}
