package training

import (
	"sync"
	"time"

	"github.com/gomlx/gomlx/backends"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// Option configures Run.
type Option func(*options)

type options struct {
	onEpoch   []func(history.Epoch)
	onStep    []func(step int, loss float64)
	stepEvery time.Duration
	store     *runstore.Store
	noCache   bool
	backend   backends.Backend
	artifacts []artifact
	reused    *bool
	prune     []func(history.Epoch) bool
	noStack   bool
	// serial, when set, makes the callbacks and the Reused flag of runs
	// trained at the same time (RunPlans' concurrent stacks) take turns.
	serial *sync.Mutex
}

// PruneWhen stops the run after an epoch for which fn returns true, with
// status history.Pruned (stored as such, with the epochs trained so far).
// A search's pruner uses it; fn runs on Run's goroutine.
func PruneWhen(fn func(history.Epoch) bool) Option {
	return func(o *options) { o.prune = append(o.prune, fn) }
}

// OnEpoch calls fn after every finished epoch, on Run's goroutine.
func OnEpoch(fn func(history.Epoch)) Option {
	return func(o *options) { o.onEpoch = append(o.onEpoch, fn) }
}

// OnStep calls fn with the step number (from 1 over the whole run) and that
// step's training loss, at most once per StepEvery interval (100 ms unless
// set) and always for the last step of an epoch, on Run's goroutine.
func OnStep(fn func(step int, loss float64)) Option {
	return func(o *options) { o.onStep = append(o.onStep, fn) }
}

// StepEvery sets the least time between two OnStep calls; 0 calls OnStep
// after every step.
func StepEvery(d time.Duration) Option {
	return func(o *options) { o.stepEvery = d }
}

// Store saves the run in s as it goes: its Values, every epoch, the step
// losses and the final status. A finished run with the same ID (RunID: the
// Values and the data) that is already there is returned instead of training again,
// unless NoCache is given; a stored run that was cancelled, failed or
// never finished is trained again.
func Store(s *runstore.Store) Option {
	return func(o *options) { o.store = s }
}

// NoCache trains even when Store holds a finished run with the same ID,
// and overwrites it.
func NoCache() Option {
	return func(o *options) { o.noCache = true }
}

// Backend runs on b instead of the shared simplego backend.
func Backend(b backends.Backend) Option {
	return func(o *options) { o.backend = b }
}

// DecisionBoundary fills dst, after training on a dataset with two
// features, with the class the model predicts at each point of a
// steps×steps grid over the training data (see Boundary). With Store, it
// is also saved as boundary.json in the run's directory and read back from
// there when a stored run is reused.
func DecisionBoundary(dst *Boundary, steps int) Option {
	return func(o *options) { o.artifacts = append(o.artifacts, boundaryArtifact(dst, steps)) }
}

// WeightSnapshots fills dst with every layer's weights and biases before
// and after training (see Weights), e.g. for a histogram of how training
// moved them. With Store, they are also saved as weights.json.
func WeightSnapshots(dst *Weights) Option {
	return func(o *options) { o.artifacts = append(o.artifacts, weightsArtifact(dst)) }
}

// Reused sets *dst to whether Run returned a run loaded from Store instead
// of training (a notebook can say "loaded from the run store").
func Reused(dst *bool) Option {
	return func(o *options) { o.reused = dst }
}

// serialized makes the callbacks and the Reused flag of the runs it is
// given take turns under mu (RunPlans gives it to the stacks it trains at
// the same time), so that a callback the runs share is never called twice
// at once, as with runs one after the other.
func serialized(mu *sync.Mutex) Option { return func(o *options) { o.serial = mu } }

// turn runs fn, in turn with the other runs' callbacks under serialized.
func (o *options) turn(fn func()) {
	if o.serial != nil {
		o.serial.Lock()
		defer o.serial.Unlock()
	}
	fn()
}

// setReused sets Reused's flag, if the run has one.
func (o *options) setReused(v bool) {
	if o.reused != nil {
		o.turn(func() { *o.reused = v })
	}
}
