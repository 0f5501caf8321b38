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
