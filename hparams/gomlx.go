package hparams

import "strings"

// GoMLXParams returns a new map ready for GoMLX's context.Context.SetParams.
// Floats are float64, bools bool, strings string and Ints []int. Ints are
// int, which GoMLX reads for most integer parameters, except
// "initializers_seed" and every name ending in "_seed", which are int64 as
// GoMLX requires for seeds. This package does not import GoMLX: the call
// itself lives in training.
func (v Values) GoMLXParams() map[string]any {
	m := v.Map()
	for name, x := range m {
		if n, ok := x.(int); ok && isSeedName(name) {
			m[name] = int64(n)
		}
	}
	return m
}

func isSeedName(name string) bool {
	return name == "initializers_seed" || strings.HasSuffix(name, "_seed")
}
