package notebooks

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/lab"
)

var (
	only        = flag.String("notebook", "", "run only the notebooks whose file name contains this")
	cellTimeout = flag.Duration("cell-timeout", 10*time.Minute, "how long one cell may run")
)

// jupyterEnv is the environment Jupyter runs with (JupyterEnv).
var jupyterEnv []string

func TestNotebooks(t *testing.T) {
	if testing.Short() {
		t.Skip("executes every notebook with Jupyter and GoNB (about 12 minutes); skipped with -short")
	}
	env, why := JupyterEnv()
	jupyterEnv = env
	testutil.Require(t, why, SetupHint)
	files, err := editions()
	if err != nil {
		t.Fatal(err)
	}
	outDir, htmlDir := t.TempDir(), t.TempDir()
	if testutil.Updating() {
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
		lang := languageOf(f)
		// zh/NAME runs as the subtest zh_NAME; -notebook=zh/ selects the Chinese edition.
		t.Run(strings.ReplaceAll(strings.TrimSuffix(f, ".ipynb"), "/", "_"), func(t *testing.T) {
			out, html := filepath.Join(outDir, filepath.Dir(f)), filepath.Join(htmlDir, filepath.Dir(f))
			for _, d := range []string{out, html} {
				if err := os.MkdirAll(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			executed := execute(t, f, out)
			if executed == "" {
				return
			}
			page := exportHTML(t, executed, html)
			checkCharts(t, executed, page, lang)
			checkImages(t, executed, page, exportHTML(t, executed, t.TempDir(), "--HTMLExporter.sanitize_html=True"))
			if testutil.Updating() && !t.Failed() {
				if err := copyFile(executed, f); err != nil {
					t.Fatal(err)
				}
				t.Logf("updated %s and %s", f, page)
			}
		})
	}
	if ran == 0 {
		t.Errorf("no notebook in notebooks/ or notebooks/zh/ matches -notebook=%q", *only)
	}
}

// editions lists the notebooks of both editions, relative to notebooks/:
// NAME.ipynb (English) and zh/NAME.ipynb (Chinese), built from one source
// each (notebooks/tools/mknb); both run with the same checks and budget.
func editions() ([]string, error) {
	en, err := filepath.Glob("*.ipynb")
	if err != nil || len(en) == 0 {
		return nil, fmt.Errorf("no notebooks found in notebooks/ (%v)", err)
	}
	zh, err := filepath.Glob(filepath.Join(i18n.Chinese, "*.ipynb"))
	if err != nil || len(zh) != len(en) {
		return nil, fmt.Errorf("notebooks/zh has %d notebooks for %d English ones (%v); run make notebook-sources", len(zh), len(en), err)
	}
	return append(en, zh...), nil
}

// languageOf is the language of the notebook at path (relative to notebooks/).
func languageOf(path string) string {
	if filepath.Dir(path) == i18n.Chinese {
		return i18n.Chinese
	}
	return i18n.English
}

// execute runs notebook f with the GoNB kernel into dir and checks every cell.
// It returns the executed notebook's path, or "" when there is none.
func execute(t *testing.T, f, dir string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	// A fresh run store per notebook: every run trains (the store is a cache
	// that would otherwise hide training from the test), and notebooks do
	// not see each other's runs.
	runs := t.TempDir()
	env := append(slices.Clip(jupyterEnv), "HYPERLAB_RUNS="+runs)
	start := time.Now()
	executed, err := Execute(ctx, env, f, dir, *cellTimeout)
	if err != nil {
		t.Error(err)
		return ""
	}
	t.Logf("%s executed in %v", f, time.Since(start).Round(100*time.Millisecond))
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
	// Every saved verdict is recomputed from the runs this execution stored:
	// the committed notebook's (or, with -update, the new one's) boxes must
	// match, so a verdict edited by hand or data that changed direction fail.
	saved := f
	if testutil.Updating() {
		saved = executed
	}
	if vs, err := lab.RecheckNotebook(saved, runs); err != nil {
		t.Errorf("%s: a saved verdict does not match its runs: %v", saved, err)
	} else if len(vs) > 0 {
		t.Logf("%s: %d verdicts rechecked from the run store", f, len(vs))
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

// exportHTML is ExportHTML into dir with nbconvert's further options; a
// failed export fails the test, whose checks then find no page.
func exportHTML(t *testing.T, executed, dir string, options ...string) string {
	t.Helper()
	page, err := ExportHTML(context.Background(), jupyterEnv, executed, dir, options...)
	if err != nil {
		t.Error(err)
	}
	return page
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
