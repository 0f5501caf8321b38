package training

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/c-bata/goptuna"
	"github.com/c-bata/goptuna/medianstopping"
	"github.com/c-bata/goptuna/tpe"
	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// study is hyperlab's side of a goptuna study: it turns Values into
// goptuna's trials and back. goptuna keeps the trials in memory only; the
// run store is the record, and sync replays it into the study.
type study struct {
	mu      sync.Mutex // goptuna's in-memory storage is safe, but ask and sync must not interleave
	s       *goptuna.Study
	dims    []dim
	base    hparams.Values
	known   map[string]bool  // run IDs the study has (replayed or asked)
	pending map[string]bool  // run IDs of the search in the store, not complete (killed, or training elsewhere)
	retry   []hparams.Values // killed runs to train again before asking (runSearch takes them)
}

// count is how many runs the search has: those the study knows and those
// the store holds unfinished.
func (st *study) count() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	n := len(st.known)
	for id := range st.pending {
		if !st.known[id] {
			n++
		}
	}
	return n
}

func newStudy(sr *Search, dims []dim, seed int64) (*study, error) {
	var sampler goptuna.Sampler
	if sr.Sampler == SamplerRandom {
		sampler = goptuna.NewRandomSampler(goptuna.RandomSamplerOptionSeed(seed))
	} else {
		opts := []tpe.SamplerOption{tpe.SamplerOptionSeed(seed)}
		if sr.StartupTrials > 0 {
			opts = append(opts, tpe.SamplerOptionNumberOfStartupTrials(sr.StartupTrials))
		}
		sampler = tpe.NewSampler(opts...)
	}
	opts := []goptuna.StudyOption{
		goptuna.StudyOptionSampler(sampler),
		goptuna.StudyOptionDirection(goptuna.StudyDirectionMinimize),
		goptuna.StudyOptionLogger(quiet{}),
	}
	if sr.Pruner == PrunerMedian {
		// goptuna's defaults, Optuna's too: judge from the 6th trial on, from epoch 1.
		opts = append(opts, goptuna.StudyOptionPruner(medianstopping.NewMedianPruner()))
	}
	s, err := goptuna.CreateStudy("hyperlab-search", opts...)
	if err != nil {
		return nil, fmt.Errorf("training: starting the search: %w", err)
	}
	return &study{s: s, dims: dims, base: sr.Base, known: map[string]bool{}, pending: map[string]bool{}}, nil
}

// quiet is goptuna's Logger, silenced: hyperlab reports trials itself.
type quiet struct{}

func (quiet) Debug(string, ...any) {}
func (quiet) Info(string, ...any)  {}
func (quiet) Warn(string, ...any)  {}
func (quiet) Error(string, ...any) {}

// distribution is the goptuna distribution of a dimension.
func (d dim) distribution() any {
	switch {
	case d.choices != nil:
		return goptuna.CategoricalDistribution{Choices: d.choices}
	case d.kind == hparams.Int:
		return goptuna.IntUniformDistribution{Low: int(d.low), High: int(d.high)}
	case d.log:
		return goptuna.LogUniformDistribution{Low: d.low, High: d.high}
	}
	return goptuna.UniformDistribution{Low: d.low, High: d.high}
}

// ask creates a trial, lets the sampler choose its values and returns them
// with the trial's goptuna ID.
func (st *study) ask(data datasets.Split) (int, hparams.Values, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	id, err := st.s.Storage.CreateNewTrial(st.s.ID)
	if err != nil {
		return 0, hparams.Values{}, fmt.Errorf("training: the search could not create a trial: %w", err)
	}
	t := goptuna.Trial{Study: st.s, ID: id}
	v := st.base
	for _, d := range st.dims {
		var x any
		switch dist := d.distribution().(type) {
		case goptuna.CategoricalDistribution:
			x, err = t.SuggestCategorical(d.name, dist.Choices)
			if err == nil && d.kind == hparams.Bool {
				x = x == "true"
			}
		case goptuna.IntUniformDistribution:
			x, err = t.SuggestInt(d.name, dist.Low, dist.High)
		case goptuna.LogUniformDistribution:
			x, err = t.SuggestLogFloat(d.name, dist.Low, dist.High)
		default:
			x, err = t.SuggestFloat(d.name, d.low, d.high)
		}
		if err != nil {
			return 0, v, fmt.Errorf("training: the sampler could not draw %s: %w", d.name, err)
		}
		if v, err = v.With(d.name, x); err != nil {
			return 0, v, err
		}
	}
	st.known[RunID(v, data)] = true
	return id, v, nil
}

