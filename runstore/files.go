package runstore

import (
	"fmt"
	"os"
	"path/filepath"
)

const (
	dirPerm  os.FileMode = 0o755
	filePerm os.FileMode = 0o644
)

// The files of a run directory.
const (
	valuesFile = "values.json"
	epochsFile = "epochs.jsonl"
	stepsFile  = "steps.jsonl"
	statusFile = "status.json"
	lockName   = ".lock"
	// markerName marks a directory as a store: Open writes it, and readers
	// refuse a directory that has neither it nor runs (see isStore).
	markerName = ".hyperlab-store"
)

// Size limits of the files Load reads: far above what training writes
// (an epoch line is ~200 bytes, a step ~20), far below what would exhaust
// memory if a run file were replaced by something huge.
const (
	maxJSONFile  = 16 << 20
	maxLinesFile = 512 << 20
)

// injectFault, when set (by tests only), is called before every change
// the store makes on disk, with the operation and path; an error it
// returns is returned as that operation's error. It lets the
// fault-injection tests drive a full disk or a permission error at each
// write of a run.
var injectFault func(op, path string) error

func fault(op, path string) error {
	if injectFault == nil {
		return nil
	}
	if err := injectFault(op, path); err != nil {
		return &os.PathError{Op: op, Path: path, Err: err}
	}
	return nil
}

// writeFileAtomic replaces dir/name with data: it writes a temporary file
// in dir, syncs it, and renames it over name, so a reader (or a crash)
// sees the old content or the new, never part of it. With durable, the
// file and then the directory are synced too, so the content and the
// rename survive a power cut.
func writeFileAtomic(dir, name string, data []byte, durable bool) error {
	if err := fault("create", filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("runstore: writing %s: %w", filepath.Join(dir, name), err)
	}
	f, err := os.CreateTemp(dir, tempPrefix(name)+"*")
	if err != nil {
		return fmt.Errorf("runstore: writing %s: %w", filepath.Join(dir, name), err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := fault("write", tmp); err != nil {
		return fmt.Errorf("runstore: writing %s: %w", filepath.Join(dir, name), err)
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("runstore: writing %s: %w", filepath.Join(dir, name), err)
	}
	if err := f.Chmod(filePerm); err != nil {
		return fmt.Errorf("runstore: writing %s: %w", filepath.Join(dir, name), err)
	}
	if durable {
		if err := fault("sync", tmp); err != nil {
			return fmt.Errorf("runstore: syncing %s: %w", filepath.Join(dir, name), err)
		}
		if err := f.Sync(); err != nil {
			return fmt.Errorf("runstore: syncing %s: %w", filepath.Join(dir, name), err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("runstore: writing %s: %w", filepath.Join(dir, name), err)
	}
	if err := fault("rename", tmp); err != nil {
		return fmt.Errorf("runstore: writing %s: %w", filepath.Join(dir, name), err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("runstore: writing %s: %w", filepath.Join(dir, name), err)
	}
	ok = true
	if !durable {
		return nil
	}
	return syncDir(dir)
}

// syncFile makes a file's content durable.
func syncFile(path string) error {
	return syncPath(path, func() (*os.File, error) { return os.OpenFile(path, os.O_RDONLY|noFollow, 0) })
}

// syncDir makes a directory's entries (new and renamed files) durable.
func syncDir(dir string) error {
	return syncPath(dir, func() (*os.File, error) { return os.Open(dir) })
}

// syncPath opens path with open and syncs it, each failure (an injected
// fault included) naming path.
func syncPath(path string, open func() (*os.File, error)) error {
	if err := fault("sync", path); err != nil {
		return fmt.Errorf("runstore: syncing %s: %w", path, err)
	}
	f, err := open()
	if err != nil {
		return fmt.Errorf("runstore: syncing %s: %w", path, err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("runstore: syncing %s: %w", path, err)
	}
	return nil
}

// createAppend creates name in dir (it must not exist) for appending.
func createAppend(dir, name string) (*os.File, error) {
	path := filepath.Join(dir, name)
	if err := fault("create", path); err != nil {
		return nil, fmt.Errorf("runstore: creating %s: %w", path, err)
	}
	// O_EXCL does not follow a link planted at path: it fails instead.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|os.O_APPEND, filePerm)
	if err != nil {
		return nil, fmt.Errorf("runstore: creating %s: %w", path, err)
	}
	if err := f.Chmod(filePerm); err != nil {
		f.Close()
		return nil, fmt.Errorf("runstore: creating %s: %w", path, err)
	}
	return f, nil
}

// tempPrefix begins the name of the temporary file writeFileAtomic writes
// name through.
func tempPrefix(name string) string { return "." + name + ".tmp-" }
