//go:build unix

package runstore

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// secret is a file outside the store that a planted link points at.
func secret(t *testing.T) (path string, mode os.FileMode) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "id_rsa")
	if err := os.WriteFile(path, []byte("PRIVATE KEY"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, 0o600
}

func checkUnchanged(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != mode {
		t.Errorf("%s: mode %v, want %v unchanged", path, fi.Mode().Perm(), mode)
	}
	if b, _ := os.ReadFile(path); string(b) != "PRIVATE KEY" {
		t.Errorf("%s: content changed to %q", path, b)
	}
}

// A symlinked .lock (at the root or in a run) is never followed: writers
// refuse it, readers ignore it, and the target keeps its mode and content.
func TestSymlinkedLockLeavesTargetUnchanged(t *testing.T) {
	s, w := tempRun(t, Meta{ID: "r1"})
	w.Finish(&history.History{Status: history.Finished, Epochs: []history.Epoch{epoch(1)}})
	target, mode := secret(t)
	for _, lock := range []string{filepath.Join(s.Root(), lockName), filepath.Join(s.Root(), "r1", lockName)} {
		os.Remove(lock)
		if err := os.Symlink(target, lock); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Open(s.Root()); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("Open with a symlinked .lock: %v; want a refusal naming the link", err)
	}
	if _, err := s.Create(Meta{ID: "r2"}); err == nil {
		t.Error("Create with a symlinked root .lock succeeded")
	}
	if err := s.Delete("r1"); err == nil {
		t.Error("Delete with symlinked locks succeeded")
	}
	r, err := s.Load("r1")
	if err != nil || !r.Complete || r.Active {
		t.Errorf("Load: %+v, %v; want a complete, inactive run", r, err)
	}
	ro, err := OpenReadOnly(s.Root())
	if err != nil {
		t.Fatal(err)
	}
	if runs, err := ro.List(); err != nil || len(runs) != 1 {
		t.Errorf("read-only List: %d runs, %v", len(runs), err)
	}
	checkUnchanged(t, target, mode)
}

// A dangling .lock link does not create its target.
func TestDanglingLockLinkCreatesNothing(t *testing.T) {
	root := filepath.Join(t.TempDir(), "runs")
	os.Mkdir(root, 0o755)
	target := filepath.Join(t.TempDir(), "created-by-attack")
	os.Symlink(target, filepath.Join(root, lockName))
	if _, err := Open(root); err == nil {
		t.Error("Open with a dangling .lock link succeeded")
	}
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the link's target was created: %v", err)
	}
}

// A hard link as .lock (to a file the attacker cannot chmod through a
// symlink) is refused, and the file keeps its mode.
func TestHardLinkedLockRefused(t *testing.T) {
	s := openTemp(t)
	target, mode := secret(t)
	lock := filepath.Join(s.Root(), lockName)
	os.Remove(lock)
	if err := os.Link(target, lock); err != nil {
		t.Skip("no hard links here:", err)
	}
	if _, err := s.Create(Meta{ID: "r"}); err == nil || !strings.Contains(err.Error(), "hard links") {
		t.Errorf("Create: %v; want a refusal naming the hard links", err)
	}
	checkUnchanged(t, target, mode)
}

// A run file replaced by a link is not read through it, and writing the
// run never writes through it.
func TestSymlinkedRunFileNotFollowed(t *testing.T) {
	s, w := tempRun(t, Meta{ID: "r"})
	target, mode := secret(t)
	status := filepath.Join(s.Root(), "r", statusFile)
	os.Remove(status)
	os.Symlink(target, status)
	if r, err := s.Load("r"); err == nil {
		t.Errorf("Load read through a symlinked status.json: %+v", r)
	} else if !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("Load: %v; want the link named", err)
	}
	// Finish renames a new status.json over the link, leaving the target.
	if err := w.Finish(&history.History{Status: history.Finished}); err != nil {
		t.Fatal(err)
	}
	checkUnchanged(t, target, mode)
	if fi, _ := os.Lstat(status); fi.Mode()&os.ModeSymlink != 0 {
		t.Error("status.json is still a link after Finish")
	}
}

