package hparams

import (
	"slices"
)

// Differing returns, sorted, the names of the hyperparameters whose values
// are not the same in every one of values, compared as Format writes them
// (so 32 and the 32.0 read back from JSON agree). A name that one map lacks
// differs. It names runs in a chart legend, a results table or a progress
// line by what sets them apart; Values.Map gives the maps.
func Differing(values ...map[string]any) []string {
	type cell struct {
		present bool
		text    string
	}
	at := func(m map[string]any, name string) cell {
		v, ok := m[name]
		return cell{ok, Format(v)}
	}
	names := map[string]bool{}
	for _, m := range values {
		for name := range m {
			names[name] = true
		}
	}
	var out []string
	for name := range names {
		first := at(values[0], name)
		for _, m := range values[1:] {
			if at(m, name) != first {
				out = append(out, name)
				break
			}
		}
	}
	slices.Sort(out)
	return out
}
