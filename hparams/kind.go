package hparams

import "strconv"

// Kind is the Go type of a hyperparameter's value.
type Kind int

// The kinds of hyperparameters. The zero Kind is invalid.
const (
	Float  Kind = iota + 1 // float64
	Int                    // int (an int64 struct field is accepted too)
	Bool                   // bool
	String                 // string, optionally restricted to Choices
	Ints                   // []int, e.g. the sizes of hidden layers
)

var kindNames = [...]string{"invalid", "float", "int", "bool", "string", "ints"}

// String returns the kind's name: "float", "int", "bool", "string" or "ints".
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "Kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

func (k Kind) valid() bool { return k >= Float && k <= Ints }

// ranged reports whether min, max and log scale apply to the kind.
func (k Kind) ranged() bool { return k == Float || k == Int || k == Ints }

// withArticle returns "a float", "an int", ...
func (k Kind) withArticle() string {
	if k == Int || k == Ints || k == 0 {
		return "an " + k.String()
	}
	return "a " + k.String()
}
