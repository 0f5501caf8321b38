package lab

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

func TestSearchShowsTrialsAndImportance(t *testing.T) {
	t.Setenv("HYPERLAB_RUNS", t.TempDir())
	v := quick(t)
	space := []training.Dim{{Name: training.ParamLearningRate, Low: 1e-3, High: 0.3}, {Name: training.ParamHiddenNodes, Low: 2, High: 8}}
	var linkedPNG bool
	var linked string
	_, errOut, html, status := cell(t, true, nil, nil, func() {
		res := Search(v, "moons", training.Search{Space: space, Trials: 10, Seed: 1})
		res.ShowImportance()
		defer plotting.Capture(true, func(b plotting.Bundle) {
			linked, linkedPNG = b.HTML, len(b.PNG) > 0
		})()
		res.ShowLinked()
	})
	if status != -1 {
		t.Fatalf("exit %d: %s", status, errOut)
	}
	for _, want := range []string{`<table class="hyperlab-results">`, "Best of 10 trials", "Hyperparameter importance", "fANOVA", "learning_rate ", `class="hyperlab-linked"`, "axisareaselected"} {
		if !strings.Contains(html+linked, want) {
			t.Errorf("search output lacks %q", want)
		}
	}
	// Run again: every trial is replayed from the store, none trained.
	var events []training.TrialEvent
	res, err := SearchErr(context.Background(), v, "moons", training.Search{Space: space, Trials: 10, Seed: 1}, func(ev training.TrialEvent) { events = append(events, ev) })
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range events {
		if !ev.Done || !ev.Reused {
			t.Errorf("trial %d was trained again: %+v", ev.Trial, ev)
		}
	}
	if len(res.Rows) != 10 {
		t.Errorf("%d rows after the replay, want 10", len(res.Rows))
	}
	if !linkedPNG {
		t.Error("the linked views were shown without an image/png")
	}
	if !strings.Contains(linked, ">best_epoch<") || strings.Contains(linked, ">seconds<") {
		t.Error("the linked views' table should list the trials without wall-clock seconds (they change a saved notebook at every run)")
	}
	if !strings.Contains(ImportanceSummary([]training.Importance{{Name: "learning_rate", Share: 0.8}}), "learning_rate 80%") {
		t.Error("ImportanceSummary does not give the share in percent")
	}
}

// The method under the importance chart is shown in the reader's language.
func TestImportanceMethodTranslated(t *testing.T) {
	if !i18n.Has(i18n.Chinese, training.ImportanceMethod) {
		t.Errorf("training.ImportanceMethod has no zh translation in internal/i18n: %q", training.ImportanceMethod)
	}
	if got := i18n.In(i18n.Chinese, training.ImportanceMethod); !strings.Contains(got, "fANOVA") || got == training.ImportanceMethod {
		t.Errorf("zh method = %q", got)
	}
}

// A seeded search trains one trial at a time, so that two executions in
// fresh stores propose the same values in the same trial order, and it
// replays the runs a parallel grid stored before it in the same order.
func TestSeededSearchRepeats(t *testing.T) {
	v := quick(t)
	space := []training.Dim{{Name: training.ParamLearningRate, Low: 1e-3, High: 0.3}, {Name: training.ParamHiddenNodes, Low: 2, High: 8}}
	grid, err := training.GridTrials(v, map[string][]any{training.ParamLearningRate: {0.003, 0.01, 0.03, 0.1}})
	if err != nil {
		t.Fatal(err)
	}
	var runs [2][]string
	for i := range runs {
		t.Setenv("HYPERLAB_RUNS", t.TempDir())
		if _, err := SweepErr(context.Background(), v, "moons", grid, nil); err != nil {
			t.Fatal(err)
		}
		running, most := 0, 0
		res, err := SearchErr(context.Background(), v, "moons", training.Search{Space: space, Trials: 6, Seed: 3}, func(ev training.TrialEvent) {
			if ev.Done {
				running--
			} else {
				running++
			}
			most = max(most, running)
		})
		if err != nil {
			t.Fatal(err)
		}
		if most > 1 {
			t.Errorf("execution %d trained %d trials at once; a seeded search trains one at a time", i+1, most)
		}
		for _, r := range res.Rows {
			runs[i] = append(runs[i], fmt.Sprint(r.Trial, r.Values))
		}
	}
	if fmt.Sprint(runs[0]) != fmt.Sprint(runs[1]) {
		t.Errorf("the same seeded search proposed\n%v\nthen\n%v", runs[0], runs[1])
	}
}
