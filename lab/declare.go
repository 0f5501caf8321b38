package lab

import (
	"errors"
	"flag"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// Hyperparameters is a declared set of hyperparameters bound to a FlagSet:
// a notebook's cell arguments (or a program's command line) override their
// defaults.
type Hyperparameters struct {
	spec  *hparams.Spec
	flags *hparams.Flags
}

// Declare declares hyperparameters for a notebook and defines their flags on
// flag.CommandLine, where GoNB passes a "%%" cell's arguments. Call it in a
// package-level var of a declaration cell:
//
//	var hp = lab.Declare(Config{})
//
// decl is a struct with hparams tags (or a pointer to one), an
// *hparams.Builder, or an *hparams.Spec. A declaration mistake (a default
// outside its own range, a duplicate name, ...) ends the program with one
// sentence per problem, as Check does.
func Declare(decl any) *Hyperparameters {
	return DeclareOn(flag.CommandLine, decl)
}

// DeclareOn is Declare for a FlagSet of the caller's (nil means flag.CommandLine).
func DeclareOn(fs *flag.FlagSet, decl any) *Hyperparameters {
	spec, err := specOf(decl)
	Check(err)
	if fs == nil {
		fs = flag.CommandLine
	}
	h := &Hyperparameters{spec: spec, flags: spec.Flags(fs)}
	explainFlagErrors(fs, spec)
	return h
}

// specOf accepts the three forms of a declaration.
func specOf(decl any) (*hparams.Spec, error) {
	switch d := decl.(type) {
	case *hparams.Spec:
		if d == nil {
			return nil, errors.New("lab: Declare got a nil *hparams.Spec")
		}
		return d, nil
	case *hparams.Builder:
		if d == nil {
			return nil, errors.New("lab: Declare got a nil *hparams.Builder")
		}
		return d.Spec()
	case nil:
		return nil, errors.New("lab: Declare needs a tagged struct (like Config{}), an *hparams.Builder or an *hparams.Spec, not nil")
	}
	spec, err := hparams.SpecOf(decl)
	if err != nil {
		return nil, err
	}
	return spec, nil
}

// Spec returns the declaration.
func (h *Hyperparameters) Spec() *hparams.Spec { return h.spec }

// Values returns the defaults overridden by the cell's arguments (or the
// parsed command line). On a mistake (an unknown name, a bad value) it ends
// the program with one sentence per problem, as Check does.
func (h *Hyperparameters) Values() hparams.Values {
	v, err := h.flags.Values()
	Check(err)
	return v
}

// Decode fills cfgPtr, a pointer to a tagged struct such as the one given to
// Declare, with Values.
func (h *Hyperparameters) Decode(cfgPtr any) {
	Check(h.Values().Decode(cfgPtr))
}

// Show displays the table of Values (name, value, default, allowed, help;
// changed values highlighted) under the cell, and returns the Values.
func (h *Hyperparameters) Show() hparams.Values {
	v := h.Values()
	t := v.Table()
	t.Header = i18n.Ts(hparams.DefaultHeader...)
	Display(t.HTML(), t.Text())
	return v
}
