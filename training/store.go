package training

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

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

// runStored is run with a store: it returns a reusable stored run, or
// clears the stale one and trains, recording as it goes.
func (j *job) runStored() (*history.History, error) {
	s := j.o.store
	fingerprint := j.data.Fingerprint()
	id := runID(j.v, fingerprint)
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
			if errors.Is(err, runstore.ErrActive) {
				return nil, fmt.Errorf("training: run %s is being trained elsewhere right now; wait for it or use another seed", id)
			}
			return nil, err
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
