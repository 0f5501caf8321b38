package runstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// markerText is the content of the marker file, for a person who finds it.
const markerText = "This directory is a hyperlab run store: one directory per training run.\n"

func absRoot(root string) (string, error) {
	if root == "" {
		return "", errors.New("runstore: the store root is empty; give a directory")
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", fmt.Errorf("runstore: store root %q: %w", root, err)
	}
	return abs, nil
}

// makeRoot creates the root directory if it is missing, 0755 whatever the
// umask, and checks that it is a directory.
func makeRoot(abs string) error {
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		if err := fault("mkdir", abs); err != nil {
			return fmt.Errorf("runstore: cannot create the store directory %s: %w", abs, err)
		}
		if err := os.MkdirAll(abs, dirPerm); err != nil {
			return fmt.Errorf("runstore: cannot create the store directory %s: %w", abs, err)
		}
		if errors.Is(err, os.ErrNotExist) {
			if err := chmodDir(abs); err != nil {
				return fmt.Errorf("runstore: store directory %s: %w", abs, err)
			}
		}
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return fmt.Errorf("runstore: the store root %s is not a directory", abs)
	}
	return nil
}

// chmodDir sets a directory the store has just created to 0755 through
// its descriptor, opened without following a link, so that a link planted
// in its place cannot redirect the change.
func chmodDir(dir string) error {
	d, err := os.OpenFile(dir, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return err
	}
	defer d.Close()
	if fi, err := d.Stat(); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	return d.Chmod(dirPerm)
}

// checkStore accepts a directory that is a store: it holds the marker,
// or it is empty, or it holds only what a store from before the marker
// held (runs with their values.json or status.json, a .lock, a
// report.html, trash), or the marker being written by another process's
// Open (its temporary file, there until the rename that publishes it).
// Anything else is someone else's directory, unless the marker has
// appeared since the first look: another process's Open marked the
// directory and may already have started runs in it.
func checkStore(abs string) error {
	if hasMarker(abs) {
		return nil
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return fmt.Errorf("runstore: reading the store directory %s: %w", abs, err)
	}
	for _, e := range entries {
		if belongsToStore(abs, e) {
			continue
		}
		if hasMarker(abs) {
			return nil
		}
		return fmt.Errorf("runstore: %s is not a hyperlab run store (it holds %s and no %s file); give the --runs directory of a train or sweep, or a new or empty directory",
			abs, e.Name(), markerName)
	}
	return nil
}

// hasMarker reports whether the directory abs holds the store marker (a
// regular file; Open writes it once and nothing removes it).
func hasMarker(abs string) bool {
	fi, err := os.Lstat(filepath.Join(abs, markerName))
	return err == nil && fi.Mode().IsRegular()
}

func belongsToStore(abs string, e os.DirEntry) bool {
	name := e.Name()
	switch {
	case name == lockName || name == "report.html" || strings.HasPrefix(name, tempPrefix(markerName)):
		return e.Type().IsRegular()
	case len(name) > len(trashPrefix) && name[:len(trashPrefix)] == trashPrefix:
		return e.IsDir()
	case !e.IsDir() || ValidID(name) != nil:
		return false
	}
	for _, f := range []string{valuesFile, statusFile} {
		if fi, err := os.Lstat(filepath.Join(abs, name, f)); err == nil && fi.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// IsStore reports whether dir is a run store with something in it: it
// holds the marker, or runs as a store from before the marker held them.
// It reads only; an empty or foreign directory is not a store.
func IsStore(dir string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	if hasMarker(abs) {
		return true
	}
	entries, err := os.ReadDir(abs)
	return err == nil && len(entries) > 0 && checkStore(abs) == nil
}
