package runstore

import (
	"fmt"
	"strings"
)

// MaxIDLen is the longest run ID, in bytes.
const MaxIDLen = 128

// ValidID reports why id cannot name a run directory, or nil if it can.
// IDs are one path element of [A-Za-z0-9._-], not starting with '.' (which
// also rules out "." and ".."), at most MaxIDLen bytes.
func ValidID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("runstore: a run ID is empty; use the values' hash")
	case len(id) > MaxIDLen:
		return fmt.Errorf("runstore: run ID %.20q... is %d bytes, more than %d", id, len(id), MaxIDLen)
	case strings.HasPrefix(id, "."):
		return fmt.Errorf("runstore: run ID %q starts with '.'; IDs name a directory inside the store and cannot be hidden or refer to a parent", id)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' {
			continue
		}
		what := fmt.Sprintf("%q", c)
		switch c {
		case '/', '\\':
			what = "a path separator"
		case 0:
			what = "a NUL byte"
		}
		return fmt.Errorf("runstore: run ID %q contains %s at byte %d; use only letters, digits, '.', '_' and '-'", id, what, i)
	}
	return nil
}
