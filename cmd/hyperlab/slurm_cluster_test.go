package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// slurmCluster makes sure a one-node Slurm cluster runs (scripts/slurm-up.sh)
// and stops at the end of the test what it started. Outside CI it skips when
// Slurm is not installed or the test is not root; under CI=true it fails.
func slurmCluster(t *testing.T) {
	t.Helper()
	const hint = "scripts/setup-tests.sh installs slurm-wlm and munge"
	if _, err := exec.LookPath("sbatch"); err != nil {
		testutil.Require(t, "Slurm is not installed (apt-get install slurm-wlm munge)", hint)
	}
	if os.Geteuid() != 0 {
		testutil.Require(t, "starting the Slurm daemons needs root", hint)
	}
	wasUp := exec.Command("sh", "-c", "sinfo -h -o %T | grep -qE '^(idle|mixed|allocated)'").Run() == nil
	if out, err := exec.Command("bash", "../../scripts/slurm-up.sh").CombinedOutput(); err != nil {
		t.Fatalf("scripts/slurm-up.sh: %v\n%s", err, out)
	}
	if !wasUp {
		t.Cleanup(func() {
			if out, err := exec.Command("bash", "../../scripts/slurm-down.sh").CombinedOutput(); err != nil {
				t.Errorf("scripts/slurm-down.sh: %v\n%s", err, out)
			}
		})
	}
}

var submitted = regexp.MustCompile(`job array (\d+) \(\d+ tasks\) and the report as job (\d+)`)

// slurmSubmit runs `hyperlab slurm --submit` and returns the array's and
// the report's job ids.
func slurmSubmit(t *testing.T, bin string, args ...string) (array, report string) {
	t.Helper()
	out := mustRun(t, bin, append([]string{"slurm", "--submit", "--hyperlab", bin}, args...)...)
	m := submitted.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no job ids in:\n%s", out)
	}
	return m[1], m[2]
}

// waitJobs waits until none of the jobs is queued or running.
func waitJobs(t *testing.T, limit time.Duration, ids ...string) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		out, err := exec.Command("squeue", "-h", "-j", strings.Join(ids, ","), "-o", "%i %T").Output()
		if err == nil && strings.TrimSpace(string(out)) == "" {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	out, _ := exec.Command("squeue").CombinedOutput()
	t.Fatalf("jobs %v still queued after %v:\n%s", ids, limit, out)
}

// TestSlurmArrayEqualsUnsharded submits a 4-task array sweep and its report
// job to a real Slurm, and checks that the merged store equals the same
// sweep run unsharded, and that the report job wrote its report.
func TestSlurmArrayEqualsUnsharded(t *testing.T) {
	bin := binary(t)
	slurmCluster(t)
	runs := filepath.Join(t.TempDir(), "runs")
	sweep := []string{"--grid", "learning_rate=0.003,0.03,0.3", "--grid", "batch_size=16,64", "--epochs=4", "--size=300"}
	array, report := slurmSubmit(t, bin, append([]string{"--shards", "4", "--parallel", "1", "--runs", runs}, sweep...)...)
	waitJobs(t, 3*time.Minute, array, report)
	logs, _ := filepath.Glob(filepath.Join(runs+"-slurm", "*.out"))
	if len(logs) != 5 {
		t.Errorf("%d job logs, want 4 array tasks and the report: %v", len(logs), logs)
	}
	for i := range 4 {
		b, err := os.ReadFile(filepath.Join(runs+"-slurm", fmt.Sprintf("sweep-%s_%d.out", array, i)))
		if err != nil || !strings.Contains(string(b), fmt.Sprintf("shard %d/4 (from SLURM_ARRAY_TASK_ID=%d)", i, i)) {
			t.Errorf("task %d did not run its shard (%v):\n%s", i, err, b)
		}
	}
	for _, f := range []string{"report.html", "results.csv"} {
		if fi, err := os.Stat(filepath.Join(runs, f)); err != nil || fi.Size() == 0 {
			t.Errorf("the report job did not write %s: %v", f, err)
		}
	}
	sameAsUnsharded(t, bin, runs, sweep, 6)
}

// TestSlurmCancelAndResubmit cancels one array task while it trains, then
// submits the sweep again: only the trials missing from the store train.
func TestSlurmCancelAndResubmit(t *testing.T) {
	bin := binary(t)
	slurmCluster(t)
	runs := filepath.Join(t.TempDir(), "runs")
	args := []string{"--shards", "4", "--parallel", "1", "--runs", runs,
		"--grid", "learning_rate=0.001,0.003,0.01,0.03", "--grid", "batch_size=8,16", "--epochs=100", "--size=2000"}
	array, report := slurmSubmit(t, bin, args...)
	task := array + "_2"
	deadline := time.Now().Add(2 * time.Minute)
	for {
		out, _ := exec.Command("squeue", "-h", "-j", task, "-o", "%T").Output()
		state := strings.TrimSpace(string(out))
		log, _ := os.ReadFile(filepath.Join(runs+"-slurm", fmt.Sprintf("sweep-%s.out", task)))
		if state == "RUNNING" && strings.Contains(string(log), ": start ") {
			break // the task trains its first trial: cancel it mid-sweep
		}
		if state == "" || time.Now().After(deadline) {
			t.Fatalf("task %s never ran (state %q)", task, state)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if out, err := exec.Command("scancel", task).CombinedOutput(); err != nil {
		t.Fatalf("scancel %s: %v\n%s", task, err, out)
	}
	waitJobs(t, 4*time.Minute, array, report)
	before := complete(t, runs, false)
	if len(before) >= 8 {
		t.Fatalf("all 8 trials finished although task 2 was cancelled; make the trials longer")
	}
	resubmitted := time.Now()
	array2, report2 := slurmSubmit(t, bin, args...)
	waitJobs(t, 4*time.Minute, array2, report2)
	after := complete(t, runs, false)
	if len(after) != 8 {
		t.Fatalf("%d of 8 trials complete after the resubmission", len(after))
	}
	trained := 0
	for id, created := range after {
		if old, ok := before[id]; ok {
			if !created.Equal(old) {
				t.Errorf("run %s, complete before, was trained again", id)
			}
			continue
		}
		if created.Before(resubmitted) {
			t.Errorf("run %s completed after the cancel but was created before the resubmission", id)
		}
		trained++
	}
	if trained != 8-len(before) {
		t.Errorf("the resubmission trained %d trials, want the %d missing", trained, 8-len(before))
	}
	t.Logf("cancelled task 2 with %d of 8 trials complete; the resubmission trained the %d missing", len(before), trained)
}

// complete returns the finished runs of the sweep's store under root (id →
// creation time); with missingOK, a store not created yet has none.
func complete(t *testing.T, root string, missingOK bool) map[string]time.Time {
	t.Helper()
	if _, err := os.Stat(root); missingOK && os.IsNotExist(err) {
		return nil
	}
	runs, err := moonsStore(t, root, 2000).List()
	if err != nil && !missingOK {
		t.Fatal(err)
	}
	out := map[string]time.Time{}
	for _, r := range runs {
		if r.Complete && r.History.Status == history.Finished {
			out[r.ID] = r.Created
		}
	}
	return out
}
