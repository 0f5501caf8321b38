package plotting

import (
	"reflect"
	"strings"
	"testing"
)

func TestSweepInfo(t *testing.T) {
	trials := sampleTrials()
	s := SliceInfo(trials, "learning_rate", SweepOptions{LogParams: []string{"learning_rate"}})
	if !s.Numeric || !s.LogX || len(s.Points) != 6 {
		t.Errorf("SliceInfo = %+v", s)
	}
	h := HeatmapInfo(trials, "learning_rate", "optimizer", SweepOptions{})
	if !reflect.DeepEqual(h.XValues, []string{"0.001", "0.01", "0.1"}) || !reflect.DeepEqual(h.YValues, []string{"adam", "sgd"}) ||
		h.Cells[1][2] != 1.0/5 || h.Min != 0.2 || h.Max != 1 {
		t.Errorf("HeatmapInfo = %+v", h)
	}
	p := ParallelInfo(trials, SweepOptions{})
	names := []string{}
	for _, a := range p.Axes {
		names = append(names, a.Name)
	}
	if !reflect.DeepEqual(names, []string{"layers", "learning_rate", "optimizer", "validation loss"}) || len(p.Lines) != 6 {
		t.Errorf("ParallelInfo axes %v, %d lines", names, len(p.Lines))
	}
	if e := SliceInfo(nil, "x", SweepOptions{}); e.Notice == "" || len(e.Chart().Series()) != 0 {
		t.Errorf("an empty slice is %+v", e)
	}
}

func TestTrials(t *testing.T) {
	trials, err := Trials(sampleRuns(), TrainLoss)
	if err != nil {
		t.Fatal(err)
	}
	if len(trials) != 4 || trials[0].Value != 0.4 || trials[0].Label != "learning_rate=0.001" || trials[3].Value == trials[3].Value {
		t.Errorf("Trials = %+v; want the last train loss, and NaN for the diverged run", trials)
	}
	if _, err := Trials(nil, "nope"); err == nil {
		t.Error("Trials accepts an unknown metric")
	}
}

// An anchored colour scale spans the given range, widened to the cells;
// without one it spans the cells' own min and max.
func TestHeatmapColorRange(t *testing.T) {
	trials := sampleTrials()
	free := HeatmapInfo(trials, "learning_rate", "optimizer", SweepOptions{})
	if free.ScaleMin != free.Min || free.ScaleMax != free.Max {
		t.Errorf("unanchored scale %v…%v, want the cells' %v…%v", free.ScaleMin, free.ScaleMax, free.Min, free.Max)
	}
	anchored := HeatmapInfo(trials, "learning_rate", "optimizer", SweepOptions{ColorRange: [2]float64{0, 0.5}})
	if anchored.ScaleMin != 0 || anchored.ScaleMax != free.Max || free.Max <= 0.5 {
		t.Errorf("anchored scale %v…%v, want 0…%v (the range widened to the largest cell)", anchored.ScaleMin, anchored.ScaleMax, free.Max)
	}
	// go-echarts omits a zero min, and ECharts' visual map then starts at 0.
	if min, ok := onlyOption(t, anchored.Chart(), "visualMap")["min"]; ok && min != 0.0 {
		t.Errorf("the visual map starts at %v, want 0", min)
	}
	js, _ := free.Chart().OptionJSON()
	if !strings.Contains(string(js), `"min":0.2`) {
		t.Errorf("the unanchored visual map does not start at the smallest cell 0.2: %s", js)
	}
}
