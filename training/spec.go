package training

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/typo"
)

// Spec declares the standard hyperparameters: Config's fields, with
// DefaultConfig's values as defaults, and the choices of optimizer,
// activation, loss and lr_schedule from their registries (Choices).
var Spec = newSpec()

// newSpec builds Spec from Config's tags and the registries.
func newSpec() *hparams.Spec {
	b := hparams.NewBuilder()
	for _, p := range hparams.MustSpecOf(DefaultConfig()).Params() {
		p.Choices = choiceNames(p.Name)
		same := func(q *hparams.Param) { q.Min, q.Max, q.Log, q.Choices = p.Min, p.Max, p.Log, p.Choices }
		switch p.Kind {
		case hparams.Float:
			b.Float(p.Name, p.Default.(float64), p.Help, same)
		case hparams.Int:
			b.Int(p.Name, p.Default.(int), p.Help, same)
		case hparams.Bool:
			b.Bool(p.Name, p.Default.(bool), p.Help, same)
		case hparams.String:
			b.String(p.Name, p.Default.(string), p.Help, same)
		case hparams.Ints:
			b.Ints(p.Name, p.Default.([]int), p.Help, same)
		}
	}
	return b.MustSpec()
}

// dataParams are the hyperparameters that shape the data (datasets.Param*):
// training does not read them, but they are not unknown either.
var dataParams = []string{datasets.ParamSize, datasets.ParamNoise, datasets.ParamSeed, datasets.ParamValidation, datasets.ParamClasses}

// KnownNames lists every hyperparameter name training accepts in Values
// without an own marker: Spec's names, then the datasets.Param* names.
func KnownNames() []string {
	return append(Spec.Names(), dataParams...)
}

// checkNames refuses a name v's Spec declares that training does not know
// and the declaration does not mark as the user's own (hparams.Own, tag
// own:"true"): such a name is usually a misspelling that would otherwise
// train with the default in silence.
func checkNames(v hparams.Values) error {
	if v.Spec() == nil {
		return nil
	}
	known := KnownNames()
	for _, p := range v.Spec().Params() {
		if p.Own || slices.Contains(known, p.Name) {
			continue
		}
		msg := fmt.Sprintf("training: %q is not a hyperparameter training uses", p.Name) + typo.Hint(p.Name, known)
		return fmt.Errorf("%s (if your own code reads it, declare it with hparams.Own() or the tag own:\"true\"; docs/hyperparameters.md lists training's names)", msg)
	}
	return nil
}

// ConfigOf reads the hyperparameters this package knows from v, which may
// come from any Spec: a name v's Spec does not declare keeps Spec's
// default; a name training does not know is refused unless declared as the
// user's own (hparams.Own). A value of another kind is converted when that
// loses nothing (an Int epochs from a Float 20.0); otherwise ConfigOf says
// what to change. NewPlan calls it once per run.
func ConfigOf(v hparams.Values) (Config, error) {
	if err := checkNames(v); err != nil {
		return Config{}, err
	}
	c := DefaultConfig()
	rv := reflect.ValueOf(&c).Elem()
	rt := rv.Type()
	for i := range rt.NumField() {
		name := strings.Split(rt.Field(i).Tag.Get("hp"), ",")[0]
		if name == "" || !v.Has(name) {
			continue
		}
		if err := setField(rv.Field(i), name, v.Get(name)); err != nil {
			return Config{}, err
		}
	}
	return c, nil
}

// setField stores x (a Values value: float64, int, bool, string or []int)
// in f.
func setField(f reflect.Value, name string, x any) error {
	bad := func(want string) error {
		return fmt.Errorf("training: %s=%v is %T but training needs %s; declare %s as %s in the Spec", name, x, x, want, name, want)
	}
	switch f.Kind() {
	case reflect.Float64:
		switch x := x.(type) {
		case float64:
			f.SetFloat(x)
		case int:
			f.SetFloat(float64(x))
		default:
			return bad("a number")
		}
	case reflect.Int:
		switch x := x.(type) {
		case int:
			f.SetInt(int64(x))
		case float64:
			if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
				return fmt.Errorf("training: %s=%v must be a whole number", name, x)
			}
			f.SetInt(int64(x))
		default:
			return bad("a whole number")
		}
	case reflect.Bool:
		b, ok := x.(bool)
		if !ok {
			return bad("true or false")
		}
		f.SetBool(b)
	case reflect.String:
		s, ok := x.(string)
		if !ok {
			return bad("a string")
		}
		f.SetString(s)
	case reflect.Slice:
		switch x := x.(type) {
		case []int:
			f.Set(reflect.ValueOf(append([]int(nil), x...)))
		case int:
			f.Set(reflect.ValueOf([]int{x}))
		default:
			return bad("a list of whole numbers")
		}
	}
	return nil
}
