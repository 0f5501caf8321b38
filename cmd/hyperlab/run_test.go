package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// runCLI runs the command in-process and returns the exit code and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string // in the one-line message
	}{
		{nil, "no command given"},
		{[]string{"trian"}, `unknown command "trian"`},
		{[]string{"train", "--learning_rat=0.1"}, "did you mean --learning_rate?"},
		{[]string{"train", "--bogus"}, "unknown flag --bogus"},
		{[]string{"train", "--learning_rate=-1"}, "learning_rate=-1 is below its minimum"},
		{[]string{"train", "--learning_rate=fast"}, `learning_rate="fast" is not a number`},
		{[]string{"train", "--optimizer=adamm"}, "optimizer"},
		{[]string{"train", "--dataset=nosuchset"}, "nosuchset"},
		{[]string{"train", "--dataset=/nonexistent/data.csv"}, "data.csv"},
		{[]string{"train", "extra"}, `unexpected argument "extra"`},
		{[]string{"train", "--size=abc"}, "--size=abc is not valid"},
		{[]string{"train", "--runs"}, "--runs needs a value"},
		{[]string{"sweep"}, "needs a search space"},
		{[]string{"sweep", "--grid", "learning_rate"}, "name=value"},
		{[]string{"sweep", "--grid", "learning_rate=0.1,x"}, `learning_rate="x" is not a number`},
		{[]string{"sweep", "--grid", "colour=red,blue"}, "colour"},
		{[]string{"sweep", "--grid", "learning_rate=0.1", "--parallel", "0"}, "--parallel=0 must be at least 1"},
		{[]string{"sweep", "--grid", "learning_rate=0.1", "--shard", "2/2"}, "--shard=2/2 is not a shard"},
		{[]string{"sweep", "--grid", "learning_rate=0.1", "--shard", "1/2", "--shards", "2"}, "not both"},
		{[]string{"sweep", "--grid", "learning_rate=0.1", "--shards", "2"}, "JOB_COMPLETION_INDEX"},
		{[]string{"sweep", "--grid", "learning_rate=0.1", "--halving", "2", "--shard", "0/2"}, "--halving"},
		{[]string{"sweep", "--grid", "learning_rate=0.1", "--table", "out.xls"}, "--table=out.xls"},
		{[]string{"sweep", "--grid", "learning_rate=0.1", "--sort", "colour", "--runs", "RUNS"}, `"colour"`},
		{[]string{"sweep", "--search", "tpe"}, "--search needs a space"},
		{[]string{"sweep", "--search", "tpee", "--space", "learning_rate=1e-4:1"}, `did you mean "tpe"`},
		{[]string{"sweep", "--search", "tpe", "--space", "learning_rate=1e-4:1", "--prune", "mediam"}, `did you mean "median"`},
		{[]string{"sweep", "--search", "tpe", "--space", "learnin_rate=1e-4:1"}, `did you mean "learning_rate"`},
		{[]string{"sweep", "--search", "tpe", "--space", "learning_rate=a:b"}, "low:high numbers"},
		{[]string{"sweep", "--search", "tpe", "--space", "learning_rate", "--grid", "batch_size=16,32"}, "drop --grid"},
		{[]string{"sweep", "--grid", "learning_rate=0.1", "--prune", "median"}, "go with --search"},
		{[]string{"lr-find", "--start=1", "--end=0.1"}, "must grow"},
		{[]string{"report", "--runs", "/nonexistent/runs"}, "not a run store directory"},
		{[]string{"demo", "--parallel=-1"}, "--parallel=-1"},
		// The resource guard: too many trials, too large a model.
		{[]string{"sweep", "--grid", "learning_rate=" + manyRates(101)}, "--allow-large"},
		{[]string{"train", "--hidden_layers=2048,2048", "--epochs=1"}, "--allow-large"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			for i, a := range tt.args {
				if a == "RUNS" {
					tt.args[i] = t.TempDir()
				}
			}
			code, _, stderr := runCLI(t, tt.args...)
			if code != exitUsage {
				t.Errorf("exit code %d, want %d; stderr %q", code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q does not say %q", stderr, tt.want)
			}
			if lines := strings.Count(strings.TrimRight(stderr, "\n"), "\n"); lines != 0 {
				t.Errorf("stderr has %d lines, want one sentence: %q", lines+1, stderr)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stderr holds a stack trace: %q", stderr)
			}
		})
	}
}

