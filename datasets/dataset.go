package datasets

import (
	"fmt"
	"strconv"
)

// Task says what a Dataset's rows are to be mapped to.
type Task int

// The two tasks.
const (
	Classification Task = iota // Labels and NumClasses are set
	Regression                 // Targets is set
)

func (t Task) String() string {
	switch t {
	case Classification:
		return "classification"
	case Regression:
		return "regression"
	}
	return "Task(" + strconv.Itoa(int(t)) + ")"
}

// Dataset is a table of examples as plain data.
//
// X holds the features row-major: row i is X[i*NumFeatures:(i+1)*NumFeatures].
// A classification set has one label per row in Labels, each in
// [0, NumClasses), and ClassNames[k] names class k. A regression set has one
// target per row in Targets.
type Dataset struct {
	Name        string
	Task        Task
	X           []float32
	NumFeatures int

	Labels     []int32
	NumClasses int
	ClassNames []string

	Targets []float32
}

// Len is the number of rows (examples).
func (d *Dataset) Len() int {
	if d == nil || d.NumFeatures <= 0 {
		return 0
	}
	return len(d.X) / d.NumFeatures
}

// Row returns the features of row i (a view into X, not a copy).
func (d *Dataset) Row(i int) []float32 {
	return d.X[i*d.NumFeatures : (i+1)*d.NumFeatures]
}

// Validate checks that the fields agree with one another: the length of X,
// the labels or targets per row, the label range. Generators and readers of
// this package always return valid datasets; Validate is for datasets built
// by hand.
func (d *Dataset) Validate() error {
	if d == nil {
		return fmt.Errorf("datasets: dataset is nil")
	}
	if d.NumFeatures <= 0 {
		return fmt.Errorf("datasets: %s: NumFeatures=%d, want at least 1", d.Name, d.NumFeatures)
	}
	if len(d.X)%d.NumFeatures != 0 {
		return fmt.Errorf("datasets: %s: len(X)=%d is not a multiple of NumFeatures=%d", d.Name, len(d.X), d.NumFeatures)
	}
	n := d.Len()
	switch d.Task {
	case Classification:
		if len(d.Labels) != n {
			return fmt.Errorf("datasets: %s: %d labels for %d rows", d.Name, len(d.Labels), n)
		}
		if d.NumClasses < 1 {
			return fmt.Errorf("datasets: %s: NumClasses=%d, want at least 1", d.Name, d.NumClasses)
		}
		if len(d.ClassNames) != 0 && len(d.ClassNames) != d.NumClasses {
			return fmt.Errorf("datasets: %s: %d class names for %d classes", d.Name, len(d.ClassNames), d.NumClasses)
		}
		for i, l := range d.Labels {
			if l < 0 || int(l) >= d.NumClasses {
				return fmt.Errorf("datasets: %s: row %d has label %d, outside [0, %d)", d.Name, i, l, d.NumClasses)
			}
		}
	case Regression:
		if len(d.Targets) != n {
			return fmt.Errorf("datasets: %s: %d targets for %d rows", d.Name, len(d.Targets), n)
		}
	default:
		return fmt.Errorf("datasets: %s: unknown task %v", d.Name, d.Task)
	}
	return nil
}

// subset copies the rows idx (in that order) into a new Dataset.
func (d *Dataset) subset(idx []int) *Dataset {
	f := d.NumFeatures
	out := &Dataset{Name: d.Name, Task: d.Task, NumFeatures: f, NumClasses: d.NumClasses,
		ClassNames: append([]string(nil), d.ClassNames...), X: make([]float32, 0, len(idx)*f)}
	if d.Task == Classification {
		out.Labels = make([]int32, 0, len(idx))
	} else {
		out.Targets = make([]float32, 0, len(idx))
	}
	for _, i := range idx {
		out.X = append(out.X, d.X[i*f:(i+1)*f]...)
		if d.Task == Classification {
			out.Labels = append(out.Labels, d.Labels[i])
		} else {
			out.Targets = append(out.Targets, d.Targets[i])
		}
	}
	return out
}

// classNames returns "0", "1", ... "k-1".
func classNames(k int) []string {
	names := make([]string, k)
	for i := range names {
		names[i] = strconv.Itoa(i)
	}
	return names
}
