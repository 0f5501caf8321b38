package training

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/runstore"
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
	id := runID(j.p.Values, j.p.Data.Fingerprint())
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
	fingerprint := j.p.Data.Fingerprint()
	run, err := s.Load(id)
	switch {
	case errors.Is(err, runstore.ErrNotFound):
	case err != nil:
		return nil, fmt.Errorf("training: reading the stored run: %w", err)
	case reusableRun(run, false) && !j.o.noCache:
		if ok, err := j.loadArtifacts(run); err != nil || ok {
			j.o.setReused(err == nil)
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
	meta := runstore.Meta{ID: id, Values: j.p.Values.Map(), Seed: int64(j.p.Config.Seed), Dataset: j.p.Data.Train.Name, DataFingerprint: fingerprint}
	if j.w, err = s.Create(meta); err != nil {
		return nil, err
	}
	defer j.w.Close() // after a Finish this does nothing
	return j.run()
}

// reusableRun reports whether a stored run is read back instead of trained
// again: the one answer for Run, RunStack, Sweep and a search's replay.
// The run must be complete and stored with its penalty apart from its
// losses (splitsPenalty), and have finished or diverged (which it would
// again); a cancelled, failed or unfinished run is trained again. With
// pruned, a pruned run is read back too, for a search: its pruner stopped
// the run, and that decision is part of the search's record.
func reusableRun(r *runstore.Run, pruned bool) bool {
	if !r.Complete || !splitsPenalty(&r.History) {
		return false
	}
	switch r.History.Status {
	case history.Finished, history.Diverged:
		return true
	case history.Pruned:
		return pruned
	}
	return false
}

// splitsPenalty reports whether h was stored with its penalty apart from
// its losses. Runs stored before that have a NaN penalty and, with
// regularization, a validation loss that includes it; they stay loadable
// but are trained again rather than reused, so charts compare data losses.
func splitsPenalty(h *history.History) bool {
	for _, e := range h.Epochs {
		if math.IsNaN(e.TrainPenalty) {
			return false
		}
	}
	return true
}
