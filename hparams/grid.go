package hparams

import (
	"math"
	"slices"
	"strconv"
)

// MaxTrials bounds the number of Values that Grid and Random return.
const MaxTrials = 1 << 20

// GridSize returns how many Values Grid(base, axes) will return: the product
// of the axis lengths (math.MaxInt if it overflows). It does not validate.
func GridSize(axes map[string][]any) int {
	n := 1
	for _, vals := range axes {
		if len(vals) == 0 {
			return 0
		}
		if n > math.MaxInt/len(vals) {
			return math.MaxInt
		}
		n *= len(vals)
	}
	return n
}

// Grid returns base with every combination of the axes' values: one Values
// per element of the cartesian product. Axes are taken in sorted name order
// and the last name varies fastest, like nested loops, so the order is
// deterministic. A zero base means the defaults. Every axis value is
// validated (as With does) and all problems are reported at once; an empty
// axis or more than MaxTrials combinations is an error.
func (s *Spec) Grid(base Values, axes map[string][]any) ([]Values, error) {
	base, err := s.base(base)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(axes))
	for name := range axes {
		names = append(names, name)
	}
	slices.Sort(names)
	idx := make([]int, len(names))
	values := make([][]any, len(names))
	var errs []error
	for k, name := range names {
		i, ok := s.index[name]
		if !ok {
			errs = append(errs, s.unknown(name, "the grid"))
			continue
		}
		if len(axes[name]) == 0 {
			errs = append(errs, newError(name, "the grid axis %s has no values; give at least one", name))
			continue
		}
		idx[k] = i
		for _, v := range axes[name] {
			x, err := s.valueOf(i, v)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			values[k] = append(values[k], x)
		}
	}
	if err := asError(errs); err != nil {
		return nil, err
	}
	if n := GridSize(axes); n > MaxTrials {
		return nil, newError("", "the grid has %s combinations, more than %d; use fewer values per axis or Random", sizeText(n), MaxTrials)
	}
	out := []Values{base}
	for k := range names {
		next := make([]Values, 0, len(out)*len(values[k]))
		for _, v := range out {
			for _, x := range values[k] {
				vals := slices.Clone(v.vals)
				vals[idx[k]] = x
				next = append(next, Values{spec: s, vals: vals})
			}
		}
		out = next
	}
	return out, nil
}

// base checks that b belongs to s (or is zero, meaning the defaults).
func (s *Spec) base(b Values) (Values, error) {
	if b.spec == nil {
		return s.Defaults(), nil
	}
	if !s.Equal(b.spec) {
		return Values{}, newError("", "the base Values belong to another Spec (%v); start from this Spec's Defaults", b)
	}
	return Values{spec: s, vals: b.vals}, nil
}

func sizeText(n int) string {
	if n == math.MaxInt {
		return "too many"
	}
	return strconv.Itoa(n)
}
