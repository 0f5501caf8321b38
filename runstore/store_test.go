package runstore

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "runs"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// tempRun opens a store in a temporary folder and creates the run m in it.
func tempRun(t testing.TB, m Meta) (*Store, *Writer) {
	t.Helper()
	s := openTemp(t)
	w, err := s.Create(m)
	if err != nil {
		t.Fatal(err)
	}
	return s, w
}

func epoch(i int) history.Epoch {
	return history.Epoch{Epoch: i, TrainLoss: 1 / float64(i), ValLoss: 1.1 / float64(i), ValAccuracy: 0.5 + 0.01*float64(i),
		ValError: math.NaN(), TrainAccuracy: 0.6, LearningRate: 0.01, Steps: 10, Seconds: 0.5}
}

func TestCreateAppendLoad(t *testing.T) {
	s, w := tempRun(t, Meta{ID: "abc123", Values: map[string]any{"optimizer": "adam", "learning_rate": 0.01, "layers": []int{8, 8}},
		Seed: 7, Dataset: "moons", Labels: map[string]string{"sweep": "lr"}})
	for i := 1; i <= 3; i++ {
		if err := w.Epoch(epoch(i)); err != nil {
			t.Fatal(err)
		}
		if err := w.Steps([]float64{0.7, 0.6, math.NaN()}); err != nil {
			t.Fatal(err)
		}
	}
	// Loading a running run: incomplete, active, epochs so far.
	mid, err := s.Load("abc123")
	if err != nil {
		t.Fatal(err)
	}
	if mid.Complete || !mid.Active || len(mid.History.Epochs) != 3 || mid.History.Status != history.Running ||
		!strings.Contains(mid.Note, "did not finish") {
		t.Fatalf("mid-run: complete=%v active=%v epochs=%d status=%s note=%q", mid.Complete, mid.Active, len(mid.History.Epochs), mid.History.Status, mid.Note)
	}
	h := &history.History{Status: history.Finished, Epochs: []history.Epoch{epoch(1), epoch(2), epoch(3), epoch(4)},
		Layers: []history.LayerParams{{Name: "dense0", Inputs: 2, Outputs: 8, Weights: 16, Biases: 8}}}
	h.StepLoss = append(mid.History.StepLoss, 0.5) // one step not yet written
	if err := w.Finish(h); err != nil {
		t.Fatal(err)
	}
	if err := w.Epoch(epoch(5)); err == nil || !strings.Contains(err.Error(), "already finished") {
		t.Errorf("Epoch after Finish: %v", err)
	}
	run, err := s.Load("abc123")
	if err != nil {
		t.Fatal(err)
	}
	if !run.Complete || run.Active || run.Note != "" || run.History.Status != history.Finished {
		t.Fatalf("complete=%v active=%v note=%q status=%s", run.Complete, run.Active, run.Note, run.History.Status)
	}
	if len(run.History.Epochs) != 4 || !run.History.Epochs[3].Equal(epoch(4)) || !math.IsNaN(run.History.Epochs[0].ValError) {
		t.Errorf("epochs %+v", run.History.Epochs)
	}
	if len(run.History.StepLoss) != 10 || !math.IsNaN(run.History.StepLoss[2]) || run.History.StepLoss[9] != 0.5 {
		t.Errorf("step losses %v", run.History.StepLoss)
	}
	if run.History.Params() != 24 || run.Seed != 7 || run.Dataset != "moons" || run.Values["optimizer"] != "adam" ||
		run.Values["learning_rate"] != 0.01 || run.Labels["sweep"] != "lr" || run.Created.IsZero() {
		t.Errorf("meta %+v, params %d", run.Meta, run.History.Params())
	}
}

func TestFinishWholeHistory(t *testing.T) {
	s := openTemp(t)
	w, _ := s.Create(Meta{ID: "diverged"})
	h := &history.History{Status: history.Diverged, Err: "train loss is NaN at epoch 2", Epochs: []history.Epoch{epoch(1)},
		StepLoss: []float64{1, math.Inf(1)}}
	if err := w.Finish(h); err != nil {
		t.Fatal(err)
	}
	run, err := s.Load("diverged")
	if err != nil || !run.Complete || run.History.Status != history.Diverged || run.History.Err != h.Err || len(run.History.Epochs) != 1 {
		t.Fatalf("%+v %v", run, err)
	}
}

