package testutil

import (
	"os"
	"testing"
)

// Require skips t when something the test needs is missing (missing says
// what, hint how to install it; "" for nothing missing), and fails t
// instead under CI=true, where the set-up has installed everything, so
// that a broken set-up never passes as a row of skips.
func Require(t testing.TB, missing, hint string) {
	t.Helper()
	if missing == "" {
		return
	}
	why := missing
	if hint != "" {
		why += "; " + hint
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (under CI=true this test must run, not skip)", why)
	}
	t.Skip(why)
}
