package plotting

import (
	"math"
	"reflect"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

func TestLossInfo(t *testing.T) {
	for _, tc := range []struct {
		name        string
		h           *history.History
		epochs      int
		best        *Marker
		diverged    *Marker
		notice      string
		wantMetrics []Metric
	}{
		{name: "nil", h: nil, notice: "No epochs yet."},
		{name: "finished", h: sampleHistory(), epochs: 4,
			best:        &Marker{Label: "best", Epoch: 3, Value: 0.45, Metric: ValLoss},
			wantMetrics: []Metric{TrainLoss, ValLoss, TrainAccuracy, ValAccuracy, LearningRate}},
		{name: "diverged", h: divergedHistory(), epochs: 2,
			best:        &Marker{Label: "best", Epoch: 1, Value: 3, Metric: ValLoss},
			diverged:    &Marker{Label: "diverged", Epoch: 2, Value: 40, Metric: TrainLoss},
			wantMetrics: []Metric{TrainLoss, ValLoss, TrainAccuracy, ValAccuracy, LearningRate}},
		{name: "diverged at once", h: &history.History{Status: history.Diverged, Err: "loss is NaN",
			Epochs: []history.Epoch{{Epoch: 1, TrainLoss: math.NaN()}}}, notice: "The run diverged in its first epoch: loss is NaN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := LossInfo(tc.h, LossOptions{})
			if len(d.Epochs) != tc.epochs || !reflect.DeepEqual(d.Best, tc.best) ||
				!reflect.DeepEqual(d.Diverged, tc.diverged) || d.Notice != tc.notice ||
				!reflect.DeepEqual(d.Metrics, tc.wantMetrics) {
				t.Errorf("LossInfo = %+v (best %+v, diverged %+v)", d, d.Best, d.Diverged)
			}
			if tc.notice != "" && len(d.Chart().Series()) != 0 {
				t.Error("an empty loss chart has series")
			}
		})
	}
}

// The loss chart drops non-positive values from a log axis and draws the
// diverged run up to its last finite epoch with a red marker.
func TestLossChart(t *testing.T) {
	h := divergedHistory()
	h.Epochs[0].ValLoss = 0
	c := Loss(h, LossOptions{LogY: true})
	if got, want := c.Series(), []Series{{"train loss", "line", 2}, {"validation loss", "line", 2}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Series = %v, want %v", got, want)
	}
	o := c.Option
	if v := at(o, "series", 1, "data", 0, "value", 2); v != nil {
		t.Errorf("a zero validation loss on a log axis is %v, want null", v)
	}
	mark := at(o, "series", 0, "markPoint", "data", 0)
	if at(mark, "value") != "diverged" || !reflect.DeepEqual(at(mark, "coord"), []any{2.0, 40.0}) {
		t.Errorf("divergence marker = %v", mark)
	}
	if at(mark, "itemStyle", "color") != "#d62728" {
		t.Errorf("the divergence marker is not red: %v", mark)
	}
}
