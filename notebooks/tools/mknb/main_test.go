package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

func sources(t *testing.T) []string {
	t.Helper()
	srcs, err := filepath.Glob("../src/*.txt")
	if err != nil || len(srcs) == 0 {
		t.Fatalf("no sources in notebooks/tools/src (%v)", err)
	}
	return srcs
}

// Every committed tutorial source builds, in both languages.
func TestSourcesBuild(t *testing.T) {
	for _, src := range sources(t) {
		for _, lang := range ipynb.Languages {
			var out, errs bytes.Buffer
			if code := run([]string{"-lang", lang, src}, &out, &errs); code != 0 {
				t.Errorf("mknb -lang %s %s: exit %d: %s", lang, src, code, errs.String())
			}
			if !strings.Contains(out.String(), `"nbformat": 4`) {
				t.Errorf("mknb -lang %s %s: no notebook written", lang, src)
			}
		}
	}
}

// Every prose block of every source has its Chinese translation.
func TestSourcesTranslated(t *testing.T) {
	for _, src := range sources(t) {
		cells, err := parse(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, first := range ipynb.Untranslated(cells, ipynb.Chinese) {
			t.Errorf("%s: the prose block %q has no \"-- md zh\" translation after it", src, strings.TrimSpace(first))
		}
	}
}

// cellsOf reads a notebook's cells as type and joined source.
func cellsOf(t *testing.T, path string) []string {
	t.Helper()
	var nb map[string]any
	testutil.ReadJSON(t, path, &nb)
	var out []string
	for _, c := range nb["cells"].([]any) {
		cell := c.(map[string]any)
		out = append(out, cell["cell_type"].(string)+":"+sourceOf(cell))
	}
	return out
}

// The committed notebooks are what their sources build: whoever edits a
// source rebuilds both editions (make notebook-sources).
func TestNotebooksUpToDate(t *testing.T) {
	dir := t.TempDir()
	for _, src := range sources(t) {
		if _, err := writeEditions(src, dir, true); err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(src), ".txt") + ".ipynb"
		for _, lang := range ipynb.Languages {
			built := cellsOf(t, filepath.Join(dir, dirOf(lang), name))
			committed := filepath.Join("../..", dirOf(lang), name)
			if _, err := os.Stat(committed); err != nil {
				t.Errorf("%s is missing; run make notebook-sources", committed)
				continue
			}
			if got := cellsOf(t, committed); strings.Join(got, "\x00") != strings.Join(built, "\x00") {
				t.Errorf("%s differs from what %s builds; run make notebook-sources", committed, src)
			}
		}
	}
}

const source = `-- md
# Title

-- md zh
# 标题

-- code
!*go work use . "${GONB_DIR}/.."

-- code
%%
fmt.Println(1)
`

