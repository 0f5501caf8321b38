package plotting

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A page is written whole in place of a link at its path (a Live chart's
// File, a CLI report): the link's target keeps what it held.
func TestPageWriteFileReplacesALink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "victim")
	if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "page.html")
	if err := os.Symlink(target, path); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	p := Page{Title: "written"}
	p.Text("whole")
	if err := p.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the link's target was written: %.60q", b)
	}
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("%s is not a regular file: %v", path, err)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "whole") {
		t.Errorf("the page holds %.80q", b)
	}
	if err := p.WriteFile(filepath.Join(dir, "missing", "page.html")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("writing into a missing folder: %v; want an error naming the path", err)
	}
}
