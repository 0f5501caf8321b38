package lab

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/runstore"
	"github.com/hyperlab-go/hyperlab/training"
)

// A model above training.DefaultLimits stops before it starts, in Go code
// and in a cell, with an estimate and the ways to allow it.
func TestTrainStopsTooLargeModelBeforeStarting(t *testing.T) {
	t.Setenv(AllowLargeEnv, "")
	v := testutil.With(t, quick(t), "hidden_layers", []int{2048, 2048})
	dir := filepath.Join(t.TempDir(), "runs")
	_, err := TrainErr(context.Background(), v, "moons", Quiet(), Runs(dir), small)
	for _, want := range []string{"lab: a model of", "trainable parameters", "estimated", "lab.AllowLarge()", AllowLargeEnv} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v; want it to say %q", err, want)
		}
	}
	if _, serr := os.Stat(dir); !os.IsNotExist(serr) {
		t.Errorf("the run store was created (%v); the guard must stop before anything starts", serr)
	}
	_, errOut, _, status := cell(t, true, nil, nil, func() { Train(v, "moons", Runs(""), small) })
	if msg := strings.TrimSpace(errOut); status != 1 || !strings.Contains(msg, "lab.AllowLarge()") || strings.Contains(msg, "\n") {
		t.Errorf("cell: exit %d, stderr %q; want exit 1 and one sentence naming lab.AllowLarge()", status, errOut)
	}
	split, err := datasets.Load("moons", datasets.Options{Size: 100, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plans([]hparams.Values{v}, split, 1, true); err != nil {
		t.Errorf("AllowLarge: %v", err)
	}
	t.Setenv(AllowLargeEnv, "1")
	if _, err := plans([]hparams.Values{v}, split, 1, false); err != nil {
		t.Errorf("%s=1: %v", AllowLargeEnv, err)
	}
	if _, err := plans([]hparams.Values{quick(t)}, split, 1, false); err != nil {
		t.Errorf("a small model: %v", err)
	}
}

// SGD at learning_rate=10 diverges: the cell shows the partial History and
// one line saying what to change, and no error ends it.
func TestTrainDivergesWithClearMessage(t *testing.T) {
	v := testutil.With(t, training.Spec.Defaults(), "optimizer", "sgd", "learning_rate", 10.0, "epochs", 30)
	var r *Run
	_, errOut, html, status := cell(t, true, nil, nil, func() { r = Train(v, "moons", Runs("")) })
	if status != -1 || errOut != "" {
		t.Fatalf("a diverged run ended the cell: exit %d, %s", status, errOut)
	}
	if r.Status != history.Diverged || len(r.Epochs) == 0 || len(r.Epochs) >= 30 {
		t.Fatalf("status %s after %d epochs; want diverged with the epochs before it kept", r.Status, len(r.Epochs))
	}
	for _, want := range []string{"diverged after", "try a smaller learning_rate than 10"} {
		if !strings.Contains(html, want) {
			t.Errorf("the summary under the cell does not say %q:\n%s", want, html)
		}
	}
}

// countdown is a context cancelled at its n-th Err call: training checks
// it after every step, so the cancel lands at a known step.
type countdown struct {
	context.Context
	n    atomic.Int32
	once sync.Once
	done chan struct{}
}

func newCountdown(n int32) *countdown {
	c := &countdown{Context: context.Background(), done: make(chan struct{})}
	c.n.Store(n)
	return c
}

func (c *countdown) Err() error {
	if c.n.Add(-1) <= 0 {
		c.once.Do(func() { close(c.done) })
		return context.Canceled
	}
	return nil
}

func (c *countdown) Done() <-chan struct{}       { return c.done }
func (c *countdown) Deadline() (time.Time, bool) { return time.Time{}, false }

// A cancelled cell (an interrupt) returns the partial History with status
// cancelled and no error; the store marks it, and the next run trains.
func TestTrainErrCancelled(t *testing.T) {
	dir := t.TempDir()
	v := testutil.With(t, quick(t), "epochs", 5, "batch_size", 16) // 80 rows: 5 steps an epoch
	r, err := TrainErr(newCountdown(8), v, "moons", Quiet(), Runs(dir), small)
	if err != nil {
		t.Fatalf("a cancelled run returned an error: %v", err)
	}
	if r.Status != history.Cancelled || len(r.Epochs) != 1 || len(r.StepLoss) != 7 {
		t.Fatalf("status %s, %d epochs, %d steps; want cancelled after step 7, in epoch 2", r.Status, len(r.Epochs), len(r.StepLoss))
	}
	runs := storedRuns(t, dir)
	if len(runs) != 1 || runs[0].History.Status != history.Cancelled {
		t.Fatalf("store: %d runs %v; want the one run marked cancelled", len(runs), runs)
	}
	again, err := TrainErr(context.Background(), v, "moons", Quiet(), Runs(dir), small)
	if err != nil || again.Reused || again.Status != history.Finished || len(again.Epochs) != 5 {
		t.Errorf("re-run of a cancelled run: err %v, reused %v, status %s, %d epochs", err, again.Reused, again.Status, len(again.Epochs))
	}
}

// storedRuns lists the runs under a lab runs folder (one store per
// dataset, DataFolders).
func storedRuns(t *testing.T, root string) []*runstore.Run {
	t.Helper()
	folders, err := DataFolders(root)
	if err != nil {
		t.Fatal(err)
	}
	var all []*runstore.Run
	for _, f := range folders {
		s, err := runstore.Open(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		runs, err := s.List()
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, runs...)
	}
	return all
}
