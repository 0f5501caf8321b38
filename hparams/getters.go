package hparams

import "slices"

// Typed getters. A getter given a name the Spec does not declare, or one of
// another kind, returns the zero value; its ...OK form also reports false.
// Code that reads standard names from Values of any Spec (as training.Run
// does) uses the OK forms or Has to fall back to its own defaults. Float
// also reads Int hyperparameters, converted.

// FloatOK returns the value of a Float (or Int) hyperparameter.
func (v Values) FloatOK(name string) (float64, bool) {
	// Values hold an int or a float64 for a number; Number converts both.
	_, x, _ := v.param(name)
	return Number(x)
}

// IntOK returns the value of an Int hyperparameter.
func (v Values) IntOK(name string) (int, bool) {
	_, x, _ := v.param(name)
	n, ok := x.(int)
	return n, ok
}

// BoolOK returns the value of a Bool hyperparameter.
func (v Values) BoolOK(name string) (bool, bool) {
	_, x, _ := v.param(name)
	b, ok := x.(bool)
	return b, ok
}

// StringOK returns the value of a String hyperparameter.
func (v Values) StringOK(name string) (string, bool) {
	_, x, _ := v.param(name)
	s, ok := x.(string)
	return s, ok
}

// IntsOK returns a copy of the value of an Ints hyperparameter.
func (v Values) IntsOK(name string) ([]int, bool) {
	_, x, _ := v.param(name)
	s, ok := x.([]int)
	return slices.Clone(s), ok
}

// Float returns the value of a Float (or Int) hyperparameter, or 0.
func (v Values) Float(name string) float64 { x, _ := v.FloatOK(name); return x }

// Int returns the value of an Int hyperparameter, or 0.
func (v Values) Int(name string) int { x, _ := v.IntOK(name); return x }

// Bool returns the value of a Bool hyperparameter, or false.
func (v Values) Bool(name string) bool { x, _ := v.BoolOK(name); return x }

// String returns the value of a String hyperparameter, or "". (So Values is
// not a fmt.Stringer; it implements fmt.Formatter instead.)
func (v Values) String(name string) string { x, _ := v.StringOK(name); return x }

// Ints returns a copy of the value of an Ints hyperparameter, or nil.
func (v Values) Ints(name string) []int { x, _ := v.IntsOK(name); return x }
