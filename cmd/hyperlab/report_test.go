package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
