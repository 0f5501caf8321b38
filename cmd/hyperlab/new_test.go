package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/notebooks"
)

func TestNewRefusesWhatWouldLoseOrMislead(t *testing.T) {
	dir := t.TempDir()
	existing := testutil.WriteFile(t, filepath.Join(dir, "mine.ipynb"), "keep me")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no path", nil, "give the notebook to write"},
		{"not ipynb", []string{filepath.Join(dir, "x.txt")}, "does not end in .ipynb"},
		{"exists", []string{existing}, "exists; choose another name, or pass --force"},
		{"not a clone", []string{"--clone", "/", filepath.Join(dir, "y.ipynb")}, "is not a hyperlab clone"},
		{"two paths", []string{filepath.Join(dir, "a.ipynb"), filepath.Join(dir, "b.ipynb")}, "unexpected argument"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			code := run(append([]string{"new"}, tc.args...), &out, &errs)
			if code != exitUsage || !strings.Contains(errs.String(), tc.want) || strings.Count(strings.TrimSpace(errs.String()), "\n") > 0 {
				t.Errorf("exit %d, stderr %q; want exit 2 and one line with %q", code, errs.String(), tc.want)
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Errorf("an existing file was overwritten: %q", b)
	}
}

func TestNewQuotesTheClonePath(t *testing.T) {
	if got := shellQuote("/tmp/it's here"); got != `'/tmp/it'\''s here'` {
		t.Errorf("shellQuote = %s", got)
	}
	clone, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sub dir", "try.ipynb")
	if err := writeStarter(path, clone, false, func(string) string { return "" }); err != nil {
		t.Fatal(err)
	}
	nb, err := notebooks.ReadNotebook(path)
	if err != nil {
		t.Fatal(err)
	}
	first := string(nb.Cells[1].Source)
	if !strings.Contains(first, shellQuote(clone)) || !strings.Contains(first, "HYPERLAB_DIR") || !strings.Contains(first, "gonb@v") {
		t.Errorf("first code cell does not point at the clone:\n%s", first)
	}
}

// The starter notebook executes under nbconvert from a folder outside the
// clone, every cell without an error, and draws its charts.
func TestNewNotebookExecutes(t *testing.T) {
	if testing.Short() {
		t.Skip("executes a notebook with Jupyter")
	}
	env, why := notebooks.JupyterEnv()
	testutil.Require(t, why, notebooks.SetupHint)
	dir := filepath.Join(t.TempDir(), "x")
	path := filepath.Join(dir, "try.ipynb")
	clone, _ := filepath.Abs("../..")
	var out, errs bytes.Buffer
	cwd, _ := os.Getwd()
	defer os.Chdir(cwd)
	os.Chdir(t.TempDir()) // outside the clone: the clone is found from the source tree
	if code := run([]string{"new", path}, &out, &errs); code != exitOK {
		t.Fatalf("hyperlab new: exit %d: %s", code, errs.String())
	}
	nb0, _ := notebooks.ReadNotebook(path)
	if !strings.Contains(string(nb0.Cells[1].Source), shellQuote(clone)) {
		t.Fatalf("the starter does not point at this clone %s", clone)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	env = append(env, "HYPERLAB_RUNS="+t.TempDir())
	ex, err := notebooks.Run(ctx, env, path, t.TempDir(), 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ex.Problems {
		t.Errorf("try.ipynb %s", p)
	}
	if n := notebooks.Charts(ex.Notebook); n < 2 {
		t.Errorf("try.ipynb drew %d charts, want the train and the compare chart", n)
	}
}
