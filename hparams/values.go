package hparams

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Values holds one value per hyperparameter of a Spec. It is immutable and
// always valid against its Spec: every way to make one (Spec.Defaults,
// Spec.Parse, Flags.Values, Spec.ParseJSON, With, Grid, Random) validates.
//
// The zero Values belongs to no Spec: it has no names, its getters return
// zero values and With fails. Values are safe for concurrent use.
type Values struct {
	spec *Spec
	vals []any // canonical values, indexed like spec.params
}

// Spec returns the Spec the values belong to (nil for the zero Values).
func (v Values) Spec() *Spec { return v.spec }

// param returns the declaration and value of name.
func (v Values) param(name string) (*Param, any, bool) {
	if v.spec == nil {
		return nil, nil, false
	}
	i, ok := v.spec.index[name]
	if !ok {
		return nil, nil, false
	}
	return &v.spec.params[i], v.vals[i], true
}

// Has reports whether the Spec declares name.
func (v Values) Has(name string) bool {
	_, _, ok := v.param(name)
	return ok
}

// Get returns the value of name (float64, int, bool, string or a copy of the
// []int), or nil if the Spec does not declare it.
func (v Values) Get(name string) any {
	_, x, _ := v.param(name)
	return cloneValue(x)
}

// With returns a copy with name set to value, after validation. The value may
// be any Go number for Float and Int (integral for Int), a bool, a string
// (parsed like a command-line value for non-string kinds) or a slice of
// whole numbers for Ints.
func (v Values) With(name string, value any) (Values, error) {
	if v.spec == nil {
		return Values{}, newError(name, "cannot set %s on the zero Values; start from a Spec's Defaults", name)
	}
	i, ok := v.spec.index[name]
	if !ok {
		return Values{}, v.spec.unknown(name, "")
	}
	x, err := v.spec.valueOf(i, value)
	if err != nil {
		return Values{}, err
	}
	vals := slices.Clone(v.vals)
	vals[i] = x
	return Values{spec: v.spec, vals: vals}, nil
}

// valueOf coerces and validates a Go value for the i-th hyperparameter.
func (s *Spec) valueOf(i int, value any) (any, error) {
	p := &s.params[i]
	x, reason := coerce(p, value)
	if reason != "" {
		return nil, p.wrongType("", describe(value), reason)
	}
	if reason := p.violation(x); reason != "" {
		return nil, newError(p.Name, "%s=%s %s", p.Name, describe(x), reason)
	}
	return x, nil
}

// Changed returns, in declaration order, the names whose value differs from
// the default.
func (v Values) Changed() []string {
	var out []string
	if v.spec == nil {
		return out
	}
	for i, p := range v.spec.params {
		if !equalValue(v.vals[i], p.Default) {
			out = append(out, p.Name)
		}
	}
	return out
}

// Map returns a new map from name to value ([]int values are copies).
func (v Values) Map() map[string]any {
	m := make(map[string]any, len(v.vals))
	if v.spec == nil {
		return m
	}
	for i, p := range v.spec.params {
		m[p.Name] = cloneValue(v.vals[i])
	}
	return m
}

// Equal reports whether both belong to Equal Specs and hold the same values.
func (v Values) Equal(o Values) bool {
	if !v.spec.Equal(o.spec) || len(v.vals) != len(o.vals) {
		return false
	}
	for i := range v.vals {
		if !equalValue(v.vals[i], o.vals[i]) {
			return false
		}
	}
	return true
}

// Format prints "name=value" pairs in declaration order for every verb, e.g.
// "learning_rate=0.01 epochs=10 hidden=64,32".
func (v Values) Format(f fmt.State, verb rune) { io.WriteString(f, v.pairs()) }

func (v Values) pairs() string {
	if v.spec == nil {
		return ""
	}
	return strings.Join(Pairs(v.Map(), v.spec.Names()), " ")
}
