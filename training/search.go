package training

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/typo"
)

// The samplers and pruners a Search knows.
const (
	SamplerTPE    = "tpe"    // Tree-structured Parzen Estimator (Bergstra et al. 2011), goptuna's tpe.Sampler
	SamplerRandom = "random" // independent draws, goptuna's RandomSampler: the baseline TPE must beat
	PrunerNone    = ""       // every trial trains its full epochs
	PrunerMedian  = "median" // median stopping rule (Golovin et al. 2017, Google Vizier), goptuna's MedianPruner
)

// Search is model-based search over a space of hyperparameters, run by a
// Sweep (set Sweep.Search): each new trial is asked from a goptuna study
// that has seen every finished trial, and with a pruner, a trial whose
// validation loss after an epoch is worse than the median of earlier
// trials at that epoch stops there (status Pruned, stored with its epochs).
//
// Trials go through the sweep's machinery: Workers trials at once, the run
// store, progress callbacks. A resumed search replays the runs of the
// search already in the store into the study (finished, diverged and
// pruned ones keep their outcome and count towards Trials; a run killed
// mid-way is trained again with its values), then asks for the rest.
// The runs of a search are the stored runs that differ from Base only in
// the dimensions of Space, within their ranges.
//
// Sharding: the search's Trials are shared out as a Sweep's are (slot k
// to shard k mod n), and a process stops asking when it has trained its
// share or when the store holds Trials runs of the search (finished, or
// being trained by a shard), whichever comes first; so shards run one
// after another, together, or resumed after a kill all end at Trials runs
// (running shards together may overshoot by a trial or two). Each shard is
// its own study, seeded Seed+i, that starts from every run of the search
// in the store and, before each ask, replays the runs the other shards
// finished since. What sharding does to TPE: TPE is sequential by nature,
// each proposal conditioned on all results so far; n shards started
// together propose their first trials without each other's results and
// always miss the trials still running elsewhere, so they explore more and
// exploit later than one process with n workers (which has the same blind
// spot for its own running trials). A killed run is trained again by an
// unsharded search only: with shards it may be another shard's, running.
type Search struct {
	// Base holds every hyperparameter that does not vary.
	Base hparams.Values
	// Space lists the dimensions searched.
	Space []Dim
	// Trials is the number of trials in all, resumed ones included.
	Trials int
	// Sampler is SamplerTPE (the zero value) or SamplerRandom.
	Sampler string
	// Pruner is PrunerNone (the zero value) or PrunerMedian.
	Pruner string
	// Seed seeds the sampler: the random sampler, and TPE's first random
	// trials, draw the same values again with one worker (lab.Search uses
	// one when Seed is set). TPE's later draws repeat only when Go's global
	// math/rand does: goptuna v0.9.0 picks the Parzen mixture's component
	// with it, which rand.Seed no longer sets (Go 1.24+); run the process
	// with GODEBUG=randautoseed=0, as the notebooks' harness does.
	Seed int64
	// StartupTrials are drawn at random before TPE models the results;
	// 0 means goptuna's default, 10.
	StartupTrials int
}

// Dim is one dimension of a search space: a hyperparameter of the Spec
// and, optionally, a narrower range or a subset of its choices. Log scale
// and integer steps come from the Spec's declaration.
type Dim struct {
	Name      string
	Low, High float64  // a numeric range within the declared one; both 0: the declared range
	Choices   []string // a subset of a string's declared choices; nil: all of them
}

// ParseDim reads a dimension as --space takes it: "name" (its declared
// range or choices), "name=low:high" (a numeric range) or "name=a,b,c"
// (choices).
func ParseDim(s string) (Dim, error) {
	name, rest, ok := strings.Cut(strings.TrimSpace(s), "=")
	d := Dim{Name: strings.TrimSpace(name)}
	if d.Name == "" {
		return d, fmt.Errorf("training: search dimension %q has no name; write name, name=low:high or name=a,b", s)
	}
	if !ok {
		return d, nil
	}
	if lo, hi, isRange := strings.Cut(rest, ":"); isRange {
		var err1, err2 error
		d.Low, err1 = strconv.ParseFloat(strings.TrimSpace(lo), 64)
		d.High, err2 = strconv.ParseFloat(strings.TrimSpace(hi), 64)
		if err1 != nil || err2 != nil {
			return d, fmt.Errorf("training: search range %q is not low:high numbers (for example %s=1e-4:1)", rest, d.Name)
		}
		return d, nil
	}
	for _, c := range strings.Split(rest, ",") {
		if c = strings.TrimSpace(c); c != "" {
			d.Choices = append(d.Choices, c)
		}
	}
	return d, nil
}

// CheckSearch reports the first problem of a search (its space against
// the Spec, its sampler, pruner and number of trials) without running it.
func CheckSearch(sr *Search) error {
	_, err := sr.resolve()
	return err
}

