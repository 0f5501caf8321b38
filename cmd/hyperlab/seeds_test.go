package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// train --seeds trains one stored run per seed and reports mean ± s.d.;
// sweep --seeds adds a table per configuration.
func TestSeedsFlag(t *testing.T) {
	runs := filepath.Join(t.TempDir(), "runs")
	code, out, errOut := runCLI(t, "train", "--seeds", "2", "--epochs", "2", "--size", "200", "--runs", runs)
	if code != exitOK || !strings.Contains(out, "seed 2: finished") || !strings.Contains(out, "Over 2 seeds (mean ± s.d.)") {
		t.Fatalf("train --seeds 2: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "sweep", "--seeds", "2", "--epochs", "2", "--size", "200", "--runs", runs, "--grid", "learning_rate=0.01,0.1")
	if code != exitOK || !strings.Contains(out, "learning_rate=0.1: 2 seeds") || !strings.Contains(out, "learning_rate=0.01: 2 seeds") {
		t.Fatalf("sweep --seeds 2: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "report", "--runs", runs)
	if code != exitOK || !strings.Contains(out, "Configurations over their seeds (mean ± s.d.)") || !strings.Contains(out, "learning_rate=0.1: 2 seeds") {
		t.Fatalf("report of a store with seeds: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut = runCLI(t, "train", "--seeds", "0"); code == exitOK || !strings.Contains(errOut, "seeds=0") {
		t.Errorf("train --seeds 0: exit %d, %q", code, errOut)
	}
}

// --stack=false trains the seeds (and a sweep's trials) one by one; the
// numbers are those of the stacked default.
func TestStackFlagGivesSameNumbers(t *testing.T) {
	summary := func(args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, append(args, "--runs", t.TempDir())...)
		if code != exitOK {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		i := strings.Index(out, "Over 3 seeds")
		if args[0] == "sweep" {
			i = strings.Index(out, "learning_rate=0.1: 2 seeds")
		}
		if i < 0 {
			t.Fatalf("%v printed no summary:\n%s", args, out)
		}
		return strings.SplitN(out[i:], "\n", 2)[0]
	}
	train := []string{"train", "--seeds", "3", "--epochs", "2", "--size", "200"}
	if a, b := summary(train...), summary(append(train, "--stack=false")...); a != b {
		t.Errorf("stacked: %s\nalone:   %s", a, b)
	}
	sweep := []string{"sweep", "--seeds", "2", "--epochs", "2", "--size", "200", "--grid", "learning_rate=0.01,0.1", "--parallel", "1"}
	if a, b := summary(sweep...), summary(append(sweep, "--stack=false")...); a != b {
		t.Errorf("stacked: %s\nalone:   %s", a, b)
	}
}