// fixed adds a running trial with given values (a killed run trained
// again) and returns its ID.
func (st *study) fixed(v hparams.Values, data datasets.Split) (int, error) {
	internal, params, dists, ok := st.internal(v.Map())
	if !ok {
		return 0, fmt.Errorf("training: the values to retry are outside the search space")
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.known[RunID(v, data)] = true
	return st.s.Storage.CloneTrial(st.s.ID, goptuna.FrozenTrial{State: goptuna.TrialStateRunning,
		InternalParams: internal, Params: params, Distributions: dists,
		IntermediateValues: map[int]float64{}, UserAttrs: map[string]string{}, SystemAttrs: map[string]string{}})
}

// pruner is the PruneWhen of trial id: it reports each epoch's loss to the
// study and says whether the study's pruner stops the trial there.
func (st *study) pruner(id int) func(history.Epoch) bool {
	t := goptuna.Trial{Study: st.s, ID: id}
	return func(e history.Epoch) bool {
		x := intermediate(e)
		if !history.Finite(x) {
			return false // a divergence ends the run by itself
		}
		return errors.Is(t.ShouldPrune(e.Epoch, x), goptuna.ErrTrialPruned)
	}
}

// intermediate is the value a pruner judges after an epoch: the validation
// loss, or the training loss without a validation split (as Row.BestLoss).
func intermediate(e history.Epoch) float64 {
	if history.Finite(e.ValLoss) {
		return e.ValLoss
	}
	return e.TrainLoss
}

// tell records a trial's outcome: its per-epoch losses, its value (the
// best loss) and its state. A diverged trial counts as the worst possible
// result, so TPE learns to avoid its region; a failed one is left out.
func (st *study) tell(id int, r Row) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	storage := st.s.Storage
	have, err := storage.GetTrial(id)
	if err != nil {
		return err
	}
	if r.History != nil {
		for _, e := range r.History.Epochs {
			if _, told := have.IntermediateValues[e.Epoch]; told {
				continue // the pruner heard it during training
			}
			if x := intermediate(e); history.Finite(x) {
				if err := storage.SetTrialIntermediateValue(id, e.Epoch, x); err != nil {
					return err
				}
			}
		}
	}
	state, value := outcome(r)
	if state != goptuna.TrialStateFail {
		if err := storage.SetTrialValue(id, value); err != nil {
			return err
		}
	}
	return storage.SetTrialState(id, state)
}

// outcome is a row's goptuna state and value.
func outcome(r Row) (goptuna.TrialState, float64) {
	switch {
	case r.Status == Pruned && r.History != nil && len(r.History.Epochs) > 0:
		return goptuna.TrialStatePruned, intermediate(r.History.Epochs[len(r.History.Epochs)-1])
	case r.Complete():
		return goptuna.TrialStateComplete, r.BestLoss
	case r.Status == history.Diverged:
		return goptuna.TrialStateComplete, math.MaxFloat64
	}
	return goptuna.TrialStateFail, 0
}

