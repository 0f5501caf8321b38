package training

import (
	"context"
	"sync"
	"testing"
)

// Identical runs started at once on one store all succeed: one trains,
// the others wait for it and reuse its run instead of failing with "run …
// is complete" or "being trained elsewhere".
func TestIdenticalRunsRaceReuseTheWinner(t *testing.T) {
	s := openStore(t)
	data := moonsSmall(t)
	v := values(t, ParamEpochs, 3)
	const n = 4
	var wg sync.WaitGroup
	reused := make([]bool, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = Run(context.Background(), v, data, Store(s), Reused(&reused[i]))
		}()
	}
	wg.Wait()
	trained := 0
	for i := range n {
		if errs[i] != nil {
			t.Errorf("run %d: %v", i, errs[i])
		}
		if !reused[i] {
			trained++
		}
	}
	if trained != 1 {
		t.Errorf("%d of %d identical runs trained; want 1, the others reusing it", trained, n)
	}
	if runs, err := s.List(); err != nil || len(runs) != 1 || !runs[0].Complete {
		t.Errorf("store: %d runs, %v; want one complete run", len(runs), err)
	}
}
