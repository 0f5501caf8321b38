package hparams_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

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

func inf() float64 { var zero float64; return 1 / zero }

func fmtSprint(v any) string { return fmt.Sprint(v) }
