package plotting

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func sampleLRPoints() []LRPoint {
	return []LRPoint{
		{LearningRate: 1e-4, Loss: 0.70, Smoothed: 0.70},
		{LearningRate: 1e-3, Loss: 0.66, Smoothed: 0.68},
		{LearningRate: 1e-2, Loss: 0.40, Smoothed: 0.55},
		{LearningRate: 1e-1, Loss: 0.30, Smoothed: 0.42},
		{LearningRate: 1, Loss: 40, Smoothed: 2.5},
	}
}

func TestLRRangeInfo(t *testing.T) {
	d := LRRangeInfo(append(sampleLRPoints(), LRPoint{LearningRate: 0, Loss: 1}), 0.01)
	if len(d.Points) != 5 || d.Suggested != 0.01 || d.YMax != 3 || d.Notice != "" {
		t.Errorf("LRRangeInfo = %+v; want the 5 positive-rate points, suggested 0.01, y up to 3 (1.2 × the highest smoothed loss)", d)
	}
	if e := LRRangeInfo(nil, math.NaN()); e.Notice == "" || e.Chart().Option["graphic"] == nil {
		t.Errorf("no points: want an empty chart with a notice, got %+v", e)
	}
}

func TestLRRangeGolden(t *testing.T) {
	optionGolden(t, "lr_range", LRRange(sampleLRPoints(), 0.01))
	optionGolden(t, "lr_range_marks", LRRangeMarks(sampleLRPoints(), []LRMark{{"valley", 0.003, true}, {"slide", 0.02, false},
		{"steep", 0.01, false}, {"minimum", 0.005, false}, {"none", math.NaN(), false}}))
	b, err := LRRange(sampleLRPoints(), math.NaN()).OptionJSON()
	if err != nil || strings.Contains(string(b), "markLine") {
		t.Errorf("no suggestion must draw no marker line (err %v)", err)
	}
}

func TestHistogramInfo(t *testing.T) {
	d := HistogramInfo([]Sample{{Name: "before", Values: []float64{0, 1, 2, 3, math.NaN()}}, {Name: "after", Values: []float64{4, 4}}},
		HistogramOptions{Bins: 2, Title: "Weights"})
	want := HistogramData{Title: "Weights", XName: "value", Centers: []float64{1, 3},
		Counts: [][]float64{{2, 2}, {0, 2}}, Names: []string{"before", "after"}}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("HistogramInfo = %+v; want %+v", d, want)
	}
	if e := HistogramInfo([]Sample{{Name: "nan", Values: []float64{math.NaN()}}}, HistogramOptions{}); e.Notice == "" {
		t.Errorf("no finite values: want a notice, got %+v", e)
	}
}

func TestHistogramGolden(t *testing.T) {
	optionGolden(t, "histogram", Histogram([]Sample{{Name: "before training", Values: []float64{-0.5, -0.2, 0, 0.1, 0.4}},
		{Name: "after training", Values: []float64{-0.9, -0.3, 0.2, 0.6, 1.1}}}, HistogramOptions{Title: "Weights W", XName: "weight value", Bins: 4}))
}
