//go:build unix

package fileread_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/fileread"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

func TestReadFileRegular(t *testing.T) {
	p := testutil.WriteFile(t, filepath.Join(t.TempDir(), "a.txt"), "hello")
	got, err := fileread.ReadFile(p, 5, false)
	if err != nil || string(got) != "hello" {
		t.Fatalf("got %q, %v", got, err)
	}
	_, err = fileread.ReadFile(p, 4, false)
	if !errors.Is(err, fileread.ErrTooLarge) || !strings.Contains(err.Error(), "4 bytes") {
		t.Fatalf("limit 4: %v; want ErrTooLarge stating the limit", err)
	}
}

func TestRefusesNonRegularWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	fifo := testutil.Mkfifo(t, filepath.Join(dir, "fifo"))
	link := filepath.Join(dir, "link")
	os.Symlink(fifo, link)
	for path, want := range map[string]string{
		fifo:        "named pipe",
		"/dev/zero": "character device",
		dir:         "directory",
		link:        "symbolic link",
	} {
		start := time.Now()
		_, err := fileread.ReadFile(path, 1<<20, false)
		if !errors.Is(err, fileread.ErrNotRegular) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want %q and ErrNotRegular", path, err, want)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s took %v", path, d)
		}
	}
}

func TestFollowLinkToRegular(t *testing.T) {
	dir := t.TempDir()
	p := testutil.WriteFile(t, filepath.Join(dir, "a"), "x")
	os.Symlink(p, filepath.Join(dir, "l"))
	if _, err := fileread.ReadFile(filepath.Join(dir, "l"), 10, true); err != nil {
		t.Fatal(err)
	}
}

func TestReadStopsAtLimitWhenFileGrows(t *testing.T) {
	p := testutil.WriteFile(t, filepath.Join(t.TempDir(), "a"), "ab")
	f, err := fileread.Open(p, 3, false)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	testutil.WriteFile(t, p, "abcdef")
	buf := make([]byte, 10)
	n, err := f.Read(buf)
	if n != 3 || !errors.Is(err, fileread.ErrTooLarge) {
		t.Fatalf("n=%d err=%v; want 3 bytes and ErrTooLarge", n, err)
	}
}
