package hparams

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Random returns n Values: base with the named hyperparameters sampled
// independently, seeded so the same call gives the same result. With no
// names, it samples every Float and Int with both a minimum and a maximum and
// every String with choices. Sampling:
//
//   - Float: uniform in [min, max], log-uniform on a log scale;
//   - Int: every integer in [min, max] equally likely, or log-uniformly;
//   - String: one of the choices, uniformly; Bool: true or false.
//
// A named hyperparameter without both bounds (or choices), or of kind Ints,
// is an error. A zero base means the defaults.
func (s *Spec) Random(base Values, n int, seed int64, names ...string) ([]Values, error) {
	base, err := s.base(base)
	if err != nil {
		return nil, err
	}
	if n < 0 || n > MaxTrials {
		return nil, newError("", "Random needs a number of samples between 0 and %d, not %d", MaxTrials, n)
	}
	var idx []int
	var errs []error
	if len(names) == 0 {
		for i, p := range s.params {
			if p.Kind != Bool && sampleable(&p) == "" {
				idx = append(idx, i)
			}
		}
	}
	for _, name := range names {
		i, ok := s.index[name]
		if !ok {
			errs = append(errs, s.unknown(name, "Random's names"))
			continue
		}
		if why := sampleable(&s.params[i]); why != "" {
			errs = append(errs, newError(name, "%s cannot be sampled: %s", name, why))
			continue
		}
		if !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	if err := asError(errs); err != nil {
		return nil, err
	}
	// PCG's output is specified, and uniform() below uses only Uint64, so the
	// samples do not change with Go releases.
	rng := rand.New(rand.NewPCG(uint64(seed), 0x68706172616d73)) // "hparams"
	out := make([]Values, n)
	for t := range out {
		vals := slices.Clone(base.vals)
		for _, i := range idx {
			vals[i] = sample(&s.params[i], rng)
		}
		out[t] = Values{spec: s, vals: vals}
	}
	return out, nil
}

// sampleable returns why p cannot be sampled, or "".
func sampleable(p *Param) string {
	switch p.Kind {
	case Bool:
		return ""
	case String:
		if len(p.Choices) == 0 {
			return "it is a string without choices; declare choices"
		}
		return ""
	case Ints:
		return "it is a list; use Grid with the lists to try"
	}
	if p.Min == nil || p.Max == nil {
		return "it needs both a minimum and a maximum"
	}
	if p.Kind == Int && math.Ceil(*p.Min) > math.Floor(*p.Max) {
		return "no whole number lies between its minimum and maximum"
	}
	return ""
}

// uniform returns a float64 in [0, 1) from the top 53 bits of one Uint64.
func uniform(rng *rand.Rand) float64 { return float64(rng.Uint64()>>11) * 0x1p-53 }

func sample(p *Param, rng *rand.Rand) any {
	switch p.Kind {
	case Bool:
		return rng.Uint64()>>63 == 1
	case String:
		return p.Choices[int(uniform(rng)*float64(len(p.Choices)))]
	}
	lo, hi := *p.Min, *p.Max
	a, b := lo, hi
	if p.Kind == Int {
		// Stay where float64 holds every integer exactly and int cannot
		// overflow, and widen by half a step so rounding gives every integer
		// in [lo, hi] the same share.
		lo, hi = math.Max(math.Ceil(lo), -0x1p53), math.Min(math.Floor(hi), 0x1p53)
		a, b = lo-0.5, hi+0.5
	}
	u := uniform(rng)
	var x float64
	if p.Log {
		x = math.Exp(math.Log(a) + u*(math.Log(b)-math.Log(a)))
	} else {
		x = a*(1-u) + b*u // b-a could overflow
	}
	if p.Kind == Int {
		x = math.Round(x)
	}
	x = math.Min(math.Max(x, lo), hi) // rounding may step outside
	if p.Kind == Int {
		return int(x)
	}
	return x
}
