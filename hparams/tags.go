package hparams

import (
	"reflect"
	"strconv"
	"strings"
	"unicode"
)

// SpecOf declares hyperparameters from the fields of a struct (cfg is a
// struct or a pointer to one). Each exported field is a hyperparameter,
// unless tagged hp:"-". Tags, in the spirit of kong:
//
//	hp:"learning_rate"  name (default: the field name in snake_case)
//	default:"0.01"      default, as typed on a command line ("64,32" for []int);
//	                    without it the field's value in cfg is the default
//	min:"1e-5" max:"10" inclusive bounds (Float, Int, each element of Ints)
//	scale:"log"         log scale ("linear" is the default)
//	choices:"sgd,adam"  allowed values of a string
//	help:"..."          one line of help
//	own:"true"          the user's own hyperparameter, read by their code:
//	                    training does not refuse it as unknown (Param.Own)
//
// Field types: float64 (or float32), int (or int64, int32), bool, string and
// []int. Embedded structs are flattened. All problems are reported at once.
func SpecOf(cfg any) (*Spec, error) {
	rv := reflect.ValueOf(cfg)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil, newError("", "SpecOf needs a struct or a pointer to one, not %s", describe(cfg))
	}
	fields, errs := fieldsOf(rv.Type())
	var params []Param
	var where []string
	for _, f := range fields {
		p, es := f.param(rv.FieldByIndex(f.index))
		if len(es) > 0 {
			errs = append(errs, es...)
			continue
		}
		params = append(params, p)
		where = append(where, f.where)
	}
	spec, err := newSpec(params, where)
	if err != nil {
		errs = append(errs, err.(Errors)...)
	}
	if err := asError(errs); err != nil {
		return nil, err
	}
	return spec, nil
}

// MustSpecOf is like SpecOf but panics on an error; for package-level
// variables such as a notebook's declaration cell.
func MustSpecOf(cfg any) *Spec {
	s, err := SpecOf(cfg)
	if err != nil {
		panic(err)
	}
	return s
}

// field is one hyperparameter field of a struct type.
type field struct {
	index []int
	name  string
	where string // "field Config.LR", for messages
	kind  Kind
	tag   reflect.StructTag
}

// fieldsOf lists the hyperparameter fields of t, flattening embedded structs.
func fieldsOf(t reflect.Type) ([]field, []error) {
	var out []field
	var errs []error
	for i := range t.NumField() {
		sf := t.Field(i)
		where := "field " + sf.Name
		if t.Name() != "" {
			where = "field " + t.Name() + "." + sf.Name
		}
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			inner, es := fieldsOf(sf.Type)
			for _, f := range inner {
				f.index = append([]int{i}, f.index...)
				out = append(out, f)
			}
			errs = append(errs, es...)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if err := checkTagSyntax(sf.Tag); err != "" {
			errs = append(errs, newError(sf.Name, "%s has a malformed tag %s: %s; write it like hp:\"name\" default:\"1\"", where, quoted(string(sf.Tag)), err))
			continue
		}
		name, ok := sf.Tag.Lookup("hp")
		if name == "-" {
			continue
		}
		if !ok || name == "" {
			name = snakeCase(sf.Name)
		}
		kind := kindOf(sf.Type)
		if kind == 0 {
			errs = append(errs, newError(name, "%s has type %v; a hyperparameter is a float64, int, int64, bool, string or []int (tag it hp:\"-\" to skip it)", where, sf.Type))
			continue
		}
		out = append(out, field{index: []int{i}, name: name, where: where, kind: kind, tag: sf.Tag})
	}
	return out, errs
}

func kindOf(t reflect.Type) Kind {
	switch t.Kind() {
	case reflect.Float64, reflect.Float32:
		return Float
	case reflect.Int, reflect.Int64, reflect.Int32:
		return Int
	case reflect.Bool:
		return Bool
	case reflect.String:
		return String
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Int {
			return Ints
		}
	}
	return 0
}

// param builds the declaration from the tags; fv is the field's value in cfg.
func (f field) param(fv reflect.Value) (Param, []error) {
	p := Param{Name: f.name, Kind: f.kind, Help: f.tag.Get("help")}
	var errs []error
	bad := func(key, val, want string) {
		errs = append(errs, newError(f.name, "%s: %s:%s %s", f.where, key, quoted(val), want))
	}
	if d, ok := f.tag.Lookup("default"); ok {
		v, reason := parseText(&Param{Name: f.name, Kind: f.kind}, d)
		if reason != "" {
			bad("default", d, reason)
		}
		p.Default = v
	} else {
		p.Default = cloneValue(fv.Interface())
	}
	for _, b := range []struct {
		key string
		dst **float64
	}{{"min", &p.Min}, {"max", &p.Max}} {
		if s, ok := f.tag.Lookup(b.key); ok {
			x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil {
				bad(b.key, s, "is not a number")
				continue
			}
			*b.dst = &x
		}
	}
	if s, ok := f.tag.Lookup("own"); ok {
		own, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			bad("own", s, `is not true or false`)
		}
		p.Own = own
	}
	switch s := f.tag.Get("scale"); s {
	case "log":
		p.Log = true
	case "", "linear":
	default:
		bad("scale", s, `is not a scale; use "log" or "linear"`)
	}
	if s, ok := f.tag.Lookup("choices"); ok {
		for _, c := range strings.Split(s, ",") {
			p.Choices = append(p.Choices, strings.TrimSpace(c))
		}
	}
	return p, errs
}

// snakeCase turns LearningRate into learning_rate and HTTPPort into http_port.
func snakeCase(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			nextLower := i > 0 && i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])
			if prevLower || nextLower {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// checkTagSyntax reports why a struct tag does not follow the conventional
// key:"value" form that reflect.StructTag.Get silently relies on.
func checkTagSyntax(tag reflect.StructTag) string {
	s := string(tag)
	for {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			return ""
		}
		i := 0
		for i < len(s) && s[i] > ' ' && s[i] != ':' && s[i] != '"' && s[i] != 0x7f {
			i++
		}
		if i == 0 {
			return "a key is missing"
		}
		if i+1 >= len(s) || s[i] != ':' || s[i+1] != '"' {
			return "key " + strconv.Quote(s[:i]) + " is not followed by :\"value\""
		}
		key := s[:i]
		s = s[i+1:]
		i = 1
		for i < len(s) && s[i] != '"' {
			if s[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(s) {
			return "the value of " + strconv.Quote(key) + " has no closing quote"
		}
		if _, err := strconv.Unquote(s[:i+1]); err != nil {
			return "the value of " + strconv.Quote(key) + " is not a valid quoted string"
		}
		s = s[i+1:]
	}
}
