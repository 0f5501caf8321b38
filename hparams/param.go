package hparams

import (
	"math"
	"slices"
	"strings"
)

// Param declares one hyperparameter.
type Param struct {
	Name    string
	Kind    Kind
	Default any // float64, int, bool, string or []int, matching Kind
	Help    string

	Min, Max *float64 // inclusive bounds; nil when absent; for Float, Int and Ints (each element)
	Log      bool     // log scale: Random samples log-uniformly, charts use a log axis
	Choices  []string // allowed values of a String; nil when any string goes

	// Own marks a hyperparameter as the user's own, read by their code
	// and not by the package that trains: training refuses a name it does
	// not know unless it is Own (it is probably a misspelling, such as
	// batch for batch_size). Set with the Own option or the tag own:"true".
	Own bool
}

// clone returns a deep copy, so callers cannot change a Spec through it.
func (p Param) clone() Param {
	if p.Min != nil {
		m := *p.Min
		p.Min = &m
	}
	if p.Max != nil {
		m := *p.Max
		p.Max = &m
	}
	p.Choices = slices.Clone(p.Choices)
	p.Default = cloneValue(p.Default)
	return p
}

// Allowed describes in words what values p accepts, as shown in tables
// and error messages: "1e-05..10 (log)", ">= 1", "sgd | adam", "true | false".
func (p Param) Allowed() string {
	var s string
	switch {
	case p.Kind == Bool:
		return "true | false"
	case p.Kind == String && len(p.Choices) > 0:
		return strings.Join(p.Choices, " | ")
	case p.Min != nil && p.Max != nil:
		s = Format(*p.Min) + ".." + Format(*p.Max)
	case p.Min != nil:
		s = ">= " + Format(*p.Min)
	case p.Max != nil:
		s = "<= " + Format(*p.Max)
	}
	if p.Kind == Ints && s != "" {
		s = "each " + s
	}
	if p.Log {
		if s != "" {
			s += " "
		}
		s += "(log)"
	}
	if s == "" {
		return "any"
	}
	return s
}

// takes says what p takes, for the second half of an error sentence.
func (p Param) takes() string {
	var what string
	switch p.Kind {
	case Float:
		what = "a number"
	case Int:
		what = "a whole number"
	case Bool:
		return p.Name + " takes true or false"
	case String:
		if len(p.Choices) > 0 {
			return p.Name + " takes one of " + p.Allowed()
		}
		return p.Name + " takes any text"
	case Ints:
		what = "a comma-separated list of whole numbers such as 64,32"
	}
	if a := p.Allowed(); a != "any" {
		what += " (" + a + ")"
	}
	return p.Name + " takes " + what
}

// wrongType is the error for a value of the wrong type: "epochs="ten" is
// not a whole number; epochs takes a whole number (1..1000)".
func (p Param) wrongType(prefix, shown, reason string) error {
	if p.Kind == Bool { // "is not true or false" already says it all
		return newError(p.Name, "%s%s=%s %s", prefix, p.Name, shown, reason)
	}
	return newError(p.Name, "%s%s=%s %s; %s", prefix, p.Name, shown, reason, p.takes())
}

// reserved names are the extra flags that Spec.Flags defines.
var reserved = []string{"set", "config"}

// validName: a letter, then letters, digits, '_', '-' or '.'; usable as a
// flag name, a JSON key and a GoMLX parameter name.
func validName(name string) bool {
	if name == "" || len(name) > 128 {
		return false
	}
	for i, r := range name {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if letter || i > 0 && (r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
			continue
		}
		return false
	}
	return true
}

// check validates a declaration and normalizes its default. where says
// where it was declared (a struct field), for messages; it may be "".
func (p *Param) check(where string) []error {
	at := ""
	if where != "" {
		at = " (" + where + ")"
	}
	if !validName(p.Name) {
		return []error{newError(p.Name, "%q%s is not a valid hyperparameter name; use letters, digits and '_', starting with a letter", shorten(p.Name), at)}
	}
	if slices.Contains(reserved, p.Name) {
		return []error{newError(p.Name, "%q%s is reserved for the --%s flag; pick another name", p.Name, at, p.Name)}
	}
	if !p.Kind.valid() {
		return []error{newError(p.Name, "%s%s has an invalid kind %v; use Float, Int, Bool, String or Ints", p.Name, at, p.Kind)}
	}
	var errs []error
	if !p.Kind.ranged() && (p.Min != nil || p.Max != nil || p.Log) {
		errs = append(errs, newError(p.Name, "%s%s is %s, so min, max and log scale do not apply; remove them", p.Name, at, p.Kind.withArticle()))
	}
	for _, b := range []*float64{p.Min, p.Max} {
		if b != nil && (math.IsNaN(*b) || math.IsInf(*b, 0)) {
			errs = append(errs, newError(p.Name, "%s%s has a bound %v; bounds must be finite numbers", p.Name, at, *b))
		}
	}
	if p.Min != nil && p.Max != nil && *p.Min > *p.Max {
		errs = append(errs, newError(p.Name, "%s%s has minimum %s above its maximum %s; swap them", p.Name, at, Format(*p.Min), Format(*p.Max)))
	}
	if p.Log && p.Min != nil && *p.Min <= 0 {
		errs = append(errs, newError(p.Name, "%s%s is on a log scale, so its minimum must be above 0, not %s", p.Name, at, Format(*p.Min)))
	}
	errs = append(errs, p.checkChoices(at)...)
	if len(errs) > 0 {
		return errs
	}
	if p.Kind == Ints && p.Default == nil {
		p.Default = []int{}
	}
	v, reason := coerce(p, p.Default)
	if reason != "" {
		return []error{p.wrongType("the default ", describe(p.Default)+at, reason)}
	}
	if reason := p.violation(v); reason != "" {
		return []error{newError(p.Name, "the default %s=%s%s %s", p.Name, describe(v), at, reason)}
	}
	p.Default = v
	return nil
}

func (p *Param) checkChoices(at string) []error {
	if len(p.Choices) == 0 {
		p.Choices = nil // nil and empty mean the same; keep Specs comparable
		return nil
	}
	if p.Kind != String {
		return []error{newError(p.Name, "%s%s is %s; choices apply to strings only", p.Name, at, p.Kind.withArticle())}
	}
	p.Choices = slices.Clone(p.Choices)
	for i, c := range p.Choices {
		if c == "" {
			return []error{newError(p.Name, "%s%s has an empty choice; remove it", p.Name, at)}
		}
		if slices.Contains(p.Choices[:i], c) {
			return []error{newError(p.Name, "%s%s lists the choice %q twice", p.Name, at, c)}
		}
	}
	return nil
}

// Option refines a declaration made with a Builder.
type Option func(*Param)

// Min sets the inclusive minimum of a Float, an Int or every element of Ints.
func Min(x float64) Option { return func(p *Param) { p.Min = &x } }

// Max sets the inclusive maximum of a Float, an Int or every element of Ints.
func Max(x float64) Option { return func(p *Param) { p.Max = &x } }

// Range sets both inclusive bounds.
func Range(min, max float64) Option {
	return func(p *Param) { p.Min, p.Max = &min, &max }
}

// Log puts the hyperparameter on a log scale (its minimum must be above 0).
func Log() Option { return func(p *Param) { p.Log = true } }

// Own marks the hyperparameter as the user's own (see Param.Own): the
// training package does not refuse it as an unknown name.
func Own() Option { return func(p *Param) { p.Own = true } }

// Choices restricts a String to the listed values.
func Choices(choices ...string) Option {
	return func(p *Param) { p.Choices = slices.Clone(choices) }
}
