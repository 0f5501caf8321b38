package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// report refuses a --table whose extension names no format, as sweep
// does, before it writes the table or the page.
func TestReportRefusesUnknownTableFormat(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, "report", "--runs", t.TempDir(),
		"--table", filepath.Join(out, "results.xyz"), "--out", filepath.Join(out, "report.html"))
	if code != exitUsage || !strings.Contains(stderr, "results.xyz") || !strings.Contains(stderr, ".csv") {
		t.Errorf("exit %d, stderr %q; want %d and the path with the formats", code, stderr, exitUsage)
	}
	if lines := strings.Count(strings.TrimRight(stderr, "\n"), "\n"); lines != 0 {
		t.Errorf("stderr has %d lines, want one sentence: %q", lines+1, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("report wrote %d files (%s) for a table it refused; stdout %q", len(entries), entries[0].Name(), stdout)
	}
}

// The report and the table replace a link planted at their paths; the
// link's target is left as it was.
func TestReportOutputsDoNotFollowLinks(t *testing.T) {
	dir := t.TempDir()
	target := testutil.WriteFile(t, filepath.Join(dir, "victim"), "keep")
	page, table := filepath.Join(dir, "report.html"), filepath.Join(dir, "results.csv")
	for _, p := range []string{page, table} {
		if err := os.Symlink(target, p); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if code, _, stderr := runCLI(t, "report", "--runs", t.TempDir(), "--table", table, "--out", page); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the link's target was written: %.60q", b)
	}
	for _, p := range []string{page, table} {
		if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() {
			t.Errorf("%s is not a regular file: %v", p, err)
		}
	}
}
