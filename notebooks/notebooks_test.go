package notebooks

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	update      = flag.Bool("update", false, "write the executed notebooks back in place and their HTML exports to html/")
	only        = flag.String("notebook", "", "run only the notebooks whose file name contains this")
	cellTimeout = flag.Duration("cell-timeout", 10*time.Minute, "how long one cell may run")
)

// setupHint is what a skip (or, under CI=true, a failure) tells the reader to run.
const setupHint = "run `bash scripts/setup-notebooks.sh` (see README.md, Notebooks)"

func TestNotebooks(t *testing.T) {
	if why := useJupyter(t); why != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; under CI=true the notebooks must run: %s", why, setupHint)
		}
		t.Skipf("%s; to execute the notebooks, %s", why, setupHint)
	}
	files, err := filepath.Glob("*.ipynb")
	if err != nil || len(files) == 0 {
		t.Fatalf("no notebooks found in notebooks/ (%v)", err)
	}
	outDir, htmlDir := t.TempDir(), t.TempDir()
	if *update {
		htmlDir = "html"
		if err := os.MkdirAll(htmlDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// One notebook at a time: each one's timings are part of what it teaches,
	// and the machines it runs on have few cores.
	ran := 0
	for _, f := range files {
		if !strings.Contains(f, *only) {
			continue
		}
		ran++
		t.Run(strings.TrimSuffix(f, ".ipynb"), func(t *testing.T) {
			executed := execute(t, f, outDir)
			if executed == "" {
				return
			}
			page := exportHTML(t, executed, htmlDir)
			checkCharts(t, executed, page)
			checkImages(t, executed, page, exportSanitized(t, executed, t.TempDir()))
			if *update && !t.Failed() {
				if err := copyFile(executed, f); err != nil {
					t.Fatal(err)
				}
				t.Logf("updated %s and %s", f, page)
			}
		})
	}
	if ran == 0 {
		t.Errorf("no notebook in notebooks/ matches -notebook=%q", *only)
	}
}

// useJupyter puts the Go tool directories on PATH (Jupyter starts GoNB with
// this process's environment, and GoNB runs go, goimports and gopls) and
// reports what is missing, or "".
func useJupyter(t *testing.T) string {
	out, err := exec.Command("go", "env", "GOBIN", "GOPATH", "GOROOT").Output()
	if err != nil {
		return fmt.Sprintf("`go env` failed: %v", err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n") // GOBIN may be an empty line
	if len(lines) != 3 {
		return fmt.Sprintf("`go env GOBIN GOPATH GOROOT` printed %q", out)
	}
	path := os.Getenv("PATH")
	for _, dir := range []string{filepath.Join(lines[2], "bin"), filepath.Join(lines[1], "bin"), lines[0]} {
		if dir != "" && dir != "bin" {
			path = dir + string(os.PathListSeparator) + path
		}
	}
	t.Setenv("PATH", path)
	t.Setenv("JUPYTER_PLATFORM_DIRS", "1") // silences a deprecation warning of jupyter_core
	for _, prog := range []string{"jupyter", "goimports", "gopls"} {
		if _, err := exec.LookPath(prog); err != nil {
			return prog + " is not installed"
		}
	}
	specs, err := exec.Command("jupyter", "kernelspec", "list").CombinedOutput()
	if err != nil {
		return fmt.Sprintf("`jupyter kernelspec list` failed (%v): %s", err, specs)
	}
	if !regexp.MustCompile(`(?m)^\s*gonb\s`).Match(specs) {
		return "the GoNB kernel is not installed in Jupyter"
	}
	if err := exec.Command("jupyter", "nbconvert", "--version").Run(); err != nil {
		return "jupyter nbconvert is not installed"
	}
	return ""
}

// execute runs notebook f with the GoNB kernel into dir and checks every cell.
// It returns the executed notebook's path, or "" when there is none.
func execute(t *testing.T, f, dir string) string {
	t.Helper()
	timeout := int(cellTimeout.Seconds())
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	start := time.Now()
	cmd := exec.CommandContext(ctx, "jupyter", "nbconvert", "--to", "notebook", "--execute",
		"--allow-errors", // cells are judged by Check, which knows about raises-exception
		"--ExecutePreprocessor.kernel_name=gonb",
		fmt.Sprintf("--ExecutePreprocessor.timeout=%d", timeout),
		"--output-dir", dir, f)
	// A fresh run store per notebook: every run trains (the store is a cache
	// that would otherwise hide training from the test), and notebooks do
	// not see each other's runs.
	cmd.Env = append(os.Environ(), "HYPERLAB_RUNS="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		log := stderr.String()
		switch {
		case strings.Contains(log, "DeadKernelError"):
			t.Errorf("%s: the GoNB kernel died after %v; the last thing it ran: %s", f, time.Since(start).Round(time.Second), lastRun(log))
		case strings.Contains(log, "CellTimeoutError"):
			t.Errorf("%s: a cell ran longer than -cell-timeout=%v; the last thing GoNB ran: %s", f, *cellTimeout, lastRun(log))
		default:
			t.Errorf("%s: jupyter nbconvert --execute failed (%v) after %v:\n%s", f, err, time.Since(start).Round(time.Second), tail(log))
		}
		return ""
	}
	t.Logf("%s executed in %v", f, time.Since(start).Round(100*time.Millisecond))
	executed := filepath.Join(dir, f)
	if err := Normalize(executed); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(executed); err != nil {
		t.Fatal(err)
	} else if t.Logf("%s: %d bytes", f, fi.Size()); fi.Size() > MaxBytes {
		t.Errorf("%s weighs %d bytes executed, more than %d: store its outputs more compactly", f, fi.Size(), MaxBytes)
	}
	nb, err := ReadNotebook(executed)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Check(nb) {
		t.Errorf("%s %s", f, p)
	}
	for _, p := range ChartBundles(nb) {
		t.Errorf("%s %s", f, p)
	}
	for _, p := range Leaks(nb, LocalPaths("..")) {
		t.Errorf("%s %s", f, p)
	}
	if committed, err := ReadNotebook(f); err != nil {
		t.Error(err)
	} else {
		for _, p := range LostOutputs(committed, nb) {
			t.Errorf("%s %s", f, p)
		}
	}
	return executed
}

// exportHTML writes the HTML export of an executed notebook into dir.
func exportHTML(t *testing.T, executed, dir string) string {
	t.Helper()
	out, err := exec.Command("jupyter", "nbconvert", "--to", "html", "--output-dir", dir, executed).CombinedOutput()
	if err != nil {
		t.Errorf("jupyter nbconvert --to html %s: %v\n%s", executed, err, tail(string(out)))
	}
	return filepath.Join(dir, strings.TrimSuffix(filepath.Base(executed), ".ipynb")+".html")
}

// exportSanitized writes the HTML export of an executed notebook made with
// nbconvert's sanitizer (scripts and unsafe markup removed, as for an
// untrusted notebook) into dir.
func exportSanitized(t *testing.T, executed, dir string) string {
	t.Helper()
	out, err := exec.Command("jupyter", "nbconvert", "--to", "html", "--HTMLExporter.sanitize_html=True",
		"--output-dir", dir, executed).CombinedOutput()
	if err != nil {
		t.Errorf("jupyter nbconvert --to html --HTMLExporter.sanitize_html=True %s: %v\n%s", executed, err, tail(string(out)))
	}
	return filepath.Join(dir, strings.TrimSuffix(filepath.Base(executed), ".ipynb")+".html")
}

// gonbLog matches GoNB's own info and warning log lines (klog format).
var gonbLog = regexp.MustCompile(`^[IW]\d{4} `)

// tail keeps the last lines of nbconvert's stderr that are not GoNB's info logs.
func tail(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !gonbLog.MatchString(l) {
			keep = append(keep, l)
		}
	}
	if len(keep) > 40 {
		keep = keep[len(keep)-40:]
	}
	return strings.Join(keep, "\n")
}

// lastRun finds GoNB's last "Executing: ..." log line: the cell program or
// shell command it ran when things went wrong.
func lastRun(log string) string {
	i := strings.LastIndex(log, "Executing: ")
	if i < 0 {
		return "(unknown)"
	}
	line, _, _ := strings.Cut(log[i+len("Executing: "):], "\n")
	return line
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
