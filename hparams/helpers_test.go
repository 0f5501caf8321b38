package hparams_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// spec is the Spec of Config (see example_test.go) used by most tests.
var spec = hparams.MustSpecOf(Config{})

// wantErr fails unless err is an hparams.Errors whose text contains every
// fragment; it returns the list.
func wantErr(t *testing.T, err error, fragments ...string) hparams.Errors {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want one containing %q", fragments)
	}
	var errs hparams.Errors
	if !errors.As(err, &errs) {
		var one *hparams.Error
		if !errors.As(err, &one) {
			t.Fatalf("error %q is neither hparams.Errors nor *hparams.Error", err)
		}
		errs = hparams.Errors{one}
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q does not contain %q", err, f)
		}
	}
	for _, e := range errs {
		if !strings.HasPrefix(e.Error(), "hparams: ") || strings.Contains(e.Error(), "\n") {
			t.Errorf("problem %q is not one line starting with \"hparams: \"", e)
		}
	}
	return errs
}

func mustParse(t *testing.T, s *hparams.Spec, args ...string) hparams.Values {
	t.Helper()
	v, err := s.Parse(args)
	if err != nil {
		t.Fatalf("Parse(%q): %v", args, err)
	}
	return v
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func inf() float64 { var zero float64; return 1 / zero }

func fmtSprint(v any) string { return fmt.Sprint(v) }
