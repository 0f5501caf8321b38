package hparams

// Builder declares hyperparameters without a struct, for quick cells:
//
//	spec, err := hparams.NewBuilder().
//		Float("learning_rate", 0.01, "step size", hparams.Range(1e-5, 10), hparams.Log()).
//		Int("epochs", 10, "passes over the data", hparams.Min(1)).
//		Float("temperature", 1, "my own knob, read by my code", hparams.Own()).
//		Spec()
//
// Own marks a name the user's code reads, so that training does not refuse
// it as an unknown (probably misspelt) hyperparameter.
//
// Problems are collected and reported together by Spec. A Builder and a
// tagged struct declaring the same things give Equal Specs.
type Builder struct {
	params []Param
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder { return &Builder{} }

func (b *Builder) add(name string, kind Kind, def any, help string, opts []Option) *Builder {
	p := Param{Name: name, Kind: kind, Default: def, Help: help}
	for _, o := range opts {
		if o != nil {
			o(&p)
		}
	}
	b.params = append(b.params, p)
	return b
}

// Float declares a float64 hyperparameter.
func (b *Builder) Float(name string, def float64, help string, opts ...Option) *Builder {
	return b.add(name, Float, def, help, opts)
}

// Int declares an int hyperparameter.
func (b *Builder) Int(name string, def int, help string, opts ...Option) *Builder {
	return b.add(name, Int, def, help, opts)
}

// Bool declares a bool hyperparameter.
func (b *Builder) Bool(name string, def bool, help string, opts ...Option) *Builder {
	return b.add(name, Bool, def, help, opts)
}

// String declares a string hyperparameter; use Choices to restrict it.
func (b *Builder) String(name string, def string, help string, opts ...Option) *Builder {
	return b.add(name, String, def, help, opts)
}

// Ints declares a []int hyperparameter, such as hidden layer sizes.
func (b *Builder) Ints(name string, def []int, help string, opts ...Option) *Builder {
	return b.add(name, Ints, cloneValue(def), help, opts)
}

// Spec validates the declarations and returns the Spec, or an Errors listing
// every problem.
func (b *Builder) Spec() (*Spec, error) { return newSpec(b.params, nil) }

// MustSpec is like Spec but panics on an error; for package-level variables.
func (b *Builder) MustSpec() *Spec {
	s, err := b.Spec()
	if err != nil {
		panic(err)
	}
	return s
}