// dim is a Dim resolved against the Spec.
type dim struct {
	name      string
	kind      hparams.Kind
	low, high float64
	log       bool
	choices   []string // String and Bool ("false", "true")
}

// resolve checks the search and resolves its dimensions against Base's
// Spec, naming the first problem.
func (sr *Search) resolve() ([]dim, error) {
	spec := sr.Base.Spec()
	switch {
	case spec == nil:
		return nil, fmt.Errorf("training: the base values of a search have no Spec; start from training.Spec.Defaults()")
	case len(sr.Space) == 0:
		return nil, fmt.Errorf("training: the search has no space; name at least one hyperparameter to vary, such as %s", ParamLearningRate)
	case sr.Trials < 1:
		return nil, fmt.Errorf("training: a search needs at least 1 trial (got %d)", sr.Trials)
	}
	switch sr.Sampler {
	case SamplerTPE, "", SamplerRandom:
	default:
		return nil, fmt.Errorf("training: unknown sampler %q%s; use %s or %s", sr.Sampler, didYouMean(sr.Sampler, []string{SamplerTPE, SamplerRandom}), SamplerTPE, SamplerRandom)
	}
	switch sr.Pruner {
	case PrunerNone, PrunerMedian:
	default:
		return nil, fmt.Errorf("training: unknown pruner %q%s; use %s or none", sr.Pruner, didYouMean(sr.Pruner, []string{PrunerMedian}), PrunerMedian)
	}
	var dims []dim
	seen := map[string]bool{}
	for _, d := range sr.Space {
		if seen[d.Name] {
			return nil, fmt.Errorf("training: %s is given twice in the search space", d.Name)
		}
		seen[d.Name] = true
		r, err := resolveDim(spec, d)
		if err != nil {
			return nil, err
		}
		dims = append(dims, r)
	}
	return dims, nil
}

func resolveDim(spec *hparams.Spec, d Dim) (dim, error) {
	p, ok := spec.Lookup(d.Name)
	if !ok {
		var names []string
		for _, q := range spec.Params() {
			names = append(names, q.Name)
		}
		return dim{}, fmt.Errorf("training: cannot search %q: no such hyperparameter%s", d.Name, didYouMean(d.Name, names))
	}
	r := dim{name: p.Name, kind: p.Kind, log: p.Log}
	switch p.Kind {
	case hparams.Bool:
		r.choices = []string{"false", "true"}
		return r, nil
	case hparams.String:
		if len(p.Choices) == 0 {
			return r, fmt.Errorf("training: cannot search %s: it declares no choices", p.Name)
		}
		r.choices = p.Choices
		if d.Choices != nil {
			for _, c := range d.Choices {
				if !slices.Contains(p.Choices, c) {
					return r, fmt.Errorf("training: %s=%s is not one of its choices %s", p.Name, c, strings.Join(p.Choices, ", "))
				}
			}
			r.choices = d.Choices
		}
		return r, nil
	case hparams.Float, hparams.Int:
	default:
		return r, fmt.Errorf("training: cannot search %s: a list is not a search dimension (search %s instead)", p.Name, ParamHiddenNodes)
	}
	if d.Choices != nil {
		return r, fmt.Errorf("training: %s is a number; give it a range low:high, not choices", p.Name)
	}
	if p.Min == nil || p.Max == nil {
		if d.Low == 0 && d.High == 0 {
			return r, fmt.Errorf("training: %s declares no range; give one, such as %s=low:high", p.Name, p.Name)
		}
	}
	r.low, r.high = d.Low, d.High
	if d.Low == 0 && d.High == 0 {
		r.low, r.high = *p.Min, *p.Max
	}
	switch {
	case !(r.low < r.high) || math.IsInf(r.low, 0) || math.IsInf(r.high, 0):
		return r, fmt.Errorf("training: the range of %s, %s:%s, needs low < high", p.Name, hparams.Format(r.low), hparams.Format(r.high))
	case r.log && r.low <= 0:
		return r, fmt.Errorf("training: %s is log-scaled, so its range must start above 0 (got %s)", p.Name, hparams.Format(r.low))
	case p.Min != nil && r.low < *p.Min:
		return r, fmt.Errorf("training: %s=%s is below its minimum %s", p.Name, hparams.Format(r.low), hparams.Format(*p.Min))
	case p.Max != nil && r.high > *p.Max:
		return r, fmt.Errorf("training: %s=%s is above its maximum %s", p.Name, hparams.Format(r.high), hparams.Format(*p.Max))
	case p.Kind == hparams.Int && (r.low != math.Trunc(r.low) || r.high != math.Trunc(r.high)):
		return r, fmt.Errorf("training: %s is an integer; give whole numbers for its range", p.Name)
	}
	return r, nil
}

// didYouMean is " (did you mean "x"?)" when word is a typo of a candidate.
func didYouMean(word string, candidates []string) string {
	if c := typo.Closest(word, candidates); c != "" {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}
