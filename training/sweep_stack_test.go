package training

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// A grid sweep stacks its trials and gives every row the History it has
// with NoStack; a second run reads them all back from the store.
func TestSweepStacksGridTrials(t *testing.T) {
	data := moonsSmall(t)
	trials, err := GridTrials(values(t, "epochs", 3), map[string][]any{"learning_rate": {0.01, 0.03}, "seed": {1, 2, 3}})
	if err != nil {
		t.Fatal(err)
	}
	store := openStore(t)
	var mu sync.Mutex
	started, reused := 0, 0
	sw := &Sweep{Trials: trials, Data: data, Workers: 2, Store: store, OnTrial: func(ev TrialEvent) {
		mu.Lock()
		defer mu.Unlock()
		if ev.Reused {
			reused++
		} else if !ev.Done {
			started++
		}
	}}
	if !sw.stacks() {
		t.Fatal("a plain grid sweep does not stack")
	}
	stacked, err := sw.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	alone, err := (&Sweep{Trials: trials, Data: data, Workers: 2, Options: []Option{NoStack()}}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(stacked.Rows) != len(trials) || len(alone.Rows) != len(trials) || started != len(trials) {
		t.Fatalf("%d stacked rows, %d alone, %d trials started, for %d trials", len(stacked.Rows), len(alone.Rows), started, len(trials))
	}
	for i, r := range stacked.Rows {
		if r.Trial != i || r.History == nil {
			t.Fatalf("row %d is trial %d with history %v", i, r.Trial, r.History)
		}
		matchesAlone(t, fmt.Sprintf("trial %d", i), r.History, alone.Rows[i].History)
	}
	if _, err := sw.Run(context.Background()); err != nil || reused != len(trials) {
		t.Errorf("second run: %v, %d of %d trials read back", err, reused, len(trials))
	}
}

// NoStack, a custom Train or halving train trial by trial.
func TestSweepStackingSwitches(t *testing.T) {
	for name, sw := range map[string]*Sweep{
		"NoStack": {Options: []Option{NoStack()}},
		"Train":   {Train: Run},
		"Halving": {Halving: &Halving{}},
	} {
		if sw.stacks() {
			t.Errorf("%s: the sweep stacks", name)
		}
	}
	if !StackByDefault {
		t.Skip("stacking is off by default")
	}
	if !(&Sweep{}).stacks() {
		t.Error("a default sweep does not stack")
	}
}
