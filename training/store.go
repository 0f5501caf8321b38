package training

import (
	"errors"
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// runStored is run with a store: it returns a reusable stored run, or
// clears the stale one and trains, recording as it goes.
func (j *job) runStored() (*history.History, error) {
	s := j.o.store
	fingerprint := j.p.Data.Fingerprint()
	id := runID(j.p.Values, fingerprint)
	run, err := s.Load(id)
	switch {
	case errors.Is(err, runstore.ErrNotFound):
	case err != nil:
		return nil, fmt.Errorf("training: reading the stored run: %w", err)
	case storedReusable(run) && !j.o.noCache:
		if ok, err := j.loadArtifacts(run); err != nil || ok {
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
			if errors.Is(err, runstore.ErrActive) {
				return nil, fmt.Errorf("training: run %s is being trained elsewhere right now; wait for it or use another seed", id)
			}
			return nil, err
		}
	}
	meta := runstore.Meta{ID: id, Values: j.p.Values.Map(), Seed: int64(j.p.Config.Seed), Dataset: j.p.Data.Train.Name, DataFingerprint: fingerprint}
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
	return r.Complete && (r.History.Status == history.Finished || r.History.Status == history.Diverged) && splitsPenalty(&r.History)
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