func TestFinishNeedsFinalStatus(t *testing.T) {
	s := openTemp(t)
	w, _ := s.Create(Meta{ID: "r"})
	for _, h := range []*history.History{nil, {}, {Status: history.Running}} {
		if err := w.Finish(h); err == nil {
			t.Errorf("Finish(%+v) accepted", h)
		}
	}
	w.Close()
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	run, _ := s.Load("r")
	if run.Complete || run.Active {
		t.Errorf("closed run: complete=%v active=%v", run.Complete, run.Active)
	}
}

func TestModes(t *testing.T) {
	old := umask(0o077) // the store must not depend on the umask
	defer umask(old)
	s := openTemp(t)
	w, _ := s.Create(Meta{ID: "m"})
	w.Epoch(epoch(1))
	w.Finish(&history.History{Status: history.Finished})
	check := func(path string, want os.FileMode) {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", path, fi.Mode().Perm(), want)
		}
	}
	check(s.Root(), 0o755)
	check(filepath.Join(s.Root(), "m"), 0o755)
	for _, f := range []string{valuesFile, epochsFile, stepsFile, statusFile, lockName} {
		check(filepath.Join(s.Root(), "m", f), 0o644)
	}
}

func TestCreateExisting(t *testing.T) {
	s := openTemp(t)
	w, _ := s.Create(Meta{ID: "dup"})
	defer w.Close()
	_, err := s.Create(Meta{ID: "dup"})
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "Reset") {
		t.Fatalf("second Create: %v", err)
	}
}

// Many goroutines create the same ID at once: exactly one wins, and the
// run it writes is intact.
func TestCreateSameIDConcurrently(t *testing.T) {
	s := openTemp(t)
	const n = 16
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w, err := s.Create(Meta{ID: "same", Seed: int64(i)})
			if err != nil {
				if !errors.Is(err, ErrExists) {
					t.Error(err)
				}
				return
			}
			mu.Lock()
			wins++
			mu.Unlock()
			w.Epoch(epoch(1))
			w.Finish(&history.History{Status: history.Finished})
		}()
	}
	wg.Wait()
	run, err := s.Load("same")
	if wins != 1 || err != nil || !run.Complete || len(run.History.Epochs) != 1 {
		t.Fatalf("wins=%d run=%+v err=%v", wins, run, err)
	}
}

