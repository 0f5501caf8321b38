package runstore

import (
	"strings"
	"testing"
)

func TestValidID(t *testing.T) {
	good := []string{"a", "3f2a9c01", "run-1_x.v2", strings.Repeat("a", MaxIDLen)}
	for _, id := range good {
		if err := ValidID(id); err != nil {
			t.Errorf("ValidID(%q) = %v", id, err)
		}
	}
	bad := []struct{ id, want string }{
		{"", "empty"},
		{".", "starts with '.'"},
		{"..", "starts with '.'"},
		{"../etc", "starts with '.'"},
		{"a/../../b", "path separator"},
		{"/etc/passwd", "path separator"},
		{"a\\b", "path separator"},
		{"a\x00b", "NUL"},
		{".hidden", "starts with '.'"},
		{"with space", `' '`},
		{"ünïcode", "contains"},
		{strings.Repeat("a", MaxIDLen+1), "more than 128"},
	}
	for _, b := range bad {
		err := ValidID(b.id)
		if err == nil || !strings.Contains(err.Error(), b.want) || !strings.HasPrefix(err.Error(), "runstore: ") {
			t.Errorf("ValidID(%q) = %v, want an error containing %q", b.id, err, b.want)
		}
	}
}
