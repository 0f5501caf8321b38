package atomicfile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/atomicfile"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// names lists dir, to see that no temporary file stayed behind.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// A new file and a replaced one hold the data with the mode asked for,
// whatever the mode before, and nothing else is left in the directory.
func TestWriteCreatesAndReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.sbatch")
	for _, w := range []struct {
		data string
		perm os.FileMode
	}{{"#!/bin/sh\n", 0o700}, {"replaced", 0o600}} { // modes no usual umask narrows (see TestWriteHonoursTheUmask)
		if err := atomicfile.Write(path, []byte(w.data), w.perm); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != w.data {
			t.Errorf("read back %q, %v; want %q", got, err, w.data)
		}
		fi, err := os.Lstat(path)
		if err != nil {
			t.Fatal(err)
		}
		if runtime.GOOS != "windows" && fi.Mode() != w.perm {
			t.Errorf("mode %v, want %v", fi.Mode(), w.perm)
		}
		if got := names(t, dir); !slices.Equal(got, []string{"run.sbatch"}) {
			t.Errorf("the directory holds %q", got)
		}
	}
}

// A link at path is replaced by the file; its target keeps its content
// and its mode.
func TestWriteReplacesALinkWithoutFollowingIt(t *testing.T) {
	dir := t.TempDir()
	target := testutil.WriteFile(t, filepath.Join(dir, "victim"), "keep")
	if err := os.Chmod(target, 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "report.html")
	if err := os.Symlink(target, path); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := atomicfile.Write(path, []byte("new"), 0o755); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the link's target was written: %q", b)
	}
	if fi, _ := os.Stat(target); fi.Mode() != 0o600 {
		t.Errorf("the link's target was chmod'ed to %v", fi.Mode())
	}
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !fi.Mode().IsRegular() {
		t.Errorf("path is a %v, not a regular file", fi.Mode().Type())
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("path holds %q", b)
	}
}

// A write that fails leaves path as it was and no temporary file: a
// directory at path (rename cannot replace it) and a missing directory.
func TestWriteFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	testutil.WriteFile(t, filepath.Join(path, "inside"), "keep")
	if err := atomicfile.Write(path, []byte("new"), 0o644); err == nil {
		t.Error("writing over a directory: no error")
	}
	if got := names(t, dir); !slices.Equal(got, []string{"out.csv"}) {
		t.Errorf("the directory holds %q after a failed write", got)
	}
	if b, _ := os.ReadFile(filepath.Join(path, "inside")); string(b) != "keep" {
		t.Errorf("the directory's file holds %q", b)
	}
	if err := atomicfile.Write(filepath.Join(dir, "none", "out.csv"), []byte("new"), 0o644); err == nil {
		t.Error("writing into a missing directory: no error")
	}
}

// A reader never sees part of a file while it is rewritten: every read is
// one of the two contents, whole (an in-place write shows a short file).
func TestReadersSeeWholeFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "benchmarks.md")
	contents := [][]byte{bytes.Repeat([]byte("a"), 1<<18), bytes.Repeat([]byte("b"), 1<<18+1)}
	if err := atomicfile.Write(path, contents[0], 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		for i := range 200 {
			if err := atomicfile.Write(path, contents[i%2], 0o644); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for reads := 0; ; reads++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			return
		default:
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read %d: %v", reads, err)
		}
		if !bytes.Equal(got, contents[0]) && !bytes.Equal(got, contents[1]) {
			t.Fatalf("read %d saw %d bytes, part of a file", reads, len(got))
		}
	}
}
