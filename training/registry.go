package training

import (
	"fmt"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/typo"
)

// Choice is one value a choice hyperparameter (optimizer, activation, loss,
// lr_schedule) accepts, with one line of help.
type Choice struct {
	Name string
	Help string
}

// entry is one Choice of a registry and what it builds.
type entry[T any] struct {
	Choice
	New T
}

// registry is the one list of the values a choice hyperparameter accepts:
// the Spec's choices, Validate, the builders and docs/hyperparameters.md
// all read it. Adding an entry is all it takes to add an optimizer, an
// activation, a loss or a schedule.
type registry[T any] struct {
	param   string // the hyperparameter, such as ParamOptimizer
	entries []entry[T]
}

// names lists the registered names in order.
func (r *registry[T]) names() []string {
	out := make([]string, len(r.entries))
	for i, e := range r.entries {
		out[i] = e.Name
	}
	return out
}

// choices lists the registered names with their help.
func (r *registry[T]) choices() []Choice {
	out := make([]Choice, len(r.entries))
	for i, e := range r.entries {
		out[i] = e.Choice
	}
	return out
}

// lookup returns what name builds, or an error that names the
// hyperparameter, suggests the closest registered name and lists them all.
func (r *registry[T]) lookup(name string) (T, error) {
	for _, e := range r.entries {
		if e.Name == name {
			return e.New, nil
		}
	}
	var zero T
	names := r.names()
	if best := typo.Closest(name, names); best != "" {
		return zero, fmt.Errorf("training: %s=%q is unknown; did you mean %q? (choices: %s)", r.param, name, best, strings.Join(names, ", "))
	}
	return zero, fmt.Errorf("training: %s=%q is unknown; use one of %s", r.param, name, strings.Join(names, ", "))
}

// check is lookup for validation.
func (r *registry[T]) check(name string) error {
	_, err := r.lookup(name)
	return err
}

// Choices returns the values the choice hyperparameter param accepts
// (ParamOptimizer, ParamActivation, ParamLoss or ParamLRSchedule), each
// with its help, in the order of the registry; nil for any other name.
func Choices(param string) []Choice {
	switch param {
	case ParamOptimizer:
		return optimizerRegistry.choices()
	case ParamActivation:
		return activationRegistry.choices()
	case ParamLoss:
		return lossRegistry.choices()
	case ParamLRSchedule:
		return scheduleRegistry.choices()
	}
	return nil
}

// choiceNames is Choices without the help.
func choiceNames(param string) []string {
	var out []string
	for _, c := range Choices(param) {
		out = append(out, c.Name)
	}
	return out
}
