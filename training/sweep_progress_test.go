package training

import (
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
)

func TestProgressCountsBestAndETA(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &Progress{Total: 5, Now: func() time.Time { return clock }}
	p.Add(TrialEvent{Trial: 0, Done: true, Reused: true, Row: Row{Trial: 0, Status: history.Finished, BestLoss: 0.5}})
	if got := p.String(); got != "1/5 trials done, best loss 0.5 (trial 0)" {
		t.Errorf("after a stored trial: %q", got)
	}
	p.Add(TrialEvent{Trial: 1})
	clock = clock.Add(10 * time.Second)
	p.Add(TrialEvent{Trial: 1, Done: true, Row: Row{Trial: 1, Status: Pruned, BestLoss: 0.9}})
	clock = clock.Add(10 * time.Second)
	p.Add(TrialEvent{Trial: 2, Done: true, Row: Row{Trial: 2, Status: history.Finished, BestLoss: 0.25}})
	// Two trained trials in 20 s: 10 s each, 2 left.
	if got, want := p.String(), "3/5 trials done (1 pruned), best loss 0.25 (trial 2), about 20s left"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	p.Add(TrialEvent{Trial: 3, Done: true, Row: Row{Trial: 3, Status: history.Diverged, BestLoss: 0.01}})
	p.Add(TrialEvent{Trial: 4, Done: true, Row: Row{Trial: 4, Status: history.Finished, BestLoss: 0.3}})
	if got, want := p.String(), "5/5 trials done (1 pruned), best loss 0.25 (trial 2)"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
}
