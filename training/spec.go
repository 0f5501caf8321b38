package training

import (
	"fmt"
	"math"
	"reflect"
	"strings"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// Spec declares the standard hyperparameters: Config's fields, with
// DefaultConfig's values as defaults.
var Spec = hparams.MustSpecOf(DefaultConfig())

// ConfigOf reads the hyperparameters this package knows from v, which may
// come from any Spec: a name v's Spec does not declare keeps Spec's
// default. A value of another kind is converted when that loses nothing (an
// Int epochs from a Float 20.0); otherwise ConfigOf says what to change.
func ConfigOf(v hparams.Values) (Config, error) {
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
