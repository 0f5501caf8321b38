package runstore

import (
	"bytes"
	"encoding/json"
)

// Filter selects runs for List; List keeps the runs that pass every filter.
// Any func(*Run) bool is a Filter.
type Filter func(*Run) bool

// Where keeps the runs whose hyperparameter name equals value. Values
// compare by their JSON form, so Where("epochs", 10) matches the 10.0
// that values.json reads back, and Where("layers", []int{64, 32}) matches
// a stored list.
func Where(name string, value any) Filter {
	want, err := json.Marshal(value)
	return func(r *Run) bool {
		got, ok := r.Values[name]
		if !ok || err != nil {
			return false
		}
		g, gerr := json.Marshal(got)
		return gerr == nil && bytes.Equal(g, want)
	}
}

// WithLabel keeps the runs whose label key is value.
func WithLabel(key, value string) Filter {
	return func(r *Run) bool {
		v, ok := r.Labels[key]
		return ok && v == value
	}
}

// IsComplete keeps the complete runs.
func IsComplete(r *Run) bool { return r.Complete }

func keep(r *Run, filters []Filter) bool {
	for _, f := range filters {
		if f != nil && !f(r) {
			return false
		}
	}
	return true
}
