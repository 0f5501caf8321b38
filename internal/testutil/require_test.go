package testutil

import (
	"strings"
	"testing"
)

func TestRequireSkipsOutsideCI(t *testing.T) {
	t.Setenv("CI", "")
	var sub *testing.T
	t.Run("missing", func(t *testing.T) {
		sub = t
		Require(t, "no frobnicator", "apt-get install frobnicator")
		t.Error("Require returned although something is missing")
	})
	if !sub.Skipped() || sub.Failed() {
		t.Errorf("skipped %v, failed %v; want a skip", sub.Skipped(), sub.Failed())
	}
	Require(t, "", "a hint") // nothing missing: the test goes on
	if t.Skipped() {
		t.Error("Require skipped with nothing missing")
	}
}

func TestRequireFailsUnderCI(t *testing.T) {
	t.Setenv("CI", "true")
	r := &recorder{TB: t}
	func() {
		defer func() { recover() }()
		Require(r, "no frobnicator", "apt-get install frobnicator")
	}()
	if !r.failed || r.skipped || !strings.Contains(r.msg, "no frobnicator; apt-get install frobnicator") {
		t.Errorf("failed %v, skipped %v, with %q; want a failure naming what is missing and the hint", r.failed, r.skipped, r.msg)
	}
	Require(t, "", "a hint") // nothing missing: no failure even under CI
}
