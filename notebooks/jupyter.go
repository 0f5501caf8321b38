package notebooks

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

// SetupHint is what a skipped (or, under CI=true, failed) notebook test
// tells the reader to run.
const SetupHint = "run `bash scripts/setup-notebooks.sh` (see README.md, Notebooks)"

// JupyterEnv returns the environment to run Jupyter with: this process's,
// with the Go tool directories on PATH (Jupyter starts GoNB with it, and
// GoNB runs go, goimports and gopls). missing says what is not installed,
// or is "" when the GoNB kernel can run.
func JupyterEnv() (env []string, missing string) {
	out, err := exec.Command("go", "env", "GOBIN", "GOPATH", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Sprintf("`go env` failed: %v", err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n") // GOBIN may be an empty line
	if len(lines) != 3 {
		return nil, fmt.Sprintf("`go env GOBIN GOPATH GOROOT` printed %q", out)
	}
	path := os.Getenv("PATH")
	for _, dir := range []string{filepath.Join(lines[2], "bin"), filepath.Join(lines[1], "bin"), lines[0]} {
		if dir != "" && dir != "bin" {
			path = dir + string(os.PathListSeparator) + path
		}
	}
	// GODEBUG=randautoseed=0 starts Go's global math/rand from the same
	// state in every cell program, so that a seeded search repeats:
	// goptuna v0.9.0 draws TPE's mixture component from it, and since Go
	// 1.24 rand.Seed cannot set it. Re-executed notebooks then change only
	// where their data do.
	godebug := "randautoseed=0"
	if prev := os.Getenv("GODEBUG"); prev != "" {
		godebug = prev + "," + godebug
	}
	env = append(os.Environ(), "PATH="+path, "JUPYTER_PLATFORM_DIRS=1", // the latter silences a jupyter_core warning
		"GODEBUG="+godebug)
	look := func(prog string) bool {
		for _, dir := range filepath.SplitList(path) {
			if fi, err := os.Stat(filepath.Join(dir, prog)); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
				return true
			}
		}
		return false
	}
	for _, prog := range []string{"jupyter", "goimports", "gopls"} {
		if !look(prog) {
			return env, prog + " is not installed"
		}
	}
	run := func(args ...string) ([]byte, error) {
		cmd := exec.Command("jupyter", args...)
		cmd.Env = env
		return cmd.CombinedOutput()
	}
	specs, err := run("kernelspec", "list")
	if err != nil {
		return env, fmt.Sprintf("`jupyter kernelspec list` failed (%v): %s", err, specs)
	}
	if !regexp.MustCompile(`(?m)^\s*gonb\s`).Match(specs) {
		return env, "the GoNB kernel is not installed in Jupyter"
	}
	if _, err := run("nbconvert", "--version"); err != nil {
		return env, "jupyter nbconvert is not installed"
	}
	return env, ""
}

// Execute runs notebook path with the GoNB kernel under nbconvert, in the
// notebook's own folder, and writes the executed copy into outDir; env is
// JupyterEnv's. It returns the executed notebook's path. A failing cell
// does not stop the run (cells are judged afterwards by Check).
func Execute(ctx context.Context, env []string, path, outDir string, cellTimeout time.Duration) (string, error) {
	start := time.Now()
	cmd := exec.CommandContext(ctx, "jupyter", "nbconvert", "--to", "notebook", "--execute",
		"--allow-errors", // cells are judged by Check, which knows about raises-exception
		"--ExecutePreprocessor.kernel_name=gonb",
		fmt.Sprintf("--ExecutePreprocessor.timeout=%d", int(cellTimeout.Seconds())),
		"--output-dir", outDir, filepath.Base(path))
	cmd.Dir = filepath.Dir(path)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		log := stderr.String()
		took := time.Since(start).Round(time.Second)
		switch {
		case strings.Contains(log, "DeadKernelError"):
			return "", fmt.Errorf("%s: the GoNB kernel died after %v; the last thing it ran: %s", path, took, lastRun(log))
		case strings.Contains(log, "CellTimeoutError"):
			return "", fmt.Errorf("%s: a cell ran longer than %v; the last thing GoNB ran: %s", path, cellTimeout, lastRun(log))
		}
		return "", fmt.Errorf("%s: jupyter nbconvert --execute failed (%v) after %v:\n%s", path, err, took, tail(log))
	}
	return filepath.Join(outDir, filepath.Base(path)), nil
}

// Executed is a notebook after Run: the executed copy's path, its content,
// and what Check finds wrong in its cells.
type Executed struct {
	Path     string
	Notebook *ipynb.Saved
	Problems []Problem
}

// Run executes the notebook at path (Execute) and reads the executed copy
// back with Check's problems. (The notebook suite normalizes the copy
// before it reads it, and calls Execute.)
func Run(ctx context.Context, env []string, path, outDir string, cellTimeout time.Duration) (Executed, error) {
	executed, err := Execute(ctx, env, path, outDir, cellTimeout)
	if err != nil {
		return Executed{}, err
	}
	nb, err := ReadNotebook(executed)
	if err != nil {
		return Executed{}, err
	}
	return Executed{Path: executed, Notebook: nb, Problems: Check(nb)}, nil
}

// ExportHTML writes the HTML export of the executed notebook into dir,
// with nbconvert's further options (such as
// --HTMLExporter.sanitize_html=True, which removes scripts and unsafe
// markup, as for an untrusted notebook), and returns the page's path; env
// is JupyterEnv's.
func ExportHTML(ctx context.Context, env []string, executed, dir string, options ...string) (string, error) {
	args := append(append([]string{"nbconvert", "--to", "html"}, options...), "--output-dir", dir, executed)
	cmd := exec.CommandContext(ctx, "jupyter", args...)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("jupyter %s: %v\n%s", strings.Join(args, " "), err, tail(string(out)))
	}
	return filepath.Join(dir, strings.TrimSuffix(filepath.Base(executed), ".ipynb")+".html"), nil
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
