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
	errLocked   = ErrActive
)

// Store is a directory of runs. It holds no state besides its root, so any
// number of Stores (in any number of processes) may share a root.
type Store struct {
	root string
}

// Open opens the store at root, creating the directory (0755) if needed.
func Open(root string) (*Store, error) {
	if root == "" {
		return nil, errors.New("runstore: the store root is empty; give a directory")
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("runstore: store root %q: %w", root, err)
	}
	_, statErr := os.Stat(abs)
	if err := os.MkdirAll(abs, dirPerm); err != nil {
		return nil, fmt.Errorf("runstore: cannot create the store directory %s: %w", abs, err)
	}
	if errors.Is(statErr, os.ErrNotExist) { // ours: 0755 whatever the umask
		if err := os.Chmod(abs, dirPerm); err != nil {
			return nil, fmt.Errorf("runstore: store directory %s: %w", abs, err)
		}
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("runstore: the store root %s is not a directory", abs)
	}
	s := &Store{root: abs}
	// Taking the root lock once checks the root is writable now, rather
	// than at the first run.
	l, err := lockFile(filepath.Join(abs, lockName), true)
	if err != nil {
		return nil, fmt.Errorf("runstore: cannot write in the store directory %s: %w", abs, err)
	}
	s.removeTrash()
	unlock(l)
	return s, nil
}

// Root is the store's directory (absolute).
func (s *Store) Root() string { return s.root }

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
func (s *Store) Create(meta Meta) (w *Writer, err error) {
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
	if err := os.Mkdir(dir, dirPerm); err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("runstore: run %q already exists in %s; Load it, or Reset it if it is incomplete: %w", meta.ID, s.root, ErrExists)
		}
		return nil, fmt.Errorf("runstore: creating run %q: %w", meta.ID, err)
	}
	w = &Writer{id: meta.ID, dir: dir}
	defer func() {
		if err != nil {
			w.closeFiles()
			os.RemoveAll(dir)
		}
	}()
	if err := os.Chmod(dir, dirPerm); err != nil {
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
