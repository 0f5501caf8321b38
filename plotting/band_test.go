package plotting

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// seedRuns is one configuration over three seeds: validation loss per epoch.
func seedRuns(scale float64) []*history.History {
	var out []*history.History
	for s, shift := range []float64{0, 0.02, -0.02} {
		h := &history.History{Status: history.Finished}
		for e, v := range []float64{0.7, 0.5, 0.4, 0.45} {
			h.Epochs = append(h.Epochs, history.Epoch{Epoch: e + 1, TrainLoss: scale * v * 0.9, ValLoss: scale*v + shift,
				ValAccuracy: math.NaN(), ValError: math.NaN(), TrainAccuracy: math.NaN(), LearningRate: 0.1, Seconds: 0.01 * float64(s+1)})
		}
		out = append(out, h)
	}
	return out
}

func sampleGroups() []Group {
	return []Group{
		{Values: map[string]any{"learning_rate": 0.1, "epochs": 4}, Runs: seedRuns(1)},
		{Values: map[string]any{"learning_rate": 0.01, "epochs": 4}, Runs: seedRuns(1.5)},
	}
}

func TestBandGolden(t *testing.T) {
	c, err := Band(sampleGroups(), BandOptions{})
	if err != nil {
		t.Fatal(err)
	}
	optionGolden(t, "band", c)
	c, err = Band(sampleGroups(), BandOptions{Band: SD, LogY: true, Metric: TrainLoss})
	if err != nil {
		t.Fatal(err)
	}
	optionGolden(t, "band_sd_log", c)
}

// The data of a band chart: mean, min–max, seeds per epoch, the best epoch
// of the mean, labels from the differing hyperparameter.
func TestBandInfo(t *testing.T) {
	d, err := BandInfo(sampleGroups(), BandOptions{})
	if err != nil {
		t.Fatal(err)
	}
	l := d.Lines[0]
	if l.Label != "learning_rate=0.1" || d.Lines[1].Label != "learning_rate=0.01" {
		t.Errorf("labels %q, %q", l.Label, d.Lines[1].Label)
	}
	round := func(xs []float64) []float64 {
		out := make([]float64, len(xs))
		for i, x := range xs {
			out[i] = math.Round(x*1000) / 1000
		}
		return out
	}
	if got := round(l.Mean); !reflect.DeepEqual(got, []float64{0.7, 0.5, 0.4, 0.45}) {
		t.Errorf("mean %v", got)
	}
	if got := round(l.Lower); !reflect.DeepEqual(got, []float64{0.68, 0.48, 0.38, 0.43}) {
		t.Errorf("lower %v", got)
	}
	if l.BestEpoch != 3 || !reflect.DeepEqual(l.Seeds, []int{3, 3, 3, 3}) {
		t.Errorf("best epoch %d, seeds %v", l.BestEpoch, l.Seeds)
	}
	if !strings.Contains(d.Title, "mean of 3 seeds (band: min–max)") {
		t.Errorf("title %q does not say what the band is", d.Title)
	}
	if _, err := BandInfo(sampleGroups(), BandOptions{Band: "iqr"}); err == nil || !strings.Contains(err.Error(), `band "iqr"`) {
		t.Errorf("unknown band: %v", err)
	}
	if d, _ := BandInfo(nil, BandOptions{}); d.Notice == "" {
		t.Error("no groups: no notice")
	}
}

// A group whose every seed diverged ends with the "diverged" marker, as a
// diverged run does on Compare's chart, and has no best epoch; one that
// diverged on some seeds only is not marked.
func TestBandDiverged(t *testing.T) {
	blown := func(runs []*history.History, k int) []*history.History {
		for _, h := range runs[:k] {
			h.Status = history.Diverged
			h.Epochs[3].TrainLoss, h.Epochs[3].ValLoss = math.Inf(1), math.NaN()
		}
		return runs
	}
	groups := []Group{
		{Values: map[string]any{"learning_rate": 10}, Runs: blown(seedRuns(1), 3)},
		{Values: map[string]any{"learning_rate": 5}, Runs: blown(seedRuns(1), 1)},
	}
	d, err := BandInfo(groups, BandOptions{Metric: TrainLoss, LogY: true})
	if err != nil {
		t.Fatal(err)
	}
	all, some := d.Lines[0], d.Lines[1]
	if all.Diverged == nil || all.Diverged.Label != "diverged" || all.Diverged.Epoch != 3 || all.BestEpoch != 0 {
		t.Errorf("all seeds diverged: marker %+v, best epoch %d; want a diverged marker at epoch 3 and no best", all.Diverged, all.BestEpoch)
	}
	if some.Diverged != nil {
		t.Errorf("one seed of three diverged: marker %+v, want none", some.Diverged)
	}
	if b, err := d.Chart().OptionJSON(); err != nil || !strings.Contains(string(b), `"name":"diverged"`) {
		t.Error("the chart carries no diverged mark point")
	}
}

// A fixed y range sets the axis' ends, widened to the bands; without one
// the axis fits the data.
func TestBandYRange(t *testing.T) {
	axis := func(o BandOptions) map[string]any {
		t.Helper()
		c, err := Band(sampleGroups(), o)
		if err != nil {
			t.Fatal(err)
		}
		return onlyOption(t, c, "yAxis")
	}
	if y := axis(BandOptions{}); y["min"] != nil || y["max"] != nil || y["scale"] != true {
		t.Errorf("fitted axis = %v; want no ends and scale", y)
	}
	// The validation losses reach 1.5×0.7+0.02 = 1.07, above the range's 1.
	y := axis(BandOptions{YRange: [2]float64{0, 1}})
	if y["min"] != 0.0 || math.Abs(y["max"].(float64)-1.07) > 1e-9 || y["scale"] == true {
		t.Errorf("fixed axis = %v; want min 0, max 1.07 (widened to the highest band), no scale", y)
	}
}
