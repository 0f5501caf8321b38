package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestSweepSurvivesRandomKills starts the same sweep again and again, each
// time SIGKILLing the process at a random moment (seeded, so a failure can
// be replayed), and checks after every kill that every run in the store
// loads, that a run is complete only if it finished all its epochs, and
// that no run is left marked as being written. A last, uninterrupted run
// must then train exactly the trials not yet complete and leave all of
// them finished.
func TestSweepSurvivesRandomKills(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a sweep process many times")
	}
	const (
		kills  = 8
		trials = 10
		epochs = 20
	)
	bin := binary(t)
	runs := t.TempDir()
	args := []string{"sweep", "--grid", "learning_rate=0.001,0.003,0.01,0.03,0.1", "--grid", "batch_size=8,16",
		"--epochs=20", "--size=600", "--runs", runs, "--parallel=2"}
	rng := rand.New(rand.NewPCG(8, 2026))
	store := moonsStore(t, runs, 600)
	for k := range kills {
		// Kill after a random number of progress lines (plus a few
		// milliseconds, to land between writes too): the kill points then
		// depend on the seed, not on how loaded the machine is.
		after := 1 + rng.IntN(30)
		delay := time.Duration(rng.IntN(20)) * time.Millisecond
		lines := 0
		killWhen(t, func(string) bool { lines++; return lines == after }, delay, bin, args...)

		list := listRuns(t, store, fmt.Sprintf("after kill %d (after %d lines + %v)", k+1, after, delay))
		complete := 0
		for _, r := range list {
			if r.Active {
				t.Errorf("kill %d: run %s is still marked as being written", k+1, r.ID)
			}
			if !r.Complete {
				continue
			}
			complete++
			if r.History.Status != "finished" || len(r.History.Epochs) != epochs {
				t.Errorf("kill %d: run %s is complete with status %s and %d epochs, want finished and %d",
					k+1, r.ID, r.History.Status, len(r.History.Epochs), epochs)
			}
		}
		t.Logf("kill %d after %d lines + %v: %d runs stored, %d complete", k+1, after, delay, len(list), complete)
	}

	before := listRuns(t, store, "after the kills")
	complete := 0
	for _, r := range before {
		if r.Complete {
			complete++
		}
	}
	out := mustRun(t, bin, args...)
	if started := strings.Count(out, ": start "); started != trials-complete {
		t.Errorf("the last sweep trained %d trials, want the %d not complete:\n%s", started, trials-complete, out)
	}
	allFinished(t, store, trials, epochs)
}
