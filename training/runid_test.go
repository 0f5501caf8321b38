package training

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// The golden file pins RunID: stored runs are found by it, so a change
// would make every store train its runs again.
func TestRunIDGolden(t *testing.T) {
	var b strings.Builder
	for _, set := range []string{"moons", "circles", "xor"} {
		data := load(t, set, datasets.Options{Size: 200, Noise: 0.1, Seed: 1})
		for _, v := range []struct {
			k string
			x any
		}{{"seed", 1}, {"seed", 2}, {"learning_rate", 0.3}} {
			fmt.Fprintf(&b, "%s %s=%v %s\n", set, v.k, v.x, RunID(values(t, v.k, v.x), data))
		}
	}
	testutil.Golden(t, "runid", b.String())
}

func TestRunIDTellsDataApart(t *testing.T) {
	v := values(t, "epochs", 2)
	base := datasets.Options{Size: 200, Noise: 0.1, Seed: 1}
	id := RunID(v, load(t, "moons", base))
	if err := runstore.ValidID(id); err != nil || len(id) != RunIDLen {
		t.Fatalf("RunID = %q (%v)", id, err)
	}
	if again := RunID(v, load(t, "moons", base)); again != id {
		t.Errorf("the same values and data gave %s then %s", id, again)
	}
	other := map[string]string{
		"circles":     RunID(v, load(t, "circles", base)),
		"more rows":   RunID(v, load(t, "moons", datasets.Options{Size: 300, Noise: 0.1, Seed: 1})),
		"data seed":   RunID(v, load(t, "moons", datasets.Options{Size: 200, Noise: 0.1, Seed: 2})),
		"normalised":  RunID(v, load(t, "moons", datasets.Options{Size: 200, Noise: 0.1, Seed: 1, Normalize: true})),
		"other value": RunID(values(t, "epochs", 3), load(t, "moons", base)),
	}
	for what, got := range other {
		if got == id {
			t.Errorf("%s: RunID %s equals the moons run's", what, got)
		}
	}
}

// The same hyperparameters on moons and then on circles, in one store,
// are two runs: the second trains instead of returning the first.
func TestStoreKeysRunsByData(t *testing.T) {
	store := openStore(t)
	v := values(t, "epochs", 2)
	moonsData := moonsSmall(t)
	circles := load(t, "circles", datasets.Options{Size: 200, Seed: 1})
	train := func(data datasets.Split) (h *history.History, reused bool, epochs int) {
		t.Helper()
		h, err := Run(context.Background(), v, data, Store(store), Reused(&reused), OnEpoch(func(history.Epoch) { epochs++ }))
		if err != nil {
			t.Fatal(err)
		}
		return h, reused, epochs
	}
	first, _, _ := train(moonsData)
	second, reused, epochs := train(circles)
	if reused || epochs != 2 || sameHistory(first, second) {
		t.Errorf("circles after moons: reused=%v, trained %d epochs, same history %v; want a new run", reused, epochs, sameHistory(first, second))
	}
	third, reused, epochs := train(moonsData)
	if !reused || epochs != 0 || !sameHistory(first, third) {
		t.Errorf("moons again: reused=%v, trained %d epochs; want the stored run", reused, epochs)
	}
	runs, err := store.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 {
		t.Fatalf("store holds %d runs, want 2", len(runs))
	}
	want := map[string]string{RunID(v, moonsData): moonsData.Fingerprint(), RunID(v, circles): circles.Fingerprint()}
	for _, r := range runs {
		if fp, ok := want[r.ID]; !ok || r.DataFingerprint != fp || r.Dataset == "" {
			t.Errorf("stored run %s: dataset %q, fingerprint %q; want one of %v", r.ID, r.Dataset, r.DataFingerprint, want)
		}
	}
}
