package runstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
)

// Writer records one run as it trains. Its methods may be called from
// several goroutines. After Finish or Close it accepts nothing more. Only
// Store.Create makes a usable Writer: the methods of a zero or nil Writer
// return an error (Close does nothing) and write nothing anywhere.
type Writer struct {
	id, dir string

	mu            sync.Mutex
	lock          *os.File
	epochs, steps *os.File
	nEpochs       int
	nSteps        int
	done          bool // finished or closed: no more lines
	closed        bool // closed without Finish: no more artifacts either
}

// ID is the run's ID.
func (w *Writer) ID() string {
	if w == nil {
		return ""
	}
	return w.id
}

var errZeroWriter = errors.New("runstore: the Writer is nil or zero; get one from Store.Create")

// Epoch appends one epoch to epochs.jsonl, in one write.
func (w *Writer) Epoch(e history.Epoch) error {
	return w.append(func() error { return w.appendEpochs([]history.Epoch{e}) })
}

// Steps appends a batch of per-step training losses (NaN allowed) to
// steps.jsonl, in one write.
func (w *Writer) Steps(loss []float64) error {
	return w.append(func() error { return w.appendSteps(loss) })
}

// append runs write under the Writer's lock, once the Writer is known to
// be usable: the one entry of Epoch and Steps.
func (w *Writer) append(write func() error) error {
	if w == nil || w.dir == "" {
		return errZeroWriter
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return err
	}
	return write()
}

// Finish completes the run: it appends the epochs and step losses of h
// that were not yet written through Epoch and Steps (so a whole History
// can be saved with Finish alone), makes them durable, and writes
// status.json atomically. h.Status must be final.
func (w *Writer) Finish(h *history.History) error {
	if w == nil || w.dir == "" {
		return errZeroWriter
	}
	if h == nil {
		return fmt.Errorf("runstore: Finish(%q) got a nil History", w.id)
	}
	if !h.Status.Final() {
		return fmt.Errorf("runstore: Finish(%q) needs a final status (finished, diverged, cancelled or failed), got %q", w.id, h.Status)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return err
	}
	if len(h.Epochs) > w.nEpochs {
		if err := w.appendEpochs(h.Epochs[w.nEpochs:]); err != nil {
			return err
		}
	}
	if len(h.StepLoss) > w.nSteps {
		if err := w.appendSteps(h.StepLoss[w.nSteps:]); err != nil {
			return err
		}
	}
	for _, f := range []*os.File{w.epochs, w.steps} {
		if err := fault("sync", f.Name()); err != nil {
			return fmt.Errorf("runstore: run %q: syncing %s: %w", w.id, f.Name(), err)
		}
		if err := f.Sync(); err != nil {
			return fmt.Errorf("runstore: run %q: syncing %s: %w", w.id, f.Name(), err)
		}
	}
	if err := syncFile(filepath.Join(w.dir, valuesFile)); err != nil {
		return err
	}
	st := status{Status: h.Status, Error: h.Err, Layers: h.Layers,
		Epochs: w.nEpochs, Steps: w.nSteps, Finished: time.Now().UTC()}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("runstore: run %q: %w", w.id, err)
	}
	if err := writeFileAtomic(w.dir, statusFile, append(data, '\n'), true); err != nil {
		return err
	}
	w.done = true
	return w.closeFiles()
}

// Close stops recording without finishing: the run stays incomplete
// (for example after a panic). Close after Finish does nothing.
func (w *Writer) Close() error {
	if w == nil || w.dir == "" {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return nil
	}
	w.done, w.closed = true, true
	return w.closeFiles()
}

func (w *Writer) usable() error {
	if w.done {
		return fmt.Errorf("runstore: run %q is already finished or closed; create a new run to record more", w.id)
	}
	return nil
}

func (w *Writer) appendEpochs(es []history.Epoch) error {
	var b []byte
	for _, e := range es {
		line, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("runstore: run %q: epoch %d: %w", w.id, e.Epoch, err)
		}
		b = append(append(b, line...), '\n')
	}
	if err := fault("append", w.epochs.Name()); err != nil {
		return fmt.Errorf("runstore: run %q: appending to %s: %w", w.id, epochsFile, err)
	}
	if _, err := w.epochs.Write(b); err != nil {
		return fmt.Errorf("runstore: run %q: appending to %s: %w", w.id, epochsFile, err)
	}
	w.nEpochs += len(es)
	return nil
}

func (w *Writer) appendSteps(loss []float64) error {
	if len(loss) == 0 {
		return nil
	}
	if err := fault("append", w.steps.Name()); err != nil {
		return fmt.Errorf("runstore: run %q: appending to %s: %w", w.id, stepsFile, err)
	}
	if _, err := w.steps.Write(appendSteps(nil, loss)); err != nil {
		return fmt.Errorf("runstore: run %q: appending to %s: %w", w.id, stepsFile, err)
	}
	w.nSteps += len(loss)
	return nil
}

func (w *Writer) closeFiles() error {
	var errs []error
	for _, f := range []*os.File{w.epochs, w.steps} {
		if f != nil {
			errs = append(errs, f.Close())
		}
	}
	unlock(w.lock)
	w.epochs, w.steps, w.lock = nil, nil, nil
	return errors.Join(errs...)
}

// Artifact saves an extra file of the run (a decision boundary, final
// weights) as <run>/<name>, atomically and 0644, like the store's own
// files; a later Load finds it at filepath.Join(run.Dir, name). name
// follows the rules of run IDs and cannot be one of the store's files.
// Artifact works before and after Finish, not after closing an unfinished
// run (whose directory Reset may already have removed).
func (w *Writer) Artifact(name string, data []byte) error {
	if err := ValidID(name); err != nil {
		return fmt.Errorf("runstore: artifact name: %s", trimPrefix(err))
	}
	switch name {
	case valuesFile, epochsFile, stepsFile, statusFile:
		return fmt.Errorf("runstore: artifact name %q is one of the store's own files; choose another", name)
	}
	if w == nil || w.dir == "" {
		return errZeroWriter
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return fmt.Errorf("runstore: run %q is closed; save artifacts before Close", w.id)
	}
	return writeFileAtomic(w.dir, name, data, true)
}