func TestEditions(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "nb.txt")
	if err := os.WriteFile(src, []byte(source), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if code := run([]string{"-out", dir, src}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	en, zh := cellsOf(t, filepath.Join(dir, "nb.ipynb")), cellsOf(t, filepath.Join(dir, "zh", "nb.ipynb"))
	wantEn := []string{"markdown:# Title", "code:!*go work use . \"${GONB_DIR}/..\"", "code:%%\nfmt.Println(1)"}
	wantZh := []string{"markdown:# 标题", "code:%env HYPERLAB_LANG zh\n!*go work use . \"${GONB_DIR}/../..\"", "code:%%\nfmt.Println(1)"}
	if strings.Join(en, "|") != strings.Join(wantEn, "|") {
		t.Errorf("English edition = %q, want %q", en, wantEn)
	}
	if strings.Join(zh, "|") != strings.Join(wantZh, "|") {
		t.Errorf("Chinese edition = %q, want %q", zh, wantZh)
	}
	if !strings.Contains(out.String(), filepath.Join(dir, "zh", "nb.ipynb")) {
		t.Errorf("stdout %q does not list the Chinese notebook", out.String())
	}
	// Nothing changed: nothing is written.
	out.Reset()
	if code := run([]string{"-out", dir, src}, &out, &errs); code != 0 || out.Len() != 0 {
		t.Errorf("second build: exit %d, wrote %q; want nothing written", code, out.String())
	}
}

// executed fakes the kernel: every code cell gets an output and a count.
func executed(t *testing.T, path string) {
	t.Helper()
	var nb map[string]any
	testutil.ReadJSON(t, path, &nb)
	for i, c := range nb["cells"].([]any) {
		cell := c.(map[string]any)
		if cell["cell_type"] == "code" {
			cell["execution_count"] = i
			cell["outputs"] = []any{map[string]any{"output_type": "stream", "name": "stdout", "text": []any{"out of " + sourceOf(cell)}}}
			cell["metadata"] = map[string]any{"execution": map[string]any{"shell.execute_reply": "2026-01-01T00:00:00Z"}}
		}
	}
	data, err := ipynb.Encode(nb)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func outputsOf(t *testing.T, path string) []string {
	t.Helper()
	data, _ := os.ReadFile(path)
	var nb struct {
		Cells []struct {
			Type    string `json:"cell_type"`
			Outputs []struct{ Text []string }
		} `json:"cells"`
	}
	if err := json.Unmarshal(data, &nb); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range nb.Cells {
		if c.Type == "code" {
			text := ""
			for _, o := range c.Outputs {
				text += strings.Join(o.Text, "")
			}
			out = append(out, text)
		}
	}
	return out
}

// Rebuilding keeps the outputs of unchanged code cells, drops those of
// changed ones, and -clean drops them all.
func TestKeepOutputs(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "nb.txt")
	nb := filepath.Join(dir, "nb.ipynb")
	testutil.WriteFile(t, src, source)
	if code := run([]string{"-out", dir, src}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatal("build failed")
	}
	executed(t, nb)
	edited := strings.Replace(source, "# Title", "# New title", 1)
	edited = strings.Replace(edited, "fmt.Println(1)", "fmt.Println(2)", 1)
	testutil.WriteFile(t, src, edited)
	var errs bytes.Buffer
	if code := run([]string{"-out", dir, src}, &bytes.Buffer{}, &errs); code != 0 {
		t.Fatal(errs.String())
	}
	want := []string{"out of !*go work use . \"${GONB_DIR}/..\"", ""}
	if got := outputsOf(t, nb); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outputs after a rebuild = %q, want %q", got, want)
	}
	if data, _ := os.ReadFile(nb); !strings.Contains(string(data), "shell.execute_reply") || !strings.Contains(string(data), "# New title") {
		t.Errorf("the rebuild lost the kept cell's metadata or the new prose:\n%s", data)
	}
	if code := run([]string{"-out", dir, "-clean", src}, &bytes.Buffer{}, &errs); code != 0 {
		t.Fatal(errs.String())
	}
	if got := outputsOf(t, nb); strings.Join(got, "") != "" {
		t.Errorf("outputs after -clean = %q, want none", got)
	}
}

func TestUsageAndErrors(t *testing.T) {
	var out, errs bytes.Buffer
	for _, args := range [][]string{nil, {"a.txt", "b.txt"}, {"-nope"}} {
		errs.Reset()
		if code := run(args, &out, &errs); code != 2 || !strings.Contains(errs.String(), "usage") {
			t.Errorf("mknb %q: exit %d, %q", args, code, errs.String())
		}
	}
	errs.Reset()
	if code := run([]string{filepath.Join(t.TempDir(), "none.txt")}, &out, &errs); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
	bad := filepath.Join(t.TempDir(), "bad.txt")
	testutil.WriteFile(t, bad, "text\n")
	errs.Reset()
	if code := run([]string{bad}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "before the first cell marker") {
		t.Errorf("bad source: exit %d, %q", code, errs.String())
	}
	good := filepath.Join(t.TempDir(), "good.txt")
	testutil.WriteFile(t, good, source)
	errs.Reset()
	if code := run([]string{"-lang", "fr", good}, &out, &errs); code != 1 || !strings.Contains(errs.String(), `"fr"`) {
		t.Errorf("-lang fr: exit %d, %q", code, errs.String())
	}
	dir := t.TempDir()
	testutil.WriteFile(t, filepath.Join(dir, "good.ipynb"), "not json")
	errs.Reset()
	if code := run([]string{"-out", dir, good}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "-clean") {
		t.Errorf("a broken notebook in the way: exit %d, %q", code, errs.String())
	}
}
