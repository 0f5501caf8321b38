package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// built is this command, built once for the tests that run it as separate
// processes (shards side by side, a process to SIGKILL).
var built = testutil.NewCommand("hyperlab", "github.com/hyperlab-go/hyperlab/cmd/hyperlab")

// binary returns the path of the built CLI; -short skips the test.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the CLI as separate processes")
	}
	return built.Path(t)
}

func TestMain(m *testing.M) {
	code := m.Run()
	built.Remove()
	os.Exit(code)
}

// mustRun runs bin with args and returns what it wrote (stdout and stderr
// together); an error ends the test, showing that output.
func mustRun(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("hyperlab %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// killWhen starts bin with args, reads its output until stop returns true
// for a line, waits delay (to land between writes too), SIGKILLs the
// process and waits for it. It reports whether stop did so before the
// output ended.
func killWhen(t *testing.T, stop func(line string) bool, delay time.Duration, bin string, args ...string) bool {
	t.Helper()
	cmd := exec.Command(bin, args...)
	sc, stdout := testutil.Start(t, cmd)
	stopped := false
	for !stopped && sc.Scan() {
		stopped = stop(sc.Text())
	}
	time.Sleep(delay)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, stdout) // let Wait return whatever is left in the pipe
	_ = cmd.Wait()
	return stopped
}

// containing is a stop for killWhen: the first line that holds marker.
func containing(marker string) func(line string) bool {
	return func(line string) bool { return strings.Contains(line, marker) }
}

// tableRow is what two result tables must agree on: everything but the
// wall time and the row numbers.
type tableRow struct {
	ID        string   `json:"id"`
	Status    string   `json:"status"`
	Epochs    int      `json:"epochs"`
	TrainLoss *float64 `json:"train_loss"`
	ValLoss   *float64 `json:"val_loss"`
	ValAcc    *float64 `json:"val_accuracy"`
	BestLoss  *float64 `json:"best_loss"`
	BestEpoch int      `json:"best_epoch"`
	Values    map[string]any
}

func reportRows(t *testing.T, bin, runs string) []tableRow {
	t.Helper()
	table := filepath.Join(t.TempDir(), "table.json")
	mustRun(t, bin, "report", "--runs", runs, "--table", table, "--out", filepath.Join(t.TempDir(), "r.html"))
	var res struct{ Rows []tableRow }
	testutil.ReadJSON(t, table, &res)
	slices.SortFunc(res.Rows, func(a, b tableRow) int { return strings.Compare(a.ID, b.ID) })
	return res.Rows
}

func sameNum(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b || math.Abs(*a-*b) <= 1e-9*math.Max(math.Abs(*a), math.Abs(*b))
}

var sweepArgsSmall = []string{"sweep", "--grid", "learning_rate=0.003,0.03,0.3", "--grid", "batch_size=16,64",
	"--epochs=4", "--size=300"}

// TestShardsEqualUnsharded runs a sweep as two shard processes at once
// (one with --shard, one as a Kubernetes Indexed Job would, with --shards
// and JOB_COMPLETION_INDEX) into one store, and the same sweep unsharded
// into another: `report` over each must give the same trials and metrics.
func TestShardsEqualUnsharded(t *testing.T) {
	bin := binary(t)
	shared := t.TempDir()
	cmds := []*exec.Cmd{
		exec.Command(bin, append(sweepArgsSmall, "--runs", shared, "--parallel=1", "--shard=0/2")...),
		exec.Command(bin, append(sweepArgsSmall, "--runs", shared, "--parallel=1", "--shards=2")...),
	}
	cmds[1].Env = append(os.Environ(), "JOB_COMPLETION_INDEX=1")
	outs := make([]strings.Builder, 2)
	for i, c := range cmds {
		c.Stdout, c.Stderr = &outs[i], &outs[i]
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("shard %d: %v\n%s", i, err, outs[i].String())
		}
		if !strings.Contains(outs[i].String(), fmt.Sprintf("3 trials, shard %d/2", i)) {
			t.Errorf("shard %d did not run its 3 trials:\n%s", i, outs[i].String())
		}
	}
	sameAsUnsharded(t, bin, shared, sweepArgsSmall[1:], 6)
}

// sameAsUnsharded runs the sweep (its flags) unsharded into a new store and
// checks that `report` over it and over the sharded store give the same n
// trials and metrics.
func sameAsUnsharded(t *testing.T, bin, sharded string, sweep []string, n int) {
	t.Helper()
	whole := t.TempDir()
	mustRun(t, bin, append(append([]string{"sweep"}, sweep...), "--runs", whole, "--parallel=2")...)
	a, b := reportRows(t, bin, sharded), reportRows(t, bin, whole)
	if len(a) != n || len(b) != n {
		t.Fatalf("sharded store has %d runs, unsharded %d; want %d each", len(a), len(b), n)
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.ID != y.ID || x.Status != y.Status || x.Epochs != y.Epochs || x.BestEpoch != y.BestEpoch ||
			!sameNum(x.TrainLoss, y.TrainLoss) || !sameNum(x.ValLoss, y.ValLoss) || !sameNum(x.ValAcc, y.ValAcc) || !sameNum(x.BestLoss, y.BestLoss) {
			t.Errorf("run %d differs:\nsharded   %+v\nunsharded %+v", i, x, y)
		}
	}
}

