package runstore

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
)

// The crash test runs a child process (this test binary again, selected by
// an environment variable) that writes a plan of runs into a store, and
// SIGKILLs it at seeded random points. After every kill, each finished run
// must load with exactly its data, at most the interrupted run may be
// incomplete, and the next child resumes: it skips complete runs and
// Resets and redoes the incomplete one.

const (
	crashEnv     = "RUNSTORE_CRASH_CHILD_ROOT"
	crashRuns    = 24
	crashEpochs  = 15
	crashKills   = 20
	crashKillMax = 40 // lines of child progress before a kill, at most
)

func crashID(r int) string { return fmt.Sprintf("run%02d", r) }

// crashEpoch is epoch e of run r, recognisable when read back.
func crashEpoch(r, e int) history.Epoch {
	x := epoch(e)
	x.TrainLoss = float64(r) + 1/float64(e)
	return x
}

func crashSteps(r, e int) []float64 { return []float64{float64(r*1000 + e), float64(r*1000 + e + 1)} }

// TestCrashChild is the child's body; it does nothing in a normal test run.
func TestCrashChild(t *testing.T) {
	s := childStore(t, crashEnv, "TestCrashSafety")
	fail := func(err error) { fmt.Println("ERR", err); os.Exit(2) }
	// Each progress line waits for the parent's go-ahead, so the parent
	// knows where the child is when it decides to kill.
	in := bufio.NewReader(os.Stdin)
	progress := func(a ...any) {
		fmt.Println(a...)
		if _, err := in.ReadByte(); err != nil {
			os.Exit(3)
		}
	}
	for r := range crashRuns {
		id := crashID(r)
		if run, err := s.Load(id); err == nil {
			if run.Complete {
				continue
			}
			if err := s.Reset(id); err != nil {
				fail(err)
			}
			progress("R", id)
		}
		w, err := s.Create(Meta{ID: id, Values: map[string]any{"run": r}, Seed: int64(r)})
		if err != nil {
			fail(err)
		}
		progress("C", id)
		for e := 1; e <= crashEpochs; e++ {
			if err := w.Epoch(crashEpoch(r, e)); err != nil {
				fail(err)
			}
			if err := w.Steps(crashSteps(r, e)); err != nil {
				fail(err)
			}
			progress("E", id, e)
		}
		if err := w.Finish(&history.History{Status: history.Finished}); err != nil {
			fail(err)
		}
		progress("F", id)
	}
	fmt.Println("DONE")
}

func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts up to 21 child processes; skipped with -short")
	}
	root := t.TempDir()
	rng := rand.New(rand.NewPCG(2026, 11))
	var points []string
	for kill := 0; kill < crashKills; kill++ {
		after := 1 + rng.IntN(crashKillMax)
		last, done := runChild(t, root, after, time.Duration(rng.IntN(2000))*time.Microsecond)
		if done {
			break
		}
		points = append(points, last)
		checkAfterCrash(t, root, last)
		if t.Failed() {
			t.Fatalf("after kill %d (at %q; earlier kills at %s)", kill+1, last, strings.Join(points, " | "))
		}
	}
	t.Logf("%d kills, at: %s", len(points), strings.Join(points, " | "))
	if len(points) < crashKills/2 {
		t.Errorf("only %d kills landed before the child finished; raise crashRuns", len(points))
	}
	// A last child runs to the end: every run is complete and exact.
	if _, done := runChild(t, root, -1, 0); !done {
		t.Fatal("the last child did not finish")
	}
	s, _ := Open(root)
	runs, err := s.List()
	if err != nil || len(runs) != crashRuns {
		t.Fatalf("%d runs, %v", len(runs), err)
	}
	for _, run := range runs {
		checkRun(t, run)
		if !run.Complete {
			t.Errorf("%s is incomplete after the resume: %s", run.ID, run.Note)
		}
	}
}

// runChild starts a child writing into root and SIGKILLs it after it
// printed `after` progress lines (never if after < 0): it lets the child
// go on and kills it delay later, somewhere before its next line (in an
// append, a Finish, a Create or a Reset). It returns the last line read
// and whether the child finished its plan.
func runChild(t *testing.T, root string, after int, delay time.Duration) (last string, done bool) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+root)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	goAhead, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "ERR") {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child: %s", line)
		}
		if line == "DONE" {
			done = true
			break
		}
		if len(line) > 0 && strings.Contains("CERF", line[:1]) {
			last = line
			goAhead.Write([]byte{1})
			if n++; n == after {
				time.Sleep(delay)
				cmd.Process.Kill() // SIGKILL
				break
			}
		}
	}
	cmd.Wait()
	return last, done
}

// checkAfterCrash asserts that every run loads, the finished ones exactly,
// and that at most one run, the one being written, is incomplete.
func checkAfterCrash(t *testing.T, root, last string) {
	t.Helper()
	s, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	runs, err := s.List()
	if err != nil {
		t.Errorf("List after a kill: %v", err)
	}
	f := strings.Fields(last)
	current := f[1]
	var incomplete []string
	for _, run := range runs {
		checkRun(t, run)
		if !run.Complete {
			incomplete = append(incomplete, run.ID+" ("+run.Note+")")
			if run.Active {
				t.Errorf("%s is marked active after its writer was killed", run.ID)
			}
		}
	}
	// After its last line the child may have gone one step further: from
	// the last epoch into Finish, from F into creating the next run.
	var r int
	fmt.Sscanf(current, "run%d", &r)
	allowed := []string{current, crashID(r + 1)}
	if len(incomplete) > 1 || len(incomplete) == 1 && !slices.Contains(allowed, strings.Fields(incomplete[0])[0]) {
		t.Errorf("incomplete runs %v after a kill at %q; only %v may be", incomplete, last, allowed)
	}
	if f[0] == "F" && (len(runs) == 0 || !slices.ContainsFunc(runs, func(r *Run) bool { return r.ID == current && r.Complete })) {
		t.Errorf("%s printed F but is not complete", current)
	}
}

// checkRun asserts that a run's data is a prefix of its plan (all of it
// when complete).
func checkRun(t *testing.T, run *Run) {
	t.Helper()
	var r int
	if _, err := fmt.Sscanf(run.ID, "run%d", &r); err != nil {
		t.Errorf("unexpected run %q", run.ID)
		return
	}
	if run.Complete && (len(run.History.Epochs) != crashEpochs || run.History.Status != history.Finished || run.Values["run"] != float64(r)) {
		t.Errorf("%s complete with %d epochs, status %s, values %v", run.ID, len(run.History.Epochs), run.History.Status, run.Values)
	}
	for i, e := range run.History.Epochs {
		if !e.Equal(crashEpoch(r, i+1)) {
			t.Errorf("%s epoch %d is %+v", run.ID, i+1, e)
		}
	}
	for i, v := range run.History.StepLoss {
		if v != crashSteps(r, i/2+1)[i%2] {
			t.Errorf("%s step %d is %v", run.ID, i, v)
		}
	}
	if !run.Complete && run.Note == "" {
		t.Errorf("%s is incomplete without a note", run.ID)
	}
}
