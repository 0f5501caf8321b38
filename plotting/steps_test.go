package plotting

import (
	"reflect"
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
