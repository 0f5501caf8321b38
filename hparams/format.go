package hparams

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// Format writes a hyperparameter value the way a user types it on the
// command line, and is the one text of a value that hyperlab shows: in
// tables, flag defaults, messages, chart legends and results exports.
//
//   - lists as "64,32" (the flag syntax), an empty list or string as `""`;
//   - whole numbers as digits, also when they arrive as a float64 from a
//     run store's JSON (a seed 123456789 is "123456789", not
//     "1.23456789e+08"), up to 2^53 where a float64 stops being exact;
//   - integers of every Go type exactly (2^53+1 is not 2^53);
//   - other floats as the shortest text that parses back to them
//     ("0.001", "1e-05"), with −0 as "0" (the same value, the same run);
//   - nil (a value a run does not have) as "".
//
// It accepts the canonical values of Values (float64, int, bool, string,
// []int) and what JSON decoding gives back (float64, json.Number, []any),
// so a live run and a stored one print the same.
func Format(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if x == "" {
			return `""`
		}
		return x
	case bool:
		return strconv.FormatBool(x)
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return strconv.FormatInt(n, 10)
		}
		if f, err := x.Float64(); err == nil {
			return formatNumber(f, 64)
		}
		return x.String()
	case []int:
		return formatList(len(x), func(i int) string { return strconv.Itoa(x[i]) })
	case []any:
		return formatList(len(x), func(i int) string { return Format(x[i]) })
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(rv.Uint(), 10)
	case reflect.Float32:
		return formatNumber(rv.Float(), 32)
	case reflect.Float64:
		return formatNumber(rv.Float(), 64)
	case reflect.Slice, reflect.Array:
		return formatList(rv.Len(), func(i int) string { return Format(rv.Index(i).Interface()) })
	}
	return fmt.Sprint(v)
}

// Pairs writes "name=value" for each of names, in their order, the value
// as Format writes it (a name values lacks comes out as "name=", Format's
// nil). It is the one text of a set of values: chart legends, trial and
// group labels, and the changes from the defaults (Pairs(v.Map(),
// v.Changed())); each caller joins the pairs with its own separator and
// says in its own words what an empty list means.
func Pairs(values map[string]any, names []string) []string {
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = name + "=" + Format(values[name])
	}
	return out
}

// Significant returns x rounded to digits significant digits, the number
// that %.<digits>g prints: it drops the float noise of a computed value
// (0.30000000000000004 at 10 digits is 0.3) and shortens a drawn one
// (0.0054703548354713076 at 4 digits is 0.00547). NaN and ±Inf come back
// as they are; digits 0 counts as 1, and a negative digits keeps x whole.
func Significant(x float64, digits int) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', digits, 64), 64)
	return r
}

// formatNumber writes a float of the given bit size: whole numbers up to
// 2^53 as digits, −0 as 0, others as the shortest text that parses back.
func formatNumber(f float64, bits int) string {
	switch {
	case f == 0:
		return "0" // also −0
	case f == math.Trunc(f) && math.Abs(f) <= 1<<53:
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, bits)
}

func formatList(n int, item func(int) string) string {
	if n == 0 {
		return `""`
	}
	parts := make([]string, n)
	for i := range parts {
		parts[i] = item(i)
	}
	return strings.Join(parts, ",")
}
