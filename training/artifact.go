package training

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hyperlab-go/hyperlab/runstore"
)

// artifact is something a run produces besides its History: computed from
// the model, saved as a JSON file of the run through runstore
// (Writer.Artifact) and read back through runstore (Run.Artifact) when a
// stored run is reused. Every artifact option (DecisionBoundary,
// WeightSnapshots, and any later one) is one of these, so adding one adds
// no plumbing to Run, the job or the store.
type artifact struct {
	file string // file name in the run's directory
	dst  any    // pointer the artifact is computed into and read back into
	what string // for messages: "the decision boundary"
	// gridSteps is the side of the grid the artifact predicts on (the
	// decision boundary's), for the run's memory estimate; 0 for none.
	gridSteps int
	check     func(*Plan) error         // refuses a run it cannot be computed for; may be nil
	before    func(*model, *Plan) error // before the first step; may be nil
	after     func(*model, *Plan) error // after the last step
}

// The artifacts' files in a stored run's directory.
const (
	boundaryFile = "boundary.json"
	weightsFile  = "weights.json"
)

// boundaryArtifact predicts a steps×steps grid into dst after training.
func boundaryArtifact(dst *Boundary, steps int) artifact {
	return artifact{file: boundaryFile, dst: dst, what: "predicting the decision boundary", gridSteps: steps,
		check: func(p *Plan) error { return checkBoundary(p.Data.Train, steps) },
		after: func(m *model, p *Plan) error {
			b, err := m.boundary(p.Data.Train, steps)
			*dst = b
			return err
		}}
}

// weightsArtifact copies every layer's parameters into dst before and
// after training.
func weightsArtifact(dst *Weights) artifact {
	return artifact{file: weightsFile, dst: dst, what: "copying the weights",
		before: func(m *model, _ *Plan) (err error) { dst.Before, err = m.snapshot(); return err },
		after:  func(m *model, _ *Plan) (err error) { dst.After, err = m.snapshot(); return err }}
}

// artifactsBefore runs every artifact's before step.
func (j *job) artifactsBefore(m *model) error {
	for _, a := range j.o.artifacts {
		if a.before != nil {
			if err := guard(a.what, func() error { return a.before(m, j.p) }); err != nil {
				return err
			}
		}
	}
	return nil
}

// artifactsAfter computes every artifact after training and saves it in
// the run's directory when there is a store.
func (j *job) artifactsAfter(m *model) error {
	for _, a := range j.o.artifacts {
		if err := guard(a.what, func() error { return a.after(m, j.p) }); err != nil {
			return err
		}
		if j.w == nil {
			continue
		}
		data, err := json.Marshal(a.dst)
		if err != nil {
			return fmt.Errorf("training: saving %s: %w", a.file, err)
		}
		if err := j.w.Artifact(a.file, data); err != nil {
			return fmt.Errorf("training: saving %s: %w", a.file, err)
		}
	}
	return nil
}

// loadArtifacts reads every requested artifact of a stored run; false
// means one of them was never saved (the run trains again).
func (j *job) loadArtifacts(run *runstore.Run) (bool, error) {
	for _, a := range j.o.artifacts {
		data, err := run.Artifact(a.file)
		if errors.Is(err, runstore.ErrNotFound) {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("training: %w", err)
		}
		if err := json.Unmarshal(data, a.dst); err != nil {
			return false, fmt.Errorf("training: %s of the stored run is damaged (%v); train again with NoCache", a.file, err)
		}
	}
	return true, nil
}