// manyRates lists n distinct learning rates, for a sweep over the limit.
func manyRates(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("%g", 0.001+float64(i)*1e-5)
	}
	return strings.Join(parts, ",")
}

func TestResourceGuardEstimatesTime(t *testing.T) {
	code, _, stderr := runCLI(t, "sweep", "--grid", "learning_rate="+manyRates(101), "--runs", t.TempDir())
	if code != exitUsage || !strings.Contains(stderr, "101 trials") || !strings.Contains(stderr, "estimated") {
		t.Errorf("exit %d, stderr %q; want exit 2 naming 101 trials and an estimated time", code, stderr)
	}
}

func TestHelpListsHyperparameters(t *testing.T) {
	code, stdout, _ := runCLI(t, "sweep", "--help")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"--grid", "--parallel", "--shard", "--runs", "--out", "--allow-large",
		"learning_rate", "0.01", "1e-06..100 (log)", "step size", "optimizer", "sgd | momentum | adam"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("sweep --help lacks %q:\n%s", want, stdout)
		}
	}
	code, stdout, _ = runCLI(t, "help")
	if code != exitOK || !strings.Contains(stdout, "lr-find") || !strings.Contains(stdout, "Exit codes") {
		t.Errorf("help: exit %d\n%s", code, stdout)
	}
}

// Every command's --help opens with its own name and the text the
// command table gives it, and its summary is one line of `hyperlab help`.
func TestEveryCommandHelpsFromTheTable(t *testing.T) {
	_, list, _ := runCLI(t, "help")
	for name, cmd := range commands {
		code, stdout, stderr := runCLI(t, name, "--help")
		want := "Usage: hyperlab " + name + " [flags]\n\n" + cmd.intro + "\n"
		if code != exitOK || !strings.HasPrefix(stdout, want) {
			t.Errorf("%s --help: exit %d, stderr %q, output begins\n%.300s\nwant it to begin\n%s", name, code, stderr, stdout, want)
		}
		if line := fmt.Sprintf("  %-8s %s\n", name, cmd.summary); !strings.Contains(list, line) {
			t.Errorf("hyperlab help lacks the line %q:\n%s", line, list)
		}
	}
}

// TestDivergenceThroughTheCLI: sgd at learning_rate=10 diverges; train
// shows the status and exits 1 (a run failure); a sweep holding that trial
// records it and still exits 0, since another trial finished.
func TestDivergenceThroughTheCLI(t *testing.T) {
	runs := t.TempDir()
	code, stdout, stderr := runCLI(t, "train", "--optimizer=sgd", "--learning_rate=10", "--epochs=5", "--runs", runs)
	if code != exitFailure {
		t.Errorf("train exit code %d, want %d", code, exitFailure)
	}
	if !strings.Contains(stdout, "Status: diverged") || !strings.Contains(stderr, "diverged") {
		t.Errorf("the divergence is not shown:\n%s\n%s", stdout, stderr)
	}
	table := filepath.Join(t.TempDir(), "results.json")
	code, stdout, stderr = runCLI(t, "sweep", "--optimizer=sgd", "--epochs=3", "--grid", "learning_rate=0.1,10",
		"--runs", runs, "--table", table, "--parallel", "2")
	if code != exitOK {
		t.Errorf("sweep exit code %d, want 0; stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "diverged") || !strings.Contains(stdout, "finished") {
		t.Errorf("the sweep table lacks the statuses:\n%s", stdout)
	}
	var res struct {
		Rows []struct {
			Status string         `json:"status"`
			Values map[string]any `json:"values"`
		} `json:"rows"`
	}
	testutil.ReadJSON(t, table, &res)
	for _, r := range res.Rows {
		want := "finished"
		if r.Values["learning_rate"] == 10.0 {
			want = "diverged"
		}
		if r.Status != want {
			t.Errorf("learning_rate=%v: status %s, want %s", r.Values["learning_rate"], r.Status, want)
		}
	}
}

func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("trains 8 models")
	}
	out := filepath.Join(t.TempDir(), "demo.html")
	runs := filepath.Join(t.TempDir(), "runs")
	code, stdout, stderr := runCLI(t, "demo", "--out", out, "--runs", runs)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, "\x1b[") {
		t.Errorf("control codes in non-terminal output")
	}
	for _, want := range []string{"trial 7", "learning_rate", "batch_size", "Best trial: ", "Report: " + out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("demo output lacks %q:\n%s", want, stdout)
		}
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<table", "learning_rate", "echarts", "All runs"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("report lacks %q", want)
		}
	}
	checkReportInBrowser(t, out, runs)
	checkReportStatic(t, out)
}

func TestLRFindCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "lr.html")
	code, stdout, stderr := runCLI(t, "lr-find", "--optimizer=sgd", "--steps=60", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Suggested learning_rate", "Stopped:", "fastai's four rules", "steep ", "slide ", "minimum ", "valley", "Chart: " + out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("lr-find output lacks %q:\n%s", want, stdout)
		}
	}
	if b, err := os.ReadFile(out); err != nil || !strings.Contains(string(b), `"log"`) {
		t.Errorf("the chart %s has no log axis (err %v)", out, err)
	}
}

// TestReportEscapesUserStrings puts markup in the one user string a
// report shows verbatim: the run store's path.
func TestReportEscapesUserStrings(t *testing.T) {
	runs := filepath.Join(t.TempDir(), `<script>alert("x")</script>`)
	code, _, stderr := runCLI(t, "train", "--epochs=2", "--runs", runs)
	if code != exitOK {
		t.Fatalf("train: exit %d: %s", code, stderr)
	}
	out := filepath.Join(t.TempDir(), "r.html")
	code, _, stderr = runCLI(t, "report", "--runs", runs, "--out", out)
	if code != exitOK {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	page, _ := os.ReadFile(out)
	if strings.Contains(string(page), `<script>alert`) || !strings.Contains(string(page), `&lt;script&gt;alert`) {
		t.Errorf("the report does not escape the store path")
	}
}

func TestSweepHalvingAndRandom(t *testing.T) {
	if testing.Short() {
		t.Skip("trains models")
	}
	table := filepath.Join(t.TempDir(), "h.csv")
	code, stdout, stderr := runCLI(t, "sweep", "--grid", "learning_rate=0.0001,0.001,0.01,0.1", "--epochs=4", "--size=300",
		"--halving=1", "--runs", t.TempDir(), "--table", table)
	if code != exitOK {
		t.Fatalf("halving: exit %d: %s", code, stderr)
	}
	if n := strings.Count(stdout, "pruned"); n < 2 {
		t.Errorf("halving pruned %d trials, want at least 2 of 4:\n%s", n, stdout)
	}
	if !strings.Contains(stdout, "rung 2") {
		t.Errorf("no trial reached rung 2 (4 epochs):\n%s", stdout)
	}
	b, err := os.ReadFile(table)
	if err != nil || !strings.HasPrefix(string(b), "trial,id,") {
		t.Errorf("CSV table: %v\n%s", err, b)
	}
	code, stdout, stderr = runCLI(t, "sweep", "--random=3", "--vary=learning_rate", "--epochs=2", "--size=300",
		"--runs", t.TempDir())
	if code != exitOK || strings.Count(stdout, ": start ") != 3 {
		t.Errorf("random: exit %d, stderr %q:\n%s", code, stderr, stdout)
	}
	// --random with --grid samples the grid's points.
	code, stdout, stderr = runCLI(t, "sweep", "--random=2", "--grid", "learning_rate=0.001,0.01,0.1", "--grid", "batch_size=16,64",
		"--epochs=2", "--size=300", "--runs", t.TempDir())
	if code != exitOK || strings.Count(stdout, ": start ") != 2 || !strings.Contains(stdout, "2 trials") {
		t.Errorf("random over a grid: exit %d, stderr %q:\n%s", code, stderr, stdout)
	}
}
