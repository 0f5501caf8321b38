package runstore

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// trashPrefix names directories being deleted; List skips them and Open
// removes any that a crash left behind.
const trashPrefix = ".trash-"

// Delete removes the run id, complete or not. It fails with ErrActive while
// a Writer (in any process) still records the run. The run disappears at
// once (it is renamed away, then removed), so readers never see half of it.
func (s *Store) Delete(id string) error {
	return s.remove(id, false)
}

// Reset removes the incomplete run id so that Create can start it again
// (after a crash or a cancelled cell, say). It refuses a complete run
// (Delete that instead) and a run whose Writer is alive (ErrActive).
func (s *Store) Reset(id string) error {
	return s.remove(id, true)
}

func (s *Store) remove(id string, onlyIncomplete bool) error {
	if err := s.usable(true); err != nil {
		return err
	}
	if err := ValidID(id); err != nil {
		return err
	}
	rootLock, err := lockFile(filepath.Join(s.root, lockName), true)
	if err != nil {
		return fmt.Errorf("runstore: locking the store %s: %w", s.root, err)
	}
	defer unlock(rootLock)
	dir := filepath.Join(s.root, id)
	fi, err := os.Lstat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("runstore: no run %q in %s: %w", id, s.root, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("runstore: run %q: %w", id, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("runstore: %s is not a run directory", dir)
	}
	// A Load elsewhere may probe the lock for an instant: retry briefly
	// before concluding that a writer is alive.
	var runLock *os.File
	for try := 0; ; try++ {
		runLock, err = lockFile(filepath.Join(dir, lockName), false)
		if !errors.Is(err, errLocked) || try == 5 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if errors.Is(err, errLocked) {
		return fmt.Errorf("runstore: run %q is still being written by a live process; wait for it or stop it first: %w", id, ErrActive)
	}
	if err != nil {
		return fmt.Errorf("runstore: locking run %q: %w", id, err)
	}
	defer unlock(runLock)
	if onlyIncomplete {
		var st status
		if found, _ := readJSON(dir, statusFile, &st); found && st.Status.Final() {
			if run, err := s.Load(id); err == nil && run.Complete {
				return fmt.Errorf("runstore: run %q is complete; Delete it to run it again: %w", id, ErrComplete)
			}
		}
	}
	var suffix [6]byte
	rand.Read(suffix[:])
	trash := filepath.Join(s.root, trashPrefix+id+"-"+hex.EncodeToString(suffix[:]))
	if err := fault("rename", dir); err != nil {
		return fmt.Errorf("runstore: removing run %q: %w", id, err)
	}
	if err := os.Rename(dir, trash); err != nil {
		return fmt.Errorf("runstore: removing run %q: %w", id, err)
	}
	// The run is gone once renamed; what RemoveAll cannot remove now, the
	// next Open removes.
	os.RemoveAll(trash)
	return nil
}