// TestSweepSurvivesSIGKILL kills a sweep process after its first finished
// trial, checks the store holds only loadable runs (the interrupted ones
// marked incomplete), and runs the sweep again: it must train only the
// trials that were not finished, and leave every run complete.
func TestSweepSurvivesSIGKILL(t *testing.T) {
	bin := binary(t)
	runs := t.TempDir()
	// --stack=false: the test needs trials that finish one at a time; a
	// stack's models all finish together (training's own test cancels a
	// stack midway and checks every model's run).
	args := []string{"sweep", "--grid", "learning_rate=0.001,0.003,0.01,0.03,0.1,0.3", "--grid", "batch_size=8",
		"--epochs=15", "--size=600", "--runs", runs, "--parallel=2", "--stack=false"}
	const trials = 6
	// Kill when one trial is done and another is mid-run, after letting the
	// other worker get into its next trial's epochs.
	if !killWhen(t, containing(" finished after "), 200*time.Millisecond, bin, args...) {
		t.Fatal("the sweep ended before a trial finished")
	}

	store := moonsStore(t, runs, 600)
	before := listRuns(t, store, "after the kill")
	complete, incomplete := 0, 0
	for _, r := range before {
		if r.Complete {
			complete++
		} else {
			incomplete++
		}
	}
	if complete == 0 || complete == trials {
		t.Fatalf("after the kill: %d complete runs, want some but not all %d", complete, trials)
	}
	t.Logf("killed with %d complete and %d incomplete runs", complete, incomplete)

	out := mustRun(t, bin, args...)
	started := strings.Count(out, ": start ")
	reused := strings.Count(out, "(stored, not retrained)")
	if started != trials-complete || reused != complete {
		t.Errorf("second sweep trained %d and reused %d, want %d and %d:\n%s", started, reused, trials-complete, complete, out)
	}
	allFinished(t, store, trials, 15)
}

// allFinished checks that the store holds the sweep's trials, each a
// complete, finished run of all its epochs.
func allFinished(t *testing.T, store *runstore.Store, trials, epochs int) {
	t.Helper()
	after := listRuns(t, store, "after the re-run")
	if len(after) != trials {
		t.Errorf("%d runs in the store, want %d", len(after), trials)
	}
	for _, r := range after {
		if !r.Complete || r.History.Status != "finished" || len(r.History.Epochs) != epochs {
			t.Errorf("run %s: complete=%v status=%s epochs=%d (%s)", r.ID, r.Complete, r.History.Status, len(r.History.Epochs), r.Note)
		}
	}
}

// TestStackedSweepSurvivesSIGKILL kills a sweep whose trials train as
// stacks in one graph, midway through their epochs: the store holds only
// loadable runs, and the next sweep finishes every trial.
func TestStackedSweepSurvivesSIGKILL(t *testing.T) {
	bin := binary(t)
	runs := t.TempDir()
	args := []string{"sweep", "--grid", "learning_rate=0.001,0.003,0.01,0.03,0.1,0.3", "--grid", "batch_size=8",
		"--epochs=200", "--size=600", "--runs", runs, "--parallel=2"}
	const trials = 6
	killWhen(t, containing(": epoch 40/200 "), 0, bin, args...) // every stack is mid-run
	store := moonsStore(t, runs, 600)
	complete := 0
	for _, r := range listRuns(t, store, "after the kill") { // every run in the store loads
		if r.Complete {
			complete++
		}
	}
	if complete == trials {
		t.Fatalf("all %d trials were complete when the sweep was killed; the test wants a kill mid-stack", trials)
	}

	mustRun(t, bin, args...)
	allFinished(t, store, trials, 200)
}

// TestSweepInterrupted sends SIGINT (Ctrl-C) to a sweep: it stops after
// the current steps, shows the table with the cancelled trials, exits 1,
// and the next run trains what was not finished.
func TestSweepInterrupted(t *testing.T) {
	bin := binary(t)
	runs := t.TempDir()
	args := []string{"sweep", "--grid", "learning_rate=0.001,0.01,0.1,0.3", "--epochs=200", "--size=1000", "--runs", runs, "--parallel=2"}
	cmd := exec.Command(bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	sc, _ := testutil.Start(t, cmd)
	var out strings.Builder
	for sc.Scan() {
		out.WriteString(sc.Text() + "\n")
		if strings.Contains(sc.Text(), "epoch ") {
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	for sc.Scan() {
		out.WriteString(sc.Text() + "\n")
	}
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailure {
		t.Fatalf("exit: %v, want code %d\n%s\n%s", err, exitFailure, out.String(), stderr.String())
	}
	if !strings.Contains(out.String(), "cancelled") || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("the interruption is not shown:\n%s\n%s", out.String(), stderr.String())
	}
	store := moonsStore(t, runs, 1000)
	list := listRuns(t, store, "after the interruption")
	for _, r := range list {
		if r.Complete && r.History.Status == "finished" && len(r.History.Epochs) != 200 {
			t.Errorf("run %s claims to be finished after %d epochs", r.ID, len(r.History.Epochs))
		}
	}
}

// listRuns lists the runs stored in dir; a store that cannot be read fails
// the test, saying when.
func listRuns(t *testing.T, store *runstore.Store, when string) []*runstore.Run {
	t.Helper()
	list, err := store.List()
	if err != nil {
		t.Fatalf("%s, the store has unreadable runs: %v", when, err)
	}
	return list
}