// sync replays into the study the runs of the search in the store that it
// does not know yet: the ones a sweep would read back (reusableRun with
// pruned: finished, diverged, pruned) as rows, in the order of their IDs,
// and the values of the others (killed, cancelled, failed, or stored
// before penalties were) as retry, when asked for.
func (st *study) sync(store *runstore.Store, data datasets.Split, wantRetry bool) (rows []Row, retry []hparams.Values, err error) {
	runs, err := store.List()
	if err != nil {
		return nil, nil, fmt.Errorf("training: reading the search's runs: %w", err)
	}
	// In the order of their IDs (a hash of the values), not of their
	// creation: runs written by parallel workers or a stack are created in
	// whatever order they finish, and the same store must replay the same
	// way, so that a seeded search repeats.
	sort.Slice(runs, func(i, j int) bool { return runs[i].ID < runs[j].ID })
	fp := data.Fingerprint()
	for _, run := range runs {
		st.mu.Lock()
		known := st.known[run.ID] // workers' ask and fixed write it
		st.mu.Unlock()
		if known || (run.DataFingerprint != "" && run.DataFingerprint != fp) {
			continue
		}
		internal, params, dists, ok := st.internal(run.Values)
		if !ok {
			continue
		}
		h := run.History
		if !reusableRun(run, true) {
			st.mu.Lock()
			seen := st.pending[run.ID]
			st.pending[run.ID] = true
			st.mu.Unlock()
			if wantRetry && !seen {
				if v, err := st.values(run.Values); err == nil {
					retry = append(retry, v)
				}
			}
			continue
		}
		row := NewRow(0, run.ID, run.Values, &h, runSeconds(&h))
		state, value := outcome(row)
		iv := map[int]float64{}
		for _, e := range h.Epochs {
			if x := intermediate(e); history.Finite(x) {
				iv[e.Epoch] = x
			}
		}
		st.mu.Lock()
		st.known[run.ID] = true
		_, err := st.s.Storage.CloneTrial(st.s.ID, goptuna.FrozenTrial{State: state, Value: value,
			InternalParams: internal, Params: params, Distributions: dists, IntermediateValues: iv,
			DatetimeStart: run.Created, UserAttrs: map[string]string{}, SystemAttrs: map[string]string{}})
		st.mu.Unlock()
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, row)
	}
	return rows, retry, nil
}

// values rebuilds a stored run's Values (JSON numbers back to their kinds).
func (st *study) values(m map[string]any) (hparams.Values, error) {
	v := st.base
	for _, d := range st.dims {
		x, err := strconv.ParseFloat(hparams.Format(m[d.name]), 64)
		var val any = hparams.Format(m[d.name])
		switch {
		case d.kind == hparams.Bool:
			val = val == "true"
		case d.kind == hparams.Int && err == nil:
			val = int(x)
		case d.kind == hparams.Float && err == nil:
			val = x
		}
		if v, err = v.With(d.name, val); err != nil {
			return v, err
		}
	}
	return v, nil
}

// internal reports whether a stored run's values belong to the search (the
// base's values outside the space, values within it inside) and gives
// goptuna's internal representation of them.
func (st *study) internal(m map[string]any) (map[string]float64, map[string]any, map[string]any, bool) {
	inSpace := map[string]dim{}
	for _, d := range st.dims {
		inSpace[d.name] = d
	}
	base := st.base.Map()
	if len(m) != len(base) {
		return nil, nil, nil, false
	}
	for name, want := range base {
		got, ok := m[name]
		if _, searched := inSpace[name]; !ok || (!searched && hparams.Format(got) != hparams.Format(want)) {
			return nil, nil, nil, false
		}
	}
	internal, params, dists := map[string]float64{}, map[string]any{}, map[string]any{}
	for _, d := range st.dims {
		text := hparams.Format(m[d.name])
		var ir float64
		if d.choices != nil {
			i := slices.Index(d.choices, text)
			if i < 0 {
				return nil, nil, nil, false
			}
			ir = float64(i)
			params[d.name] = text
		} else {
			x, err := strconv.ParseFloat(text, 64)
			if err != nil || x < d.low || x > d.high {
				return nil, nil, nil, false
			}
			ir = x
			params[d.name] = x
			if d.kind == hparams.Int {
				params[d.name] = int(x)
			}
		}
		internal[d.name] = ir
		dists[d.name] = d.distribution()
	}
	return internal, params, dists, true
}
