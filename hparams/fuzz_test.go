package hparams_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// checkParsed checks what a parse returned: an error must carry the
// package prefix (and ends the check, returning false); otherwise v must be
// a valid Values of s: every value passes With, and JSON goes round trip to
// the same Values and hash.
func checkParsed(t *testing.T, s *hparams.Spec, v hparams.Values, err error) bool {
	t.Helper()
	if err != nil {
		if !strings.HasPrefix(err.Error(), "hparams: ") {
			t.Fatalf("error without prefix: %q", err)
		}
		return false
	}
	for _, name := range s.Names() {
		if _, err := v.With(name, v.Get(name)); err != nil {
			t.Fatalf("result holds an invalid value: %v", err)
		}
	}
	data, err := v.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	back, err := s.ParseJSON(data)
	if err != nil {
		t.Fatalf("ParseJSON(%s) of a valid result: %v", data, err)
	}
	if !back.Equal(v) || back.Hash() != v.Hash() || len(v.Hash()) != hparams.HashLen {
		t.Fatalf("round trip %s gave %v, want %v", data, back, v)
	}
	_ = v.Table().HTML()
	_ = v.Table().Text()
	return true
}

// FuzzParse feeds arguments (one per line) to Spec.Parse. It must not panic;
// a success must be valid and equal to what Flags gives for the same args.
func FuzzParse(f *testing.F) {
	f.Add("--learning_rate=0.3\n--epochs=50")
	f.Add("--set=learning_rate=0.3;epochs=50;optimizer=\"sgd\"")
	f.Add("-fnn_hidden\n8,4\n-shuffle")
	f.Fuzz(func(t *testing.T, input string) {
		args := strings.Split(input, "\n")
		for _, a := range args {
			if strings.Contains(a, "config") || strings.Contains(a, "file:") {
				return // keep the fuzzer off the file system
			}
		}
		v, err := spec.Parse(args)
		if !checkParsed(t, spec, v, err) {
			return
		}
		fs := newFlagSet()
		hf := spec.Flags(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatalf("Parse accepted %q but flag.Parse failed: %v", args, err)
		}
		fv, err := hf.Values()
		if err != nil || !fv.Equal(v) {
			t.Fatalf("Flags gave %v, %v; Parse gave %v", fv, err, v)
		}
	})
}

// FuzzParseJSON feeds bytes to Spec.ParseJSON: no panic, valid results.
func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(`{"learning_rate":0.3,"epochs":7,"fnn_hidden":[8,4],"optimizer":"sgd","shuffle":false}`))
	f.Add([]byte(`{"epochs": 1e2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := spec.ParseJSON(data)
		if !checkParsed(t, spec, v, err) {
			return
		}
		again, _ := v.MarshalJSON()
		if v2, err := spec.ParseJSON(again); err != nil || !bytes.Equal(mustJSON(t, v2), again) {
			t.Fatalf("JSON not stable: %s", again)
		}
	})
}