// A FIFO or a huge file in place of a run file ends Load at once with an
// error naming it.
func TestRunFileFIFOAndHugeFile(t *testing.T) {
	s := openTemp(t)
	w, _ := s.Create(Meta{ID: "r"})
	w.Finish(&history.History{Status: history.Finished})
	values := filepath.Join(s.Root(), "r", valuesFile)
	os.Remove(values)
	testutil.Mkfifo(t, values)
	start := time.Now()
	if _, err := s.Load("r"); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("Load with a FIFO values.json: %v", err)
	}
	os.Remove(values)
	f, _ := os.Create(values)
	f.Truncate(maxJSONFile + 1) // sparse: no disk used
	f.Close()
	if _, err := s.Load("r"); err == nil || !strings.Contains(err.Error(), "16 MiB") {
		t.Errorf("Load with a huge values.json: %v; want the limit stated", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

// Readers write nothing: a foreign directory is refused with one sentence
// and left as it was; a read-only store can be listed and loaded.
func TestReadersWriteNothing(t *testing.T) {
	foreign := t.TempDir()
	os.Mkdir(filepath.Join(foreign, "ssh"), 0o755)
	testutil.WriteFile(t, filepath.Join(foreign, "passwd"), "x")
	before := tree(t, foreign)
	for name, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		_, err := open(foreign)
		if err == nil || !strings.Contains(err.Error(), "is not a hyperlab run store") {
			t.Errorf("%s on a foreign directory: %v", name, err)
		}
	}
	if after := tree(t, foreign); after != before {
		t.Errorf("a foreign directory changed:\n%s\nbecame\n%s", before, after)
	}

	s := openTemp(t)
	w, _ := s.Create(Meta{ID: "done"})
	w.Finish(&history.History{Status: history.Finished, Epochs: []history.Epoch{epoch(1)}})
	os.Remove(filepath.Join(s.Root(), "done", lockName)) // as if copied without it
	os.Chmod(filepath.Join(s.Root(), "done"), 0o555)
	os.Chmod(s.Root(), 0o555)
	t.Cleanup(func() { os.Chmod(s.Root(), 0o755); os.Chmod(filepath.Join(s.Root(), "done"), 0o755) })
	before = tree(t, s.Root())
	ro, err := OpenReadOnly(s.Root())
	if err != nil {
		t.Fatal(err)
	}
	runs, err := ro.List()
	if err != nil || len(runs) != 1 || !runs[0].Complete {
		t.Errorf("List on a read-only store: %d runs, %v", len(runs), err)
	}
	if _, err := ro.Create(Meta{ID: "x"}); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("Create on a read-only Store: %v", err)
	}
	if after := tree(t, s.Root()); after != before {
		t.Errorf("reading changed the store:\n%s\nbecame\n%s", before, after)
	}

	missing, err := OpenReadOnly(filepath.Join(t.TempDir(), "none"))
	if err != nil {
		t.Fatal(err)
	}
	if runs, err := missing.List(); err != nil || len(runs) != 0 {
		t.Errorf("a missing store: %d runs, %v; want none", len(runs), err)
	}
	if _, err := os.Stat(missing.Root()); !errors.Is(err, os.ErrNotExist) {
		t.Error("OpenReadOnly created the directory")
	}
}

// tree lists every path under dir with its mode and size.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			b.WriteString(p + " " + fi.Mode().String() + " " + string(rune('0'+fi.Size()%10)) + "\n")
		}
		return nil
	})
	return b.String()
}

