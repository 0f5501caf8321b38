package lab

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/evidence"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/training"
)

// Train with Seeds returns the first seed with the group; a second call
// reads every seed back from the store.
func TestSeedsTrainGroupAndReuse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "runs")
	v := quick(t)
	r, err := TrainErr(context.Background(), v, "moons", Seeds(3), Quiet(), Runs(dir), small)
	if err != nil {
		t.Fatal(err)
	}
	if r.Group == nil || len(r.Group.Runs) != 3 || r.Group.Runs[0] != r {
		t.Fatalf("group %+v; want 3 seeds, the first being the returned run", r.Group)
	}
	for i, s := range r.Group.Runs {
		if got := s.Values.Int(training.ParamSeed); got != 1+i {
			t.Errorf("seed %d has seed=%d", i, got)
		}
	}
	again, err := TrainErr(context.Background(), v, "moons", Seeds(3), Quiet(), Runs(dir), small)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range again.Group.Runs {
		if !s.Reused {
			t.Errorf("seed %d trained again instead of being read back", i+1)
		}
	}
	if _, err := TrainErr(context.Background(), v, "moons", Seeds(0), Quiet(), Runs(""), small); err != nil {
		t.Errorf("Seeds(0) trains one run: %v", err) // 0 and 1 mean one run, as without the option
	}
}

// Compare of runs trained with Seeds draws bands and tabulates mean ± s.d.,
// labelled by the hyperparameter that differs.
func TestCompareGroupsLabelsByDifference(t *testing.T) {
	v := quick(t)
	a := TrainSeeds(v, "moons", 2, Quiet(), Runs(""), small)
	b := TrainSeeds(Set(v, training.ParamLearningRate, 0.1), "moons", 2, Quiet(), Runs(""), small)
	out, _, html, _ := cell(t, true, nil, nil, func() { Compare(a.Runs[0], b.Runs[0]) })
	if out != "" || !strings.Contains(html, "learning_rate=0.1") || !strings.Contains(html, "band: min–max") || !strings.Contains(html, "mean ± s.d. over seeds") {
		t.Errorf("Compare of groups showed %q / %.400q", out, html)
	}
	tab := GroupSummary(a, b)
	if tab.Rows[0][0] != "learning_rate=0.01" || tab.Rows[1][0] != "learning_rate=0.1" || !strings.Contains(tab.Rows[0][3], "±") {
		t.Errorf("group table rows %v", tab.Rows)
	}
}

// A verdict shown in a cell is recomputed from the store; a box edited by
// hand fails the recheck, and so does a verdict whose runs changed.
func TestVerdictRecheckFromStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "runs")
	t.Setenv("HYPERLAB_RUNS", dir)
	v := quick(t)
	a := TrainSeeds(v, "moons", 2, Quiet(), small)
	b := TrainSeeds(Set(v, training.ParamLearningRate, 0.3), "moons", 2, Quiet(), small)
	e := Evidence(a, b)
	claim := evidence.LowerThan("fast-rate-fits-faster", evidence.Measure{Metric: history.TrainLoss, At: evidence.Final}, e[1], e[0])
	_, _, html, _ := cell(t, true, nil, nil, func() { Verdict(claim) })
	if !strings.Contains(html, `data-claim="fast-rate-fits-faster"`) {
		t.Fatalf("verdict box: %q", html)
	}
	nb := filepath.Join(t.TempDir(), "n.ipynb")
	write := func(h string) {
		data, _ := json.Marshal(map[string]any{"cells": []any{map[string]any{"outputs": []any{
			map[string]any{"data": map[string]any{"text/html": []string{h[:10], h[10:]}}}}}}})
		testutil.WriteFile(t, nb, data)
	}
	write(html)
	// Rechecking only reads the store: a plain directory of runs (no
	// marker, no lock file) with a crash's trash left in it stays as it was.
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
	vs, err := RecheckNotebook(nb, dir)
	if err != nil || len(vs) != 1 {
		t.Fatalf("recheck of an untouched notebook: %d verdicts, %v", len(vs), err)
	}
	if after := listing(t, dir); after != before {
		t.Errorf("rechecking changed the store:\n%s\nbecame\n%s", before, after)
	}
	write(strings.Replace(html, "the final training loss", "the final training loss clearly", 1))
	if _, err := RecheckNotebook(nb, dir); err == nil || !strings.Contains(err.Error(), "fast-rate-fits-faster") {
		t.Errorf("recheck of a hand-edited box: %v", err)
	}
	// The runs change: the group of the claim's first place trains on other seeds.
	if err := os.RemoveAll(filepath.Join(dir, e[0].Runs[0].Store, e[0].Runs[0].ID)); err != nil {
		t.Fatal(err)
	}
	write(html)
	if _, err := RecheckNotebook(nb, dir); err == nil {
		t.Error("recheck passed with a run missing from the store")
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

// Seeds train stacked by default; NoStack trains them one by one, to the
// same numbers (within float32 rounding), and both read back as reused.
func TestSeedsNoStackGivesSameRuns(t *testing.T) {
	v := quick(t)
	stacked, err := TrainErr(context.Background(), v, "moons", Seeds(3), Quiet(), Runs(filepath.Join(t.TempDir(), "a")), small)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "b")
	alone, err := TrainErr(context.Background(), v, "moons", Seeds(3), Quiet(), Runs(dir), small, NoStack())
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		a, b := stacked.Group.Runs[i], alone.Group.Runs[i]
		la, _ := a.Last()
		lb, _ := b.Last()
		if a.Reused || b.Reused || len(a.Epochs) != len(b.Epochs) || math.Abs(la.ValLoss-lb.ValLoss) > 1e-4*(1+lb.ValLoss) {
			t.Errorf("seed %d: stacked val loss %v (reused %t), alone %v (reused %t)", i, la.ValLoss, a.Reused, lb.ValLoss, b.Reused)
		}
	}
	again, err := TrainErr(context.Background(), v, "moons", Seeds(3), Quiet(), Runs(dir), small)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range again.Group.Runs {
		if !r.Reused {
			t.Errorf("seed %d trained again instead of reading the stored run", i)
		}
	}
}
