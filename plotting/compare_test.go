package plotting

import (
	"strings"
	"testing"
)

func TestCompareInfo(t *testing.T) {
	d, err := CompareInfo(sampleRuns(), CompareOptions{ColorBy: "learning_rate"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Metric != ValLoss || len(d.Lines) != 4 {
		t.Fatalf("CompareInfo: metric %s, %d lines", d.Metric, len(d.Lines))
	}
	if d.Lines[0].Label != "learning_rate=0.001" || d.Lines[0].Color != "#313695" || d.Lines[3].Color != "#d73027" {
		t.Errorf("first/last line: %+v / %+v", d.Lines[0], d.Lines[3])
	}
	if d.Lines[3].Diverged == nil || d.Lines[3].Diverged.Epoch != 2 || len(d.Lines[3].Epochs) != 2 {
		t.Errorf("the diverged run is %+v, want 2 epochs and a marker at epoch 2", d.Lines[3])
	}
	if _, err := CompareInfo(nil, CompareOptions{Metric: "loss"}); err == nil || !strings.Contains(err.Error(), `unknown metric "loss"`) {
		t.Errorf("an unknown metric gives %v", err)
	}
	cat, err := CompareInfo(sampleRuns()[:2], CompareOptions{ColorBy: "optimizer", Metric: TrainLoss})
	if err != nil {
		t.Fatal(err)
	}
	if cat.Lines[0].Color != Palette[0] || cat.Lines[1].Color != Palette[0] {
		t.Errorf("runs with the same optimizer have colours %s and %s", cat.Lines[0].Color, cat.Lines[1].Color)
	}
}