// Parallel writers of different runs (run with -race).
func TestParallelWriters(t *testing.T) {
	s := openTemp(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w, err := s.Create(Meta{ID: fmt.Sprintf("run%d", i), Values: map[string]any{"i": i}})
			if err != nil {
				t.Error(err)
				return
			}
			var inner sync.WaitGroup // Epoch and Steps from two goroutines
			inner.Add(2)
			go func() {
				defer inner.Done()
				for e := 1; e <= 20; e++ {
					w.Epoch(epoch(e))
				}
			}()
			go func() {
				defer inner.Done()
				for range 20 {
					w.Steps([]float64{1, 2})
				}
			}()
			inner.Wait()
			if err := w.Finish(&history.History{Status: history.Finished}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Add(1)
	go func() { // a reader listing meanwhile
		defer wg.Done()
		for range 20 {
			if _, err := s.List(); err != nil {
				t.Error(err)
			}
		}
	}()
	wg.Wait()
	runs, err := s.List(IsComplete)
	if err != nil || len(runs) != 8 {
		t.Fatalf("%d complete runs, %v", len(runs), err)
	}
	for _, r := range runs {
		if len(r.History.Epochs) != 20 || len(r.History.StepLoss) != 40 {
			t.Errorf("%s: %d epochs, %d steps", r.ID, len(r.History.Epochs), len(r.History.StepLoss))
		}
	}
}

func TestListFilter(t *testing.T) {
	s := openTemp(t)
	add := func(id, opt string, lr float64, finish bool) {
		w, err := s.Create(Meta{ID: id, Values: map[string]any{"optimizer": opt, "learning_rate": lr, "epochs": 10}, Labels: map[string]string{"sweep": "a"}})
		if err != nil {
			t.Fatal(err)
		}
		if finish {
			w.Finish(&history.History{Status: history.Finished})
		} else {
			w.Close()
		}
	}
	add("r1", "adam", 0.01, true)
	add("r2", "sgd", 0.1, true)
	add("r3", "adam", 0.1, false)
	ids := func(filters ...Filter) string {
		runs, err := s.List(filters...)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range runs {
			out = append(out, r.ID)
		}
		return strings.Join(out, ",")
	}
	tests := []struct {
		filters []Filter
		want    string
	}{
		{nil, "r1,r2,r3"},
		{[]Filter{Where("optimizer", "adam")}, "r1,r3"},
		{[]Filter{Where("optimizer", "adam"), IsComplete}, "r1"},
		{[]Filter{Where("learning_rate", 0.1)}, "r2,r3"},
		{[]Filter{Where("epochs", 10)}, "r1,r2,r3"},
		{[]Filter{Where("epochs", "10")}, ""},
		{[]Filter{Where("missing", 1)}, ""},
		{[]Filter{WithLabel("sweep", "a")}, "r1,r2,r3"},
		{[]Filter{func(r *Run) bool { return r.Values["learning_rate"].(float64) < 0.05 }}, "r1"},
	}
	for i, tt := range tests {
		if got := ids(tt.filters...); got != tt.want {
			t.Errorf("case %d: %q, want %q", i, got, tt.want)
		}
	}
}

func TestResetDelete(t *testing.T) {
	s := openTemp(t)
	w, _ := s.Create(Meta{ID: "live"})
	if err := s.Reset("live"); !errors.Is(err, ErrActive) {
		t.Errorf("Reset of a live run: %v", err)
	}
	if err := s.Delete("live"); !errors.Is(err, ErrActive) {
		t.Errorf("Delete of a live run: %v", err)
	}
	w.Close() // abandoned: incomplete, no writer
	if err := s.Reset("live"); err != nil {
		t.Fatal(err)
	}
	w, err := s.Create(Meta{ID: "live"})
	if err != nil {
		t.Fatalf("Create after Reset: %v", err)
	}
	w.Finish(&history.History{Status: history.Cancelled})
	if err := s.Reset("live"); err == nil || !strings.Contains(err.Error(), "is complete; Delete it") {
		t.Errorf("Reset of a complete run: %v", err)
	}
	if err := s.Delete("live"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load("live"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load after Delete: %v", err)
	}
	if err := s.Delete("live"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: %v", err)
	}
	entries, _ := os.ReadDir(s.Root())
	for _, e := range entries {
		if e.Name() != lockName && e.Name() != markerName {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// A symlink in the root is not followed out of it.
func TestSymlinkNotFollowed(t *testing.T) {
	s := openTemp(t)
	outside := t.TempDir()
	testutil.WriteFile(t, filepath.Join(outside, valuesFile), `{"id":"x"}`)
	if err := os.Symlink(outside, filepath.Join(s.Root(), "evil")); err != nil {
		t.Skip(err)
	}
	if _, err := s.Load("evil"); err == nil || !strings.Contains(err.Error(), "not a run directory") {
		t.Errorf("Load through a symlink: %v", err)
	}
	if runs, _ := s.List(); len(runs) != 0 {
		t.Errorf("List followed a symlink: %v", runs)
	}
	if err := s.Delete("evil"); err == nil {
		t.Error("Delete through a symlink succeeded")
	}
	if _, err := os.Stat(filepath.Join(outside, valuesFile)); err != nil {
		t.Error("the symlink's target was touched")
	}
}

func TestArtifact(t *testing.T) {
	old := umask(0o077)
	defer umask(old)
	s := openTemp(t)
	w, _ := s.Create(Meta{ID: "a"})
	if err := w.Artifact("boundary.json", []byte(`{"x":1}`)); err != nil {
		t.Fatal(err)
	}
	w.Finish(&history.History{Status: history.Finished})
	if err := w.Artifact("weights.json", []byte(`[]`)); err != nil {
		t.Errorf("after Finish: %v", err)
	}
	run, _ := s.Load("a")
	for _, name := range []string{"boundary.json", "weights.json"} {
		fi, err := os.Stat(filepath.Join(run.Dir, name))
		if err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v %v", name, fi, err)
		}
	}
	for _, bad := range []string{"../x", "status.json", "", "a/b"} {
		if err := w.Artifact(bad, nil); err == nil || !strings.HasPrefix(err.Error(), "runstore: artifact name") {
			t.Errorf("Artifact(%q): %v", bad, err)
		}
	}
	w2, _ := s.Create(Meta{ID: "b"})
	w2.Close()
	if err := w2.Artifact("x.json", nil); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("Artifact after Close: %v", err)
	}
}
