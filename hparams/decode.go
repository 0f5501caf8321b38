package hparams

import (
	"reflect"
	"slices"
)

// Decode fills the fields of a tagged struct (cfgPtr points to it) from v,
// using the same field rules as SpecOf. Every field must name a hyperparameter
// of v's Spec with a matching kind; all problems are reported at once.
func (v Values) Decode(cfgPtr any) error {
	rv := reflect.ValueOf(cfgPtr)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return newError("", "Decode needs a non-nil pointer to a struct, not %s", describe(cfgPtr))
	}
	rv = rv.Elem()
	fields, errs := fieldsOf(rv.Type())
	for _, f := range fields {
		p, x, ok := v.param(f.name)
		if !ok {
			errs = append(errs, newError(f.name, "%s: %s is not a hyperparameter of these Values", f.where, f.name))
			continue
		}
		if p.Kind != f.kind {
			errs = append(errs, newError(f.name, "%s is %s field but %s is %s hyperparameter", f.where, f.kind.withArticle(), f.name, p.Kind.withArticle()))
			continue
		}
		fv := rv.FieldByIndex(f.index)
		switch x := x.(type) {
		case float64:
			fv.SetFloat(x)
		case int:
			if fv.OverflowInt(int64(x)) {
				errs = append(errs, newError(f.name, "%s cannot hold %s=%d; use an int field", f.where, f.name, x))
				continue
			}
			fv.SetInt(int64(x))
		case bool:
			fv.SetBool(x)
		case string:
			fv.SetString(x)
		case []int:
			fv.Set(reflect.ValueOf(slices.Clone(x)).Convert(fv.Type()))
		}
	}
	return asError(errs)
}
