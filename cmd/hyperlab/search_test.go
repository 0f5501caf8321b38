package main

import (
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// TestSearchPrunedTrialSurvivesSIGKILL runs a TPE search with the median
// pruner, SIGKILLs it right after it reports a pruned trial, and resumes
// it: every run pruned before the kill is still pruned after the resume,
// with the same epochs, read back rather than trained again, and the
// search ends with all its trials.
func TestSearchPrunedTrialSurvivesSIGKILL(t *testing.T) {
	bin := binary(t)
	runs := t.TempDir()
	args := []string{"sweep", "--search", "tpe", "--prune", "median", "--trials", "14",
		"--space", "learning_rate=1e-4:1", "--space", "optimizer=sgd,adam",
		"--epochs=12", "--size=400", "--runs", runs, "--parallel=1"}
	if !killWhen(t, containing("  pruned after "), 0, bin, args...) {
		t.Fatal("the search ended without pruning a trial; the test needs one")
	}
	store := moonsStore(t, runs, 400)
	pruned := map[string]int{}
	for _, r := range listRuns(t, store, "after the kill") {
		if r.Complete && r.History.Status == history.Pruned {
			pruned[r.ID] = len(r.History.Epochs)
			if len(r.History.Epochs) >= 12 {
				t.Errorf("run %s is pruned after all %d epochs", r.ID, len(r.History.Epochs))
			}
		}
	}
	if len(pruned) == 0 {
		t.Fatal("no run is stored as pruned after the kill")
	}
	out := mustRun(t, bin, args...)
	if n := strings.Count(out, "pruned after"); n < len(pruned) {
		t.Errorf("the resumed search reports %d pruned trials, fewer than the %d stored before:\n%s", n, len(pruned), out)
	}
	if !strings.Contains(out, "(stored, not retrained)") {
		t.Errorf("the resume trained everything again:\n%s", out)
	}
	complete := 0
	for _, r := range listRuns(t, store, "after the resume") {
		if !r.Complete {
			continue
		}
		complete++
		if ep, ok := pruned[r.ID]; ok && (r.History.Status != history.Pruned || len(r.History.Epochs) != ep) {
			t.Errorf("run %s was pruned after %d epochs; after the resume it is %s after %d", r.ID, ep, r.History.Status, len(r.History.Epochs))
		}
	}
	if complete < 14 {
		t.Errorf("%d complete runs after the resume, want the search's 14", complete)
	}
}
