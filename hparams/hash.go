package hparams

import (
	"crypto/sha256"
	"encoding/hex"
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
		var val string
		switch x := v.vals[i].(type) {
		case string:
			val = strconv.Quote(x)
		default:
			val = formatValue(x)
			if p.Kind == Ints {
				val = "[" + strings.Trim(val, `"`) + "]"
			}
		}
		lines[i] = p.Name + "=" + p.Kind.String() + ":" + val + "\n"
	}
	slices.Sort(lines)
	return strings.Join(lines, "")
}
