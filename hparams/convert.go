package hparams

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/typo"
)

// This file turns text and Go values into a Param's canonical value
// (float64, int, bool, string or []int) and checks constraints. Functions
// return a reason (the end of a sentence, "" if fine) rather than an error,
// so callers can say where the value came from.

// unquote trims spaces and one pair of matching surrounding quotes: GoMLX's
// --set keeps quotes literally, hparams does not.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	if n := len(s); n >= 2 && (s[0] == '"' && s[n-1] == '"' || s[0] == '\'' && s[n-1] == '\'') {
		return s[1 : n-1]
	}
	return s
}

// parseText parses a value given as text (a flag, a --set entry, a string
// given to With or Grid).
func parseText(p *Param, raw string) (any, string) {
	s := unquote(raw)
	switch p.Kind {
	case Float:
		// Out of range ("1e999") parses as ±Inf with an error: not finite.
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		return floatValue(f, err == nil || math.IsInf(f, 0))
	case Int:
		return intValue(parseInt(s))
	case Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return nil, "is not true or false"
		}
		return b, ""
	case String:
		return s, ""
	case Ints:
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "["), "]"))
		if s == "" {
			return []int{}, ""
		}
		parts := strings.Split(s, ",")
		out := make([]int, len(parts))
		for i, part := range parts {
			n, ok := parseInt(strings.TrimSpace(part))
			if !ok {
				return nil, fmt.Sprintf("is not a list of whole numbers (%s is not a whole number)", quoted(strings.TrimSpace(part)))
			}
			out[i] = n
		}
		return out, ""
	}
	return nil, "has an invalid kind"
}

// parseInt accepts Go-style digit separators ("1_000") and integral floats
// ("1e3"), as a user typing an epoch count would expect.
func parseInt(s string) (int, bool) {
	s = strings.ReplaceAll(s, "_", "")
	if n, err := strconv.ParseInt(s, 10, strconv.IntSize); err == nil {
		return int(n), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return floatToInt(f)
}

func floatToInt(f float64) (int, bool) {
	// 2^63 is exactly representable; anything at or above it overflows int64.
	if f != math.Trunc(f) || f >= 0x1p63 || f < -0x1p63 || strconv.IntSize == 32 && (f >= 0x1p31 || f < -0x1p31) {
		return 0, false
	}
	return int(f), true
}

// coerce converts a Go value (from a builder, With, Grid or a struct field)
// to p's canonical type. Strings are parsed like command-line text.
func coerce(p *Param, v any) (any, string) {
	if s, ok := v.(string); ok && p.Kind != String {
		return parseText(p, s)
	}
	rv := reflect.ValueOf(v)
	switch p.Kind {
	case Float:
		return floatValue(toFloat(rv))
	case Int:
		return intValue(toInt(rv))
	case Bool:
		if b, ok := v.(bool); ok {
			return b, ""
		}
		return nil, "is not true or false"
	case String:
		if s, ok := v.(string); ok {
			return s, ""
		}
		return nil, "is not a string"
	case Ints:
		if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
			return nil, "is not a list of whole numbers"
		}
		out := make([]int, rv.Len())
		for i := range out {
			n, ok := toInt(rv.Index(i))
			if !ok {
				return nil, fmt.Sprintf("is not a list of whole numbers (%s is not a whole number)", describe(rv.Index(i).Interface()))
			}
			out[i] = n
		}
		return out, ""
	}
	return nil, "has an invalid kind"
}

// floatValue is the value of a Float param, or why f is none: parseText
// and coerce share it.
func floatValue(f float64, isNumber bool) (any, string) {
	switch {
	case !isNumber:
		return nil, "is not a number"
	case math.IsNaN(f) || math.IsInf(f, 0):
		return nil, "is not a finite number"
	}
	return f, ""
}

// intValue is the value of an Int param, or why n is none.
func intValue(n int, isWhole bool) (any, string) {
	if !isWhole {
		return nil, "is not a whole number"
	}
	return n, ""
}

// Number returns v as a float64 when it holds a number of any Go numeric
// type: a hyperparameter value from live Values (int, float64) or read back
// from JSON (float64, or json.Number with UseNumber), as tables and charts
// of runs need it.
func Number(v any) (float64, bool) { return toFloat(reflect.ValueOf(v)) }

func toFloat(rv reflect.Value) (float64, bool) {
	if rv.Kind() == reflect.Interface && !rv.IsNil() {
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Float32, reflect.Float64:
		return rv.Float(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(rv.Uint()), true
	case reflect.String:
		// A json.Number (JSON decoded with UseNumber) is a number; other
		// strings are not.
		if n, ok := rv.Interface().(json.Number); ok {
			f, err := n.Float64()
			return f, err == nil
		}
	}
	return 0, false
}

func toInt(rv reflect.Value) (int, bool) {
	if rv.Kind() == reflect.Interface && !rv.IsNil() {
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := rv.Int()
		return int(n), int64(int(n)) == n
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n := rv.Uint()
		return int(n), n <= math.MaxInt
	case reflect.Float32, reflect.Float64:
		return floatToInt(rv.Float())
	case reflect.String:
		return parseInt(rv.String())
	}
	return 0, false
}

// violation returns why a well-typed value breaks p's constraints, or "".
func (p *Param) violation(v any) string {
	switch x := v.(type) {
	case float64:
		return p.outOfRange(x)
	case int:
		return p.outOfRange(float64(x))
	case []int:
		for _, n := range x {
			if r := p.outOfRange(float64(n)); r != "" {
				return fmt.Sprintf("has %d, which %s", n, r)
			}
		}
	case string:
		if len(p.Choices) > 0 && !slices.Contains(p.Choices, x) {
			return "is not one of " + p.Allowed() + typo.Hint(x, p.Choices)
		}
	}
	return ""
}

func (p *Param) outOfRange(x float64) string {
	if p.Min != nil && x < *p.Min {
		return "is below its minimum " + Format(*p.Min)
	}
	if p.Max != nil && x > *p.Max {
		return "is above its maximum " + Format(*p.Max)
	}
	return ""
}

// describe renders a value for a message: strings quoted, others as Go
// prints them, both shortened.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return quoted(x)
	case float64, int, []int, bool:
		return shorten(Format(x))
	}
	return shorten(fmt.Sprintf("%v (a Go %T)", v, v))
}

func cloneValue(v any) any {
	if s, ok := v.([]int); ok {
		return slices.Clone(s)
	}
	return v
}

func equalValue(a, b any) bool {
	as, aok := a.([]int)
	bs, bok := b.([]int)
	if aok || bok {
		return aok && bok && slices.Equal(as, bs)
	}
	return a == b
}
