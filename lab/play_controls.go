package lab

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// The kinds of control a hyperparameter gets in a Playground.
const (
	sliderControl   = "slider"   // numbers: one position per value of a grid
	selectControl   = "select"   // choices
	checkboxControl = "checkbox" // bools: position 0 is false, 1 is true
)

// control is one hyperparameter's control: the values its positions stand
// for, plain data that the page and the cell arguments are made from.
type control struct {
	Name   string
	Kind   string
	Help   string
	Values []any    // the value at each position, typed as the declaration says
	Labels []string // hparams.Format of each value, shown beside the control
}

// pos returns the position of value v, or -1.
func (c control) pos(v any) int {
	for i, x := range c.Values {
		if hparams.Format(x) == hparams.Format(v) {
			return i
		}
	}
	return -1
}

// controlsFor builds the controls of the hyperparameters of v: the names
// given (all that can have one when none are), with the ranges given
// overriding the declaration's. Every control holds the current value of v
// among its positions. A name that cannot have a control is an error that
// says what to change.
func controlsFor(v hparams.Values, names []string, ranges map[string][2]float64) ([]control, error) {
	spec := v.Spec()
	explicit := len(names) > 0
	if !explicit {
		for _, p := range spec.Params() {
			if _, ok := ranges[p.Name]; ok || controllable(p) {
				names = append(names, p.Name)
			}
		}
	}
	for name := range ranges {
		if explicit && !slices.Contains(names, name) {
			return nil, fmt.Errorf("lab: Range(%q) names a hyperparameter that Only leaves out; add it to Only", name)
		}
	}
	var out []control
	for _, name := range names {
		p, ok := spec.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("lab: the playground has no hyperparameter %q; the declaration has %s", name, strings.Join(spec.Names(), ", "))
		}
		c, err := controlOf(p, v.Get(name), ranges)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// controllable reports whether p gets a control by default: a bool, a
// string with choices, or a number with both bounds declared.
func controllable(p hparams.Param) bool {
	switch p.Kind {
	case hparams.Bool:
		return true
	case hparams.String:
		return len(p.Choices) > 0
	case hparams.Float, hparams.Int:
		return p.Min != nil && p.Max != nil
	}
	return false
}

func controlOf(p hparams.Param, current any, ranges map[string][2]float64) (control, error) {
	c := control{Name: p.Name, Help: p.Help}
	switch p.Kind {
	case hparams.Bool:
		c.Kind, c.Values = checkboxControl, []any{false, true}
	case hparams.String:
		if len(p.Choices) == 0 {
			return c, fmt.Errorf("lab: %s takes any string, so the playground has nothing to choose from; declare choices:\"a,b\"", p.Name)
		}
		c.Kind = selectControl
		for _, s := range p.Choices {
			c.Values = append(c.Values, s)
		}
	case hparams.Float, hparams.Int:
		lo, hi, err := bounds(p, ranges)
		if err != nil {
			return c, err
		}
		c.Kind = sliderControl
		c.Values = grid(lo, hi, p.Log || (p.Kind == hparams.Int && hi-lo > 100), p.Kind == hparams.Int)
	default:
		return c, fmt.Errorf("lab: %s is a list of numbers, which the playground cannot vary; leave it out of Only", p.Name)
	}
	if c.pos(current) < 0 { // the current value keeps its place among the positions
		c.Values = append(c.Values, current)
		slices.SortFunc(c.Values, func(a, b any) int {
			x, _ := hparams.Number(a)
			y, _ := hparams.Number(b)
			return int(math.Copysign(1, x-y))
		})
	}
	for _, x := range c.Values {
		c.Labels = append(c.Labels, hparams.Format(x))
	}
	return c, nil
}

// bounds returns the range of a number's slider: the Range option's, else
// the declaration's.
func bounds(p hparams.Param, ranges map[string][2]float64) (lo, hi float64, err error) {
	if r, ok := ranges[p.Name]; ok {
		lo, hi = r[0], r[1]
		if !(lo < hi) || (p.Min != nil && lo < *p.Min) || (p.Max != nil && hi > *p.Max) {
			return 0, 0, fmt.Errorf("lab: Range(%q, %s, %s) must be increasing and within the declared %s", p.Name,
				hparams.Format(lo), hparams.Format(hi), p.Allowed())
		}
		if p.Log && lo <= 0 {
			return 0, 0, fmt.Errorf("lab: Range(%q, %s, %s) starts at or below 0 on a log scale; start above 0", p.Name, hparams.Format(lo), hparams.Format(hi))
		}
		return lo, hi, nil
	}
	if p.Min == nil || p.Max == nil {
		return 0, 0, fmt.Errorf("lab: %s has no declared minimum and maximum, so its slider has no ends; give them with lab.Range(%q, min, max)", p.Name, p.Name)
	}
	return *p.Min, *p.Max, nil
}

// grid returns the values of a slider from lo to hi: on a log scale the
// 1-2-5 values of each decade (0.001, 0.002, 0.005, 0.01, ...), which read
// well in cell arguments; on a linear scale every whole number (ints) or 20
// even steps (floats). The ends are always included.
func grid(lo, hi float64, log, ints bool) []any {
	var xs []float64
	switch {
	case log && lo > 0:
		for d := math.Pow(10, math.Floor(math.Log10(lo))); d <= hi; d *= 10 {
			for _, m := range []float64{1, 2, 5} {
				if x := hparams.Significant(m*d, 10); x > lo && x < hi {
					xs = append(xs, x)
				}
			}
		}
		xs = append(append([]float64{lo}, xs...), hi)
	case log: // a log scale from 0 (hidden layers, say): 0, then the 1-2-5 values from 1
		xs = append(xs, lo)
		for _, x := range grid(1, hi, true, false) {
			xs = append(xs, x.(float64))
		}
	case ints:
		for x := math.Ceil(lo); x <= hi; x++ {
			xs = append(xs, x)
		}
	default:
		for i := 0; i <= 20; i++ {
			xs = append(xs, hparams.Significant(lo+(hi-lo)*float64(i)/20, 10))
		}
	}
	var out []any
	for _, x := range xs {
		if ints {
			n := int(math.Round(x))
			if len(out) == 0 || out[len(out)-1].(int) != n {
				out = append(out, n)
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// cellArgs returns the cell arguments that reproduce v from the
// declaration's defaults: "%% --learning_rate=0.3 --fnn_num_hidden_nodes=8",
// or "%%" when v holds the defaults.
func cellArgs(v hparams.Values) string {
	s := "%%"
	for _, pair := range hparams.Pairs(v.Map(), v.Changed()) {
		s += " --" + pair
	}
	return s
}
