package lab

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/evidence"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training"
)

// Rechecking only reads the store: a plain directory of runs (no marker,
// no lock file) with a crash's trash left in it stays as it was.
func TestRecheckWritesNothingInTheStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "runs")
	t.Setenv("HYPERLAB_RUNS", dir)
	v := quick(t)
	a := TrainSeeds(v, "moons", 2, Quiet(), small)
	b := TrainSeeds(Set(v, training.ParamLearningRate, 0.3), "moons", 2, Quiet(), small)
	e := Evidence(a, b)
	claim := evidence.LowerThan("fast-rate-fits-faster", evidence.Measure{Metric: history.TrainLoss, At: evidence.Final}, e[1], e[0])
	_, _, html, _ := cell(t, true, nil, nil, func() { Verdict(claim) })
	store := filepath.Join(dir, e[0].Runs[0].Store)
	for _, name := range []string{".hyperlab-store", ".lock"} {
		if err := os.Remove(filepath.Join(store, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(store, ".trash-left-by-a-crash", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)
	if vs, err := RecheckHTML(html, dir); err != nil || len(vs) != 1 {
		t.Fatalf("recheck: %d verdicts, %v", len(vs), err)
	}
	if after := listing(t, dir); after != before {
		t.Errorf("rechecking changed the store:\n%s\nbecame\n%s", before, after)
	}
}

// listing lists every path under dir with its mode, size and time of change.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %s %d %s\n", p, fi.Mode(), fi.Size(), fi.ModTime())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
