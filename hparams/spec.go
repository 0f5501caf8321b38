package hparams

import (
	"reflect"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/typo"
)

// Spec is a validated, immutable list of hyperparameter declarations, made by
// SpecOf (struct tags) or a Builder. It is safe for concurrent use.
type Spec struct {
	params []Param
	index  map[string]int
}

// newSpec checks every declaration and reports all problems at once. where
// names each declaration's origin (a struct field) for messages; it may be nil.
func newSpec(params []Param, where []string) (*Spec, error) {
	s := &Spec{params: make([]Param, 0, len(params)), index: make(map[string]int, len(params))}
	var errs []error
	firstAt := map[string]string{}
	for i, p := range params {
		p = p.clone()
		at := ""
		if where != nil {
			at = where[i]
		}
		if es := p.check(at); len(es) > 0 {
			errs = append(errs, es...)
			continue
		}
		if _, dup := s.index[p.Name]; dup {
			both := ""
			if at != "" {
				both = " (" + firstAt[p.Name] + " and " + at + ")"
			}
			errs = append(errs, newError(p.Name, "%s is declared twice%s; keep one declaration", p.Name, both))
			continue
		}
		firstAt[p.Name] = at
		s.index[p.Name] = len(s.params)
		s.params = append(s.params, p)
	}
	if err := asError(errs); err != nil {
		return nil, err
	}
	return s, nil
}

// Params returns copies of the declarations, in declaration order.
func (s *Spec) Params() []Param {
	out := make([]Param, len(s.params))
	for i, p := range s.params {
		out[i] = p.clone()
	}
	return out
}

// Names returns the hyperparameter names in declaration order.
func (s *Spec) Names() []string {
	out := make([]string, len(s.params))
	for i, p := range s.params {
		out[i] = p.Name
	}
	return out
}

// Lookup returns a copy of the declaration of name.
func (s *Spec) Lookup(name string) (Param, bool) {
	i, ok := s.index[name]
	if !ok {
		return Param{}, false
	}
	return s.params[i].clone(), true
}

// Defaults returns the Values holding every default.
func (s *Spec) Defaults() Values {
	vals := make([]any, len(s.params))
	for i, p := range s.params {
		vals[i] = p.Default
	}
	return Values{spec: s, vals: vals}
}

// Equal reports whether two Specs declare the same hyperparameters in the
// same order with the same defaults and constraints.
func (s *Spec) Equal(o *Spec) bool {
	if s == o {
		return true
	}
	if s == nil || o == nil {
		return false
	}
	return reflect.DeepEqual(s.params, o.params)
}

// unknown is the error for a name the Spec does not declare.
func (s *Spec) unknown(name, origin string) error {
	if origin != "" {
		origin = " in " + origin
	}
	hint := typo.Hint(name, s.Names())
	if hint == "" {
		hint = "; known: " + strings.Join(s.Names(), ", ")
		if len(s.params) == 0 {
			hint = "; the Spec declares none"
		}
	}
	return newError(name, "unknown hyperparameter %s%s%s", quoted(name), origin, hint)
}
