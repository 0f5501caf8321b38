//go:build unix

package atomicfile_test

import (
	"bytes"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/atomicfile"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// The file's mode is perm as the umask allows, as os.WriteFile gives it: a
// user whose umask keeps files private gets a private report.
func TestWriteHonoursTheUmask(t *testing.T) {
	for _, tc := range []struct {
		umask      int
		perm, want os.FileMode
	}{{0o022, 0o644, 0o644}, {0o077, 0o644, 0o600}, {0o077, 0o755, 0o700}, {0o027, 0o755, 0o750}} {
		old := syscall.Umask(tc.umask)
		path := filepath.Join(t.TempDir(), "report.html")
		err := atomicfile.Write(path, []byte("x"), tc.perm)
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != tc.want {
			t.Errorf("umask %03o, perm %v: mode %v, want %v", tc.umask, tc.perm, fi.Mode(), tc.want)
		}
	}
}

// A named pipe at path is replaced by the file, at once: Write opens only
// its own temporary file, never path, so no reader is waited for.
func TestWriteReplacesANamedPipe(t *testing.T) {
	path := testutil.Mkfifo(t, filepath.Join(t.TempDir(), "results.csv"))
	done := make(chan error, 1)
	go func() { done <- atomicfile.Write(path, []byte("new"), 0o644) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Write blocked on the named pipe at its path")
	}
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("%s is not a regular file after Write: %v", path, err)
	}
}

// In a directory it may not write, Write fails, naming the directory's
// file, and leaves the directory as it was.
func TestWriteInAReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes in a read-only directory")
	}
	dir := t.TempDir()
	path := testutil.WriteFile(t, filepath.Join(dir, "report.html"), "old")
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	err := atomicfile.Write(path, []byte("new"), 0o644)
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("writing in a read-only directory: %v; want an error naming it", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the file holds %q", b)
	}
	if got := names(t, dir); len(got) != 1 {
		t.Errorf("the directory holds %q", got)
	}
}

// When the disk takes no more (here the file-size limit, which fails a
// write as a full disk does), Write returns the error, path keeps its
// content, and no temporary file is left.
func TestWriteOnAFullDisk(t *testing.T) {
	dir := t.TempDir()
	path := testutil.WriteFile(t, filepath.Join(dir, "report.html"), "old")
	signal.Ignore(syscall.SIGXFSZ) // a write past the limit fails instead of killing the test
	defer signal.Reset(syscall.SIGXFSZ)
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip("no file-size limit here:", err)
	}
	limit := old
	limit.Cur = 1024
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Skip("cannot set a file-size limit:", err)
	}
	err := atomicfile.Write(path, bytes.Repeat([]byte("x"), 64<<10), 0o644)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	if err == nil {
		t.Fatal("a write past the disk's room: no error")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the file holds %.20q…", b)
	}
	if got := names(t, dir); len(got) != 1 {
		t.Errorf("the directory holds %q after the failed write", got)
	}
}
