package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every committed tutorial source builds, and its cells are the notebook's.
func TestSourcesBuild(t *testing.T) {
	srcs, err := filepath.Glob("../src/*.txt")
	if err != nil || len(srcs) == 0 {
		t.Fatalf("no sources in notebooks/tools/src (%v)", err)
	}
	for _, src := range srcs {
		var out, errs bytes.Buffer
		if code := run([]string{src}, &out, &errs); code != 0 {
			t.Errorf("mknb %s: exit %d: %s", src, code, errs.String())
		}
		if !strings.Contains(out.String(), `"nbformat": 4`) {
			t.Errorf("mknb %s: no notebook written", src)
		}
	}
}

func TestUsageAndMissingFile(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 2 || !strings.Contains(errs.String(), "usage") {
		t.Errorf("no args: exit %d, %q", code, errs.String())
	}
	errs.Reset()
	if code := run([]string{filepath.Join(t.TempDir(), "none.txt")}, &out, &errs); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
	bad := filepath.Join(t.TempDir(), "bad.txt")
	os.WriteFile(bad, []byte("text\n"), 0o644)
	errs.Reset()
	if code := run([]string{bad}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "before the first cell marker") {
		t.Errorf("bad source: exit %d, %q", code, errs.String())
	}
}
