package hparams_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

func newFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("cell", flag.ContinueOnError)
	fs.SetOutput(new(bytes.Buffer))
	return fs
}

func TestFlagsMatchParse(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "v.json")
	if err := os.WriteFile(path, []byte(`{"epochs": 20, "shuffle": false}`), 0o644); err != nil {
		t.Fatal(err)
	}
	argLists := [][]string{
		nil,
		{"--learning_rate=0.3", "-epochs", "50"},
		{`--set=learning_rate=0.3;optimizer="sgd"`, "--shuffle"},
		{"--config", path, "--epochs=21"},
		{"-shuffle=false", "--fnn_hidden=8", "--set", "fnn_hidden=4,2"},
	}
	for _, args := range argLists {
		fs := newFlagSet()
		f := spec.Flags(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatalf("flag.Parse(%q): %v", args, err)
		}
		got, err := f.Values()
		if err != nil {
			t.Fatalf("Values after %q: %v", args, err)
		}
		want := mustParse(t, spec, args...)
		if !got.Equal(want) {
			t.Errorf("%q: Flags gave %v, Parse gave %v", args, got, want)
		}
	}
}

func TestFlagsDeferValidation(t *testing.T) {
	fs := newFlagSet()
	f := spec.Flags(fs)
	if v, err := f.Values(); err != nil || !v.Equal(spec.Defaults()) {
		t.Errorf("before Parse: %v, %v; want the defaults", v, err)
	}
	args := []string{"--learning_rate=-1", "--epochs=many", "--set=optimizer=adm;nope=1", "--fnn_hidden=0"}
	if err := fs.Parse(args); err != nil {
		t.Fatalf("flag.Parse must accept any value, got %v", err)
	}
	_, err := f.Values()
	errs := wantErr(t, err, "learning_rate=-1 is below", `epochs="many"`, `optimizer="adm"`, `"nope"`, "fnn_hidden=0 has 0")
	if len(errs) != 5 {
		t.Errorf("got %d problems, want 5: %v", len(errs), err)
	}
}

func TestFlagsShareFlagSet(t *testing.T) {
	// Two notebook declaration cells may both call Flags on flag.CommandLine.
	other := hparams.NewBuilder().
		Float("learning_rate", 0.1, "shared name").
		Int("batch_size", 32, "", hparams.Min(1)).
		MustSpec()
	fs := newFlagSet()
	fa, fb := spec.Flags(fs), other.Flags(fs)
	if err := fs.Parse([]string{"--learning_rate=0.3", "--batch_size=64", "--set=epochs=5;batch_size=65"}); err != nil {
		t.Fatal(err)
	}
	a, errA := fa.Values()
	b, errB := fb.Values()
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if a.Float("learning_rate") != 0.3 || a.Int("epochs") != 5 || b.Float("learning_rate") != 0.3 || b.Int("batch_size") != 65 {
		t.Errorf("got %v and %v", a, b)
	}
	if err := fs.Parse([]string{"--set=unknown_everywhere=1"}); err != nil {
		t.Fatal(err)
	}
	_, err := fb.Values()
	wantErr(t, err, `"unknown_everywhere" in --set`)
}

func TestFlagsForeignFlag(t *testing.T) {
	fs := newFlagSet()
	fs.Int("epochs", 3, "someone else's flag")
	fs.String("set", "", "GoMLX's settings flag")
	f := spec.Flags(fs)
	_, err := f.Values()
	errs := wantErr(t, err, "flag -epochs is already defined by other code", "flag -set is already defined")
	if len(errs) != 2 {
		t.Errorf("got %d problems, want 2: %v", len(errs), err)
	}
}

func TestFlagsUsage(t *testing.T) {
	fs := newFlagSet()
	spec.Flags(fs)
	var out bytes.Buffer
	fs.SetOutput(&out)
	fs.PrintDefaults() // must not panic on zero flag values
	for _, want := range []string{"-learning_rate", "-learning_rate float\n    \tstep size of the optimizer (float 1e-05..10 (log)) (default 0.01)", "-set", "-config"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("usage lacks %q:\n%s", want, out.String())
		}
	}
}
