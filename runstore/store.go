package runstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
)

// Errors that callers may test for with errors.Is.
var (
	ErrExists   = errors.New("run exists")
	ErrNotFound = errors.New("run not found")
	ErrActive   = errors.New("run is being written")
	// ErrComplete is Reset's refusal of a complete run.
	ErrComplete = errors.New("run is complete")
	errLocked   = ErrActive
)

// Store is a directory of runs. It holds no state besides its root, so any
// number of Stores (in any number of processes) may share a root. A Store
// from OpenReadOnly only reads. The zero Store (and a nil *Store) has no
// directory: its methods return an error rather than use the current one.
type Store struct {
	root     string
	readOnly bool
}

// Open opens the store at root for reading and writing, creating the
// directory (0755) if needed and marking it as a store (a .hyperlab-store
// file). It refuses a directory that holds other things and is not a
// store, so that runs never land among someone else's files.
func Open(root string) (*Store, error) {
	abs, err := absRoot(root)
	if err != nil {
		return nil, err
	}
	if err := makeRoot(abs); err != nil {
		return nil, err
	}
	if err := checkStore(abs); err != nil {
		return nil, err
	}
	s := &Store{root: abs}
	// Taking the root lock once checks the root is writable now, rather
	// than at the first run.
	l, err := lockFile(filepath.Join(abs, lockName), true)
	if err != nil {
		return nil, fmt.Errorf("runstore: cannot write in the store directory %s: %w", abs, err)
	}
	defer unlock(l)
	if !hasMarker(abs) {
		if err := writeFileAtomic(abs, markerName, []byte(markerText), false); err != nil {
			return nil, fmt.Errorf("runstore: cannot write in the store directory %s: %w", abs, err)
		}
	}
	s.removeTrash()
	return s, nil
}

// OpenReadOnly opens the store at root for reading only (Load, List): it
// creates, locks and changes nothing, so it works on a read-only store
// and on one shared with other users. A missing or empty directory is a
// store with no runs; a directory that is not a store is an error.
func OpenReadOnly(root string) (*Store, error) {
	abs, err := absRoot(root)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return &Store{root: abs, readOnly: true}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("runstore: store directory %s: %w", abs, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("runstore: the store root %s is not a directory", abs)
	}
	if err := checkStore(abs); err != nil {
		return nil, err
	}
	return &Store{root: abs, readOnly: true}, nil
}

// Root is the store's directory (absolute).
// A nil Store's Root is "".
func (s *Store) Root() string {
	if s == nil {
		return ""
	}
	return s.root
}

// usable refuses a nil or zero Store, and writing to a read-only one.
func (s *Store) usable(write bool) error {
	if s == nil || s.root == "" {
		return errors.New("runstore: the Store is nil or zero and has no directory; get one from Open or OpenReadOnly")
	}
	if write && s.readOnly {
		return fmt.Errorf("runstore: the store %s was opened read-only; use Open to change it", s.root)
	}
	return nil
}

// Meta describes a run: what it was trained with. It is saved as
// values.json when the run is created. Numbers in Values read back as
// float64 (JSON has one number type).
type Meta struct {
	ID      string         `json:"id"`
	Values  map[string]any `json:"values"`
	Seed    int64          `json:"seed"`
	Dataset string         `json:"dataset"`
	// DataFingerprint identifies the data beyond its name (see
	// datasets.Split.Fingerprint); empty in runs stored before it existed.
	DataFingerprint string            `json:"data_fingerprint,omitempty"`
	Created         time.Time         `json:"created"`
	Labels          map[string]string `json:"labels,omitempty"` // free-form: a sweep name, a note
}

// status is status.json.
type status struct {
	Status history.Status        `json:"status"`
	Error  string                `json:"error,omitempty"`
	Layers []history.LayerParams `json:"layers,omitempty"`
	// Epochs and Steps count the lines' content at Finish, so that Load can
	// tell a complete run from one whose lines were lost.
	Epochs   int       `json:"epochs"`
	Steps    int       `json:"steps"`
	Finished time.Time `json:"finished,omitzero"`
}

// Create starts a new run with meta.ID as its directory name and returns
// the Writer that records it. Created defaults to now. Create fails with
// ErrExists if the run exists (complete or not: Load it, or Reset it).
func (s *Store) Create(meta Meta) (_ *Writer, err error) {
	if err := s.usable(true); err != nil {
		return nil, err
	}
	if err := ValidID(meta.ID); err != nil {
		return nil, err
	}
	if meta.Values == nil {
		meta.Values = map[string]any{}
	}
	if meta.Created.IsZero() {
		meta.Created = time.Now().UTC()
	}
	values, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("runstore: run %q: its values cannot be saved as JSON (%v); use numbers, strings, bools and lists of them", meta.ID, err)
	}
	running, _ := json.Marshal(status{Status: history.Running})

	rootLock, err := lockFile(filepath.Join(s.root, lockName), true)
	if err != nil {
		return nil, fmt.Errorf("runstore: locking the store %s: %w", s.root, err)
	}
	defer unlock(rootLock)
	dir := filepath.Join(s.root, meta.ID)
	if err := fault("mkdir", dir); err != nil {
		return nil, fmt.Errorf("runstore: creating run %q: %w", meta.ID, err)
	}
	if err := os.Mkdir(dir, dirPerm); err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("runstore: run %q already exists in %s; Load it, or Reset it if it is incomplete: %w", meta.ID, s.root, ErrExists)
		}
		return nil, fmt.Errorf("runstore: creating run %q: %w", meta.ID, err)
	}
	// w, not the named result (nil on every error return), is what the
	// clean-up closes: a failed Create leaves no directory and no open file.
	w := &Writer{id: meta.ID, dir: dir}
	defer func() {
		if err != nil {
			w.closeFiles()
			os.RemoveAll(dir)
		}
	}()
	if err := chmodDir(dir); err != nil {
		return nil, fmt.Errorf("runstore: creating run %q: %w", meta.ID, err)
	}
	// Wait: a reader (Load) may hold the new lock for an instant.
	if w.lock, err = lockFile(filepath.Join(dir, lockName), true); err != nil {
		return nil, fmt.Errorf("runstore: locking run %q: %w", meta.ID, err)
	}
	// Not synced here: until Finish syncs everything, a power cut leaves
	// an incomplete run, which is what it is.
	if err := writeFileAtomic(dir, valuesFile, append(values, '\n'), false); err != nil {
		return nil, err
	}
	if err := writeFileAtomic(dir, statusFile, append(running, '\n'), false); err != nil {
		return nil, err
	}
	if w.epochs, err = createAppend(dir, epochsFile); err != nil {
		return nil, err
	}
	if w.steps, err = createAppend(dir, stepsFile); err != nil {
		return nil, err
	}
	return w, nil
}

// removeTrash finishes deletions that a crash interrupted.
func (s *Store) removeTrash() {
	entries, _ := os.ReadDir(s.root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), trashPrefix) {
			os.RemoveAll(filepath.Join(s.root, e.Name()))
		}
	}
}
