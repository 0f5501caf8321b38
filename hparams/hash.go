package hparams

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// HashLen is the number of hex digits returned by Hash.
const HashLen = 12

// Hash returns a short, stable digest of the (name, value) pairs: the first
// HashLen hex digits of the SHA-256 of the pairs sorted by name, one per
// line as name=kind:value, with strings quoted. It ignores declaration
// order, help texts and constraints; it changes when a value, a name or a
// kind changes. The run store keys runs by it, so its format must not change
// (a golden test pins it).
func (v Values) Hash() string {
	sum := sha256.Sum256([]byte(v.canonical()))
	return hex.EncodeToString(sum[:])[:HashLen]
}

func (v Values) canonical() string {
	if v.spec == nil {
		return ""
	}
	lines := make([]string, len(v.vals))
	for i, p := range v.spec.params {
		lines[i] = p.Name + "=" + p.Kind.String() + ":" + canonicalValue(v.vals[i]) + "\n"
	}
	slices.Sort(lines)
	return strings.Join(lines, "")
}

// canonicalValue is the hash's own text of a value, apart from Format so
// that a change of display never moves a run ID: strings quoted, floats in
// their shortest 'g' form with −0 as 0 (equal values, one run), lists as
// [a,b].
func canonicalValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case float64:
		if x == 0 {
			return "0" // −0 == 0: the same run
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case []int:
		parts := make([]string, len(x))
		for i, n := range x {
			parts[i] = strconv.Itoa(n)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return fmt.Sprint(v)
}
