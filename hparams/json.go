package hparams

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// MarshalJSON writes a flat object {"name": value, ...} in declaration order.
// Spec.ParseJSON reads it back.
func (v Values) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	if v.spec != nil {
		for i, p := range v.spec.params {
			if i > 0 {
				b.WriteByte(',')
			}
			name, _ := json.Marshal(p.Name)
			val, err := json.Marshal(v.vals[i])
			if err != nil {
				return nil, err
			}
			b.Write(name)
			b.WriteByte(':')
			b.Write(val)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// ParseJSON reads a flat JSON object {"name": value} (as written by
// Values.MarshalJSON) over the defaults: names it omits keep their defaults.
// Unknown names, values of the wrong JSON type and values breaking a
// constraint are all reported at once.
func (s *Spec) ParseJSON(data []byte) (Values, error) {
	vals := s.Defaults().vals
	if err := asError(s.applyJSON(vals, data, "the JSON", nil)); err != nil {
		return Values{}, err
	}
	return Values{spec: s, vals: vals}, nil
}

// applyJSON decodes data into vals; origin names the source for messages.
func (s *Spec) applyJSON(vals []any, data []byte, origin string, others func(string) bool) []error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil || m == nil {
		why := "it is null"
		if err != nil {
			why = err.Error()
		}
		return []error{newError("", "%s is not a JSON object of name: value pairs (%s)", origin, shorten(why))}
	}
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	slices.Sort(names) // deterministic messages
	var errs []error
	for _, name := range names {
		i, ok := s.index[name]
		if !ok {
			if others == nil || !others(name) {
				errs = append(errs, s.unknown(name, origin))
			}
			continue
		}
		p := &s.params[i]
		raw := strings.TrimSpace(string(m[name]))
		x, reason := fromJSON(p, m[name])
		if reason != "" {
			errs = append(errs, p.wrongType("", shorten(raw), reason))
			continue
		}
		if reason := p.violation(x); reason != "" {
			errs = append(errs, newError(name, "%s=%s %s", name, describe(x), reason))
			continue
		}
		vals[i] = x
	}
	return errs
}

// fromJSON converts one JSON value; numbers are read as text so that large
// integers stay exact.
func fromJSON(p *Param, raw json.RawMessage) (any, string) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return nil, "is not valid JSON"
	}
	switch p.Kind {
	case Float, Int:
		n, ok := x.(json.Number)
		if !ok {
			break
		}
		return parseText(p, string(n))
	case Bool:
		if b, ok := x.(bool); ok {
			return b, ""
		}
	case String:
		if s, ok := x.(string); ok {
			return s, ""
		}
	case Ints:
		list, ok := x.([]any)
		if !ok {
			break
		}
		out := make([]int, len(list))
		for i, e := range list {
			n, ok := e.(json.Number)
			v, good := parseInt(string(n))
			if !ok || !good {
				text, _ := json.Marshal(e)
				return nil, "is not a list of whole numbers (" + shorten(string(text)) + " is not a whole number)"
			}
			out[i] = v
		}
		return out, ""
	}
	return nil, wrongJSON[p.Kind]
}

var wrongJSON = map[Kind]string{
	Float:  "is not a number",
	Int:    "is not a whole number",
	Bool:   "is not true or false",
	String: "is not a string",
	Ints:   "is not a list of whole numbers",
}
