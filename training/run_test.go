package training

import (
	"context"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// moons is the standard small test set: 1000 noisy two-moons rows, 20%
// held out for validation.
func moons(t testing.TB) datasets.Split {
	t.Helper()
	return load(t, "moons", datasets.Options{Size: 1000, Noise: 0.2, Seed: 7})
}

// load is datasets.Load for a test: an error fails it.
func load(t testing.TB, name string, o datasets.Options) datasets.Split {
	t.Helper()
	s, err := datasets.Load(name, o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// values returns Spec's defaults with the given name=value pairs set.
func values(t testing.TB, kv ...any) hparams.Values {
	t.Helper()
	return testutil.With(t, Spec.Defaults(), kv...)
}

func TestMoonsDefaults(t *testing.T) {
	trainsMoons(t, Spec.Defaults())
}

// trainsMoons trains v on the standard moons split and fails t unless it
// reaches 0.95 validation accuracy.
func trainsMoons(t *testing.T, v hparams.Values) {
	t.Helper()
	h, err := Run(context.Background(), v, moons(t))
	if err != nil {
		t.Fatal(err)
	}
	last, _ := h.Last()
	t.Logf("status %s, %d epochs, last %+v", h.Status, len(h.Epochs), last)
	if last.ValAccuracy < 0.95 {
		t.Errorf("validation accuracy %.3f after %d epochs, want ≥ 0.95", last.ValAccuracy, len(h.Epochs))
	}
}
