package training

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/fileread"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// Files Run adds to a stored run's directory.
const (
	boundaryFile = "boundary.json"
	weightsFile  = "weights.json"
	// maxArtifact bounds reading either back: a symlink, a FIFO or a
	// huge file planted in a run is refused rather than followed or read.
	maxArtifact = 256 << 20
)

// raceWait bounds how long a run that lost a race waits for the identical
// run another process or goroutine is training.
const raceWait = 10 * time.Minute

// runStored is run with a store: it returns a reusable stored run, or
// clears the stale one and trains, recording as it goes. When another
// process (or goroutine) creates, resets or finishes the same run at the
// same moment, this one lost the race: it waits for the winner's run to
// end and starts over, so it reuses the winner's result.
func (j *job) runStored() (*history.History, error) {
	id := runID(j.v, j.data.Fingerprint())
	deadline := time.Now().Add(raceWait)
	for {
		h, err := j.tryStored(id)
		if !lostRace(err) {
			return h, err
		}
		if err := j.waitForWinner(id, deadline); err != nil {
			return nil, err
		}
	}
}

// lostRace reports an error that means another writer got to the run first.
func lostRace(err error) bool {
	return errors.Is(err, runstore.ErrExists) || errors.Is(err, runstore.ErrActive) || errors.Is(err, runstore.ErrComplete)
}

// waitForWinner waits until the run id is no longer being written (the
// winner finished, or died), the context ends, or the deadline passes.
func (j *job) waitForWinner(id string, deadline time.Time) error {
	for pause := 20 * time.Millisecond; ; pause = min(2*pause, 500*time.Millisecond) {
		run, err := j.o.store.Load(id)
		if errors.Is(err, runstore.ErrNotFound) || (err == nil && (run.Complete || !run.Active)) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("training: run %s is being trained elsewhere and did not finish within %v; wait for it or use another seed", id, raceWait)
		}
		select {
		case <-j.ctx.Done():
			return j.ctx.Err()
		case <-time.After(pause):
		}
	}
}

// tryStored is one attempt of runStored.
func (j *job) tryStored(id string) (*history.History, error) {
	s := j.o.store
	fingerprint := j.data.Fingerprint()
	j.dir = filepath.Join(s.Root(), id)
	run, err := s.Load(id)
	switch {
	case errors.Is(err, runstore.ErrNotFound):
	case err != nil:
		return nil, fmt.Errorf("training: reading the stored run: %w", err)
	case storedReusable(run) && !j.o.noCache:
		if ok, err := j.loadArtifacts(); err != nil || ok {
			if j.o.reused != nil {
				*j.o.reused = err == nil
			}
			h := run.History
			return &h, err
		}
		// A requested artifact was not saved with it: train again.
		if err := s.Delete(id); err != nil {
			return nil, err
		}
	case run.Complete:
		if err := s.Delete(id); err != nil {
			return nil, err
		}
	default:
		if err := s.Reset(id); err != nil {
			return nil, err // lostRace when another writer is on it
		}
	}
	meta := runstore.Meta{ID: id, Values: j.v.Map(), Seed: int64(j.cfg.Seed), Dataset: j.data.Train.Name, DataFingerprint: fingerprint}
	if j.w, err = s.Create(meta); err != nil {
		return nil, err
	}
	defer j.w.Close() // after a Finish this does nothing
	return j.run()
}

// storedReusable reports whether a stored run is the result training again
// would give: it ran to its end, or diverged (which it would again). A
// cancelled, failed or unfinished run is trained again.
func storedReusable(r *runstore.Run) bool {
	return r.Complete && (r.History.Status == history.Finished || r.History.Status == history.Diverged)
}

// loadArtifacts reads the requested boundary and weights of a stored run;
// false means one of them was never saved.
func (j *job) loadArtifacts() (bool, error) {
	for _, a := range []struct {
		file string
		dst  any
		want bool
	}{{boundaryFile, j.o.boundary, j.o.boundary != nil}, {weightsFile, j.o.weights, j.o.weights != nil}} {
		if !a.want {
			continue
		}
		data, err := fileread.ReadFile(filepath.Join(j.dir, a.file), maxArtifact, false)
		if errors.Is(err, os.ErrNotExist) {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("training: reading %s of the stored run: %w", a.file, err)
		}
		if err := json.Unmarshal(data, a.dst); err != nil {
			return false, fmt.Errorf("training: %s of the stored run is damaged (%v); train again with NoCache", a.file, err)
		}
	}
	return true, nil
}

// saveJSON saves v as the artifact name of the run (runstore writes it
// atomically, 0644), when there is a store.
func (j *job) saveJSON(name string, v any) error {
	if j.w == nil {
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("training: saving %s: %w", name, err)
	}
	if err := j.w.Artifact(name, data); err != nil {
		return fmt.Errorf("training: saving %s: %w", name, err)
	}
	return nil
}
