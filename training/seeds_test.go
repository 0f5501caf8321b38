package training

import (
	"context"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// Each seed is its own stored run: a group grown from 2 to 3 seeds trains
// only the third.
func TestSeedsReuseStoredRunsPerSeed(t *testing.T) {
	store := openStore(t)
	data := moonsSmall(t)
	v := values(t, ParamEpochs, 2)
	trained := 0
	count := OnEpoch(func(e history.Epoch) {
		if e.Epoch == 1 {
			trained++
		}
	})
	g2, err := RunSeeds(context.Background(), v, 2, data, Store(store), count)
	if err != nil {
		t.Fatal(err)
	}
	g3, err := RunSeeds(context.Background(), v, 3, data, Store(store), count)
	if err != nil {
		t.Fatal(err)
	}
	if trained != 3 {
		t.Errorf("trained %d runs for 2 then 3 seeds, want 3 (the third seed only)", trained)
	}
	if g3.IDs[0] != g2.IDs[0] || g3.IDs[1] == g3.IDs[0] || len(g3.Runs) != 3 {
		t.Errorf("group IDs %v after %v", g3.IDs, g2.IDs)
	}
	if g3.Runs[0].Epochs[1].ValLoss == g3.Runs[1].Epochs[1].ValLoss {
		t.Error("two seeds gave the same validation loss")
	}
}

func TestSeedsRejectsBadCounts(t *testing.T) {
	for _, n := range []int{0, -1, MaxSeeds + 1} {
		if _, err := Seeds(Spec.Defaults(), n); err == nil || !strings.Contains(err.Error(), "seeds=") {
			t.Errorf("Seeds(n=%d): %v, want an error naming seeds", n, err)
		}
	}
}