// Nil and zero values return errors and write nothing into the current
// directory.
func TestNilAndZeroValues(t *testing.T) {
	t.Chdir(t.TempDir())
	var nilStore *Store
	if _, err := nilStore.List(); err == nil {
		t.Error("nil Store List: no error")
	}
	if _, err := nilStore.Load("x"); err == nil {
		t.Error("nil Store Load: no error")
	}
	var zero Store
	if _, err := zero.Create(Meta{ID: "x"}); err == nil {
		t.Error("zero Store Create: no error")
	}
	if err := zero.Delete("x"); err == nil {
		t.Error("zero Store Delete: no error")
	}
	var w Writer
	if err := w.Finish(&history.History{Status: history.Finished}); err == nil {
		t.Error("zero Writer Finish: no error")
	}
	if err := w.Epoch(epoch(1)); err == nil {
		t.Error("zero Writer Epoch: no error")
	}
	if err := w.Artifact("a.json", nil); err == nil {
		t.Error("zero Writer Artifact: no error")
	}
	if err := w.Close(); err != nil {
		t.Errorf("zero Writer Close: %v; want a no-op", err)
	}
	var nw *Writer
	if err := nw.Finish(nil); err == nil || nw.ID() != "" {
		t.Error("nil Writer Finish: no error")
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("zero values wrote into the current directory: %v", entries)
	}
}

// Duplicated epoch lines make a run incomplete, whatever status.json says.
func TestDuplicatedEpochsIncomplete(t *testing.T) {
	s := openTemp(t)
	w, _ := s.Create(Meta{ID: "r"})
	w.Finish(&history.History{Status: history.Finished, Epochs: []history.Epoch{epoch(1), epoch(2)}})
	path := filepath.Join(s.Root(), "r", epochsFile)
	b, _ := os.ReadFile(path)
	lines := strings.SplitAfter(string(b), "\n")
	// epoch 1 twice, and two lines, as status.json counts.
	testutil.WriteFile(t, path, lines[0]+lines[0])
	r, err := s.Load("r")
	if err != nil {
		t.Fatal(err)
	}
	if r.Complete || !strings.Contains(r.Note, "epoch 1 more than once") {
		t.Errorf("complete=%v note=%q; want incomplete naming epoch 1", r.Complete, r.Note)
	}
}

// A store's marker is written through a temporary file and renamed, so
// for a moment a new store holds only that file (and the lock). Another
// process's Open at that moment must take it for the store it is, not
// refuse it as someone else's directory (it once did, and
// TestConcurrentIdenticalTrainProcesses failed now and then); a file of
// any other name still makes the directory foreign.
func TestOpenDuringAnotherOpensMarkerWrite(t *testing.T) {
	root := t.TempDir()
	testutil.WriteFile(t, filepath.Join(root, lockName), "")
	testutil.WriteFile(t, filepath.Join(root, tempPrefix(markerName)+"123456"), "")
	if _, err := Open(root); err != nil {
		t.Fatalf("Open while another Open writes the marker: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(root, markerName)); err != nil {
		t.Errorf("Open left no marker: %v", err)
	}

	// Only a regular file of that name counts: not a symlink or a named
	// pipe, and not another name.
	for name, mk := range map[string]func(dir string){
		"another name": func(dir string) { testutil.WriteFile(t, filepath.Join(dir, ".hyperlab-storeX"), "") },
		"a symlink": func(dir string) {
			if err := os.Symlink(t.TempDir(), filepath.Join(dir, tempPrefix(markerName)+"1")); err != nil {
				t.Skip(err)
			}
		},
		"a named pipe": func(dir string) { testutil.Mkfifo(t, filepath.Join(dir, tempPrefix(markerName)+"2")) },
	} {
		foreign := t.TempDir()
		mk(foreign)
		before := tree(t, foreign)
		if _, err := Open(foreign); err == nil || !strings.Contains(err.Error(), "is not a hyperlab run store") {
			t.Errorf("Open on a directory with %s: %v", name, err)
		}
		if after := tree(t, foreign); after != before {
			t.Errorf("Open changed a directory with %s:\n%s\nbecame\n%s", name, before, after)
		}
	}
}

// Many Opens of one new directory at once all succeed, wherever each
// other's marker write stands when they look (before the marker code
// accepted one that appeared between its two looks, 12 runs in 200
// failed).
func TestConcurrentOpensOfNewStore(t *testing.T) {
	for range 20 {
		root := filepath.Join(t.TempDir(), "runs")
		errs := make(chan error, 8)
		for range cap(errs) {
			go func() { _, err := Open(root); errs <- err }()
		}
		for range cap(errs) {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
	}
}
