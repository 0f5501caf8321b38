package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// Mistakes that used to give a wrong result, or fail only after the work,
// end at once in one sentence with exit code 2.
func TestSilentMistakesRefusedFirst(t *testing.T) {
	dir := t.TempDir()
	reg := testutil.WriteFile(t, filepath.Join(dir, "reg.csv"), testutil.RegressionCSV(300))
	million := []string{"sweep", "--runs", dir, "--grid", "learning_rate=" + strings.Repeat("0.1,", 999) + "0.1",
		"--grid", "batch_size=" + strings.Repeat("8,", 999) + "8"}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"train", "--runs", "", "--noise=Inf"}, "noise"},
		{[]string{"train", "--runs", "", "--noise=NaN"}, "noise"},
		{[]string{"lr-find", "--end=Inf"}, "finite end"},
		{[]string{"sweep", "--runs", dir, "--grid", "learning_rate=0.1,0.01", "--sort", "best_los"}, `cannot sort the results by "best_los"`},
		{million, "1000000 trials"},
		{[]string{"train", "--runs", "", "--dataset", reg}, "--task regression"},
		{[]string{"train", "--runs", "", "--dataset", reg, "--task", "regresion"}, "use classification or regression"},
		{[]string{"train", "--runs", "", "--size=2000000"}, "--allow-large"},
	}
	for _, tc := range tests {
		start := time.Now()
		code, _, stderr := runCLI(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, %q; want exit 2 and one line with %q", tc.args[:2], code, stderr, tc.want)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%v took %v", tc.args[:2], d)
		}
	}
}

// --task regression reads a numeric label column as a target.
func TestTaskRegressionTrains(t *testing.T) {
	if testing.Short() {
		t.Skip("trains")
	}
	var b strings.Builder
	b.WriteString("x,target,y\n")
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&b, "%d,%g,%d\n", i, float64(i)*0.01, i%2)
	}
	reg := testutil.WriteFile(t, filepath.Join(t.TempDir(), "reg.csv"), b.String())
	code, stdout, stderr := runCLI(t, "train", "--runs", "", "--dataset", reg, "--label", "target", "--task", "regression", "--epochs=2")
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
}

// A sweep whose trials fail exits 1, naming how many failed. The failing
// trial here is a model too large for the machine's memory, which
// --allow-large does not let through.
func TestSweepWithFailedTrialsExits1(t *testing.T) {
	code, stdout, stderr := runCLI(t, "sweep", "--runs", t.TempDir(), "--grid", "hidden_layers=8;65536,65536",
		"--allow-large", "--epochs=1", "--size=60", "--parallel=1")
	if code != exitFailure || !strings.Contains(stderr, "1 of 2 trials failed") {
		t.Errorf("exit %d, stderr %q; want 1 naming the failed trial\n%s", code, stderr, stdout)
	}
}

// Error sentences never carry raw control characters to the terminal.
func TestOneSentenceEscapesControlCharacters(t *testing.T) {
	got := oneSentence("runstore: run \"x\" failed: \x1b]0;pwned\x07\x1b[2J")
	if strings.ContainsAny(got, "\x1b\x07") || !strings.Contains(got, `\x1b]0;pwned`) {
		t.Errorf("oneSentence = %q", got)
	}
}
