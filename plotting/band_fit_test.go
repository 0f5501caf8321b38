package plotting

import (
	"strings"
	"testing"
)

// One group's training and validation loss: two lines, the best epoch of
// the mean marked on the validation line only, the y axis named "loss".
func TestFitBandInfo(t *testing.T) {
	d, err := FitBandInfo(sampleGroups()[0], BandOptions{Band: SD})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lines) != 2 || d.Lines[0].Label != "training loss" || d.Lines[1].Label != "validation loss" {
		t.Fatalf("lines %+v; want training loss, then validation loss", d.Lines)
	}
	if d.Lines[0].BestEpoch != 0 || d.Lines[1].BestEpoch != 3 {
		t.Errorf("best epochs %d, %d; want none on the training loss and 3 (the mean's minimum) on the validation loss",
			d.Lines[0].BestEpoch, d.Lines[1].BestEpoch)
	}
	if d.yName() != "loss" || !strings.HasPrefix(d.Title, "Loss per epoch, mean of 3 seeds (band: ±1 s.d.)") {
		t.Errorf("y axis %q, title %q", d.yName(), d.Title)
	}
	if d.Lines[0].Mean[0] >= d.Lines[1].Mean[0] {
		t.Errorf("training loss %v not below validation loss %v at epoch 1 (lines swapped?)", d.Lines[0].Mean[0], d.Lines[1].Mean[0])
	}
	if _, err := FitBand(sampleGroups()[0], BandOptions{}); err != nil {
		t.Error(err)
	}
}

func TestFitBandEmpty(t *testing.T) {
	d, err := FitBandInfo(Group{}, BandOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Notice == "" {
		t.Error("a group without runs draws no notice")
	}
}
