package runstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/fileread"
)

// Run is a stored run as read back.
type Run struct {
	Meta
	// History holds the epochs, step losses, status, error and layer
	// parameter counts. An incomplete run has Status Running and the epochs
	// that could be read.
	History history.History
	// Complete is true when the run ended (status.json holds a final
	// status) and all its recorded lines were read.
	Complete bool
	// Active is true for an incomplete run whose Writer is still alive, in
	// this or another process (Unix only; see the package doc).
	Active bool
	// Note says why an incomplete run is incomplete.
	Note string
	// Dir is the run's directory.
	Dir string
}

// Load reads the run id. An incomplete run is not an error: it comes back
// with Complete false and a Note. Errors are for a missing run
// (ErrNotFound) and files that cannot be read or parsed, named in the
// message.
//
// Load and List only read: they create, lock and change nothing, and read
// only regular files (never through a symbolic link) up to a size limit.
func (s *Store) Load(id string) (*Run, error) {
	if err := s.usable(false); err != nil {
		return nil, err
	}
	if err := ValidID(id); err != nil {
		return nil, err
	}
	dir := filepath.Join(s.root, id)
	fi, err := os.Lstat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("runstore: no run %q in %s: %w", id, s.root, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("runstore: run %q: %w", id, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("runstore: %s is not a run directory (a %v)", dir, fi.Mode().Type())
	}
	run := &Run{Meta: Meta{ID: id}, Dir: dir, History: history.History{Status: history.Running}}
	var notes []string

	found, err := readJSON(dir, valuesFile, &run.Meta)
	if err != nil {
		return nil, err
	}
	if !found {
		notes = append(notes, "values.json is missing (the run was interrupted while being created)")
	}
	run.Meta.ID = id // the directory name is the ID, whatever the file says

	var st status
	found, err = readJSON(dir, statusFile, &st)
	if err != nil {
		return nil, err
	}
	switch {
	case !found:
		notes = append(notes, "status.json is missing")
	case !st.Status.Valid():
		return nil, fmt.Errorf("runstore: %s: unknown status %q", filepath.Join(dir, statusFile), st.Status)
	case !st.Status.Final():
		notes = append(notes, "the run did not finish (status running)")
	}
	run.History.Err, run.History.Layers = st.Error, st.Layers

	if run.History.Epochs, err = readLinesFile(dir, epochsFile, ReadEpochs); err != nil {
		notes = append(notes, fmt.Sprintf("%v; kept the %d epochs before it", trimPrefix(err), len(run.History.Epochs)))
	}
	if run.History.StepLoss, err = readLinesFile(dir, stepsFile, readSteps); err != nil {
		notes = append(notes, fmt.Sprintf("%v; kept the %d step losses before it", trimPrefix(err), len(run.History.StepLoss)))
	}
	if n := repeatedEpoch(run.History.Epochs); n > 0 {
		notes = append(notes, fmt.Sprintf("%s holds epoch %d more than once or out of order", epochsFile, n))
	}
	if len(notes) == 0 && st.Status.Final() {
		if len(run.History.Epochs) != st.Epochs || len(run.History.StepLoss) != st.Steps {
			notes = append(notes, fmt.Sprintf("status.json records %d epochs and %d steps but the files hold %d and %d",
				st.Epochs, st.Steps, len(run.History.Epochs), len(run.History.StepLoss)))
		}
	}
	if len(notes) == 0 && st.Status.Final() {
		run.Complete = true
		run.History.Status = st.Status
		return run, nil
	}
	run.Note = "incomplete: " + strings.Join(notes, "; ")
	run.Active = probeLock(filepath.Join(dir, lockName))
	return run, nil
}

// repeatedEpoch returns the first epoch number that does not increase
// (a duplicated or reordered line), or 0.
func repeatedEpoch(es []history.Epoch) int {
	for i := 1; i < len(es); i++ {
		if es[i].Epoch <= es[i-1].Epoch {
			return es[i].Epoch
		}
	}
	return 0
}

// List loads every run in the store that passes all the filters, oldest
// first. Runs that cannot be read are left out and named in the error;
// the runs returned are valid even when the error is not nil.
func (s *Store) List(filters ...Filter) ([]*Run, error) {
	if err := s.usable(false); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(s.root)
	if errors.Is(err, os.ErrNotExist) && s.readOnly {
		return nil, nil // a store not yet written: no runs
	}
	if err != nil {
		return nil, fmt.Errorf("runstore: listing %s: %w", s.root, err)
	}
	var ids []string
	for _, e := range entries {
		if e.IsDir() && ValidID(e.Name()) == nil { // also skips symlinks, temp and trash dirs
			ids = append(ids, e.Name())
		}
	}
	loaded, errs := s.loadAll(ids)
	var runs []*Run
	for _, run := range loaded {
		if run != nil && keep(run, filters) {
			runs = append(runs, run)
		}
	}
	slices.SortStableFunc(runs, func(a, b *Run) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return runs, errors.Join(errs...)
}

// readJSON reads dir/name into v; a missing file is found=false, not an
// error.
func readJSON(dir, name string, v any) (found bool, err error) {
	path := filepath.Join(dir, name)
	data, err := fileread.ReadFile(path, maxJSONFile, false)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if errors.Is(err, fileread.ErrNotRegular) || errors.Is(err, fileread.ErrTooLarge) {
		return false, fmt.Errorf("runstore: %w", err) // the message names the path
	}
	if err != nil {
		return false, fmt.Errorf("runstore: reading %s: %w", path, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, fmt.Errorf("runstore: %s is corrupt (%v); fix or delete that run", path, err)
	}
	return true, nil
}

// readLinesFile applies read to dir/name; a missing file reads as empty.
func readLinesFile[T any](dir, name string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := fileread.Open(filepath.Join(dir, name), maxLinesFile, false)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("runstore: %w", err)
	}
	defer f.Close()
	return read(f)
}

func trimPrefix(err error) string { return strings.TrimPrefix(err.Error(), "runstore: ") }
