package hparams_test

import (
	"reflect"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// TestBadInput is hparams' part of the bad-input corpus (issue 8): each
// mistake a notebook user can make gives one clear error that names the
// hyperparameter and what is allowed, and nothing panics.
func TestBadInput(t *testing.T) {
	parse := func(args ...string) func() error {
		return func() error { _, err := spec.Parse(args); return err }
	}
	parseJSON := func(s string) func() error {
		return func() error { _, err := spec.ParseJSON([]byte(s)); return err }
	}
	with := func(name string, value any) func() error {
		return func() error { _, err := spec.Defaults().With(name, value); return err }
	}
	specOf := func(cfg any) func() error {
		return func() error { _, err := hparams.SpecOf(cfg); return err }
	}
	tests := []struct {
		name  string
		run   func() error
		wants []string // the culprit, and what is allowed
	}{
		{"negative learning rate", parse("--learning_rate=-1"), []string{"learning_rate=-1", "minimum 1e-05"}},
		{"learning rate too large", parse("--learning_rate=11"), []string{"learning_rate=11", "maximum 10"}},
		{"learning rate words", parse("--learning_rate=fast"), []string{`learning_rate="fast"`, "a number (1e-05..10 (log))"}},
		{"learning rate empty", parse("--learning_rate="), []string{`learning_rate=""`, "takes a number"}},
		{"learning rate inf", parse("--learning_rate=+Inf"), []string{`learning_rate="+Inf"`, "finite"}},
		{"zero epochs", parse("--epochs=0"), []string{"epochs=0", "minimum 1"}},
		{"fractional epochs", parse("--epochs=2.5"), []string{`epochs="2.5"`, "whole number (1..1000)"}},
		{"epochs with unit", parse("--set=epochs=10x"), []string{`epochs="10x"`, "whole number"}},
		{"optimizer typo", parse("--optimizer=adma"), []string{`optimizer="adma"`, "sgd | adam | adamw", `did you mean "adam"`}},
		{"optimizer unknown", parse("--set=optimizer=lion"), []string{`optimizer="lion"`, "sgd | adam | adamw"}},
		{"bool yes", parse("--shuffle=yes"), []string{`shuffle="yes"`, "true or false"}},
		{"layer of zero units", parse("--fnn_hidden=64,0,32"), []string{"fnn_hidden=64,0,32", "minimum 1"}},
		{"layers with spaces only", parse("--fnn_hidden=64 32"), []string{`fnn_hidden="64 32"`, "such as 64,32"}},
		{"negative layer", parse("--set=fnn_hidden=-4"), []string{"fnn_hidden=-4", "minimum 1"}},
		{"typo in name", parse("--learningrate=0.1"), []string{`"learningrate"`, `did you mean "learning_rate"`}},
		{"typo in --set name", parse("--set=optimiser=sgd"), []string{`"optimiser"`, `did you mean "optimizer"`}},
		{"scoped --set", parse("--set=/layer/epochs=3"), []string{"scoped", "epochs=3"}},
		{"--set with commas", parse("--set=epochs=3,learning_rate=0.1"), []string{`epochs="3,learning_rate=0.1"`, "whole number"}},
		{"--set missing =", parse("--set=epochs:3"), []string{`"epochs:3"`, "name=value"}},
		{"flag without value", parse("--learning_rate"), []string{`"--learning_rate" needs a value`, "--learning_rate=0.01"}},
		{"positional argument", parse("0.3"), []string{`"0.3"`, "--name=value"}},
		{"missing config file", parse("--config=nope.json"), []string{`"nope.json"`, "cannot read"}},
		{"JSON wrong type", parseJSON(`{"epochs": "ten"}`), []string{`epochs="ten"`, "whole number"}},
		{"JSON unknown name", parseJSON(`{"epoch": 3}`), []string{`"epoch"`, `did you mean "epochs"`}},
		{"JSON not an object", parseJSON(`"epochs=3"`), []string{"not a JSON object", "name: value"}},
		{"JSON out of range", parseJSON(`{"learning_rate": 0}`), []string{"learning_rate=0", "minimum 1e-05"}},
		{"With wrong Go type", with("epochs", "ten"), []string{`epochs="ten"`, "whole number"}},
		{"With unknown name", with("dropout", 0.1), []string{`"dropout"`, "known: learning_rate"}},
		{"struct default out of range", specOf(struct {
			LR float64 `hp:"learning_rate" default:"20" max:"10"`
		}{}), []string{"learning_rate=20", "maximum 10"}},
		{"struct default not a choice", specOf(struct {
			Opt string `hp:"optimizer" default:"adamw" choices:"sgd,adam"`
		}{}), []string{`optimizer="adamw"`, "sgd | adam"}},
		{"struct bad tag", specOf(withTag("LR", reflect.TypeFor[float64](), `hp:"learning_rate" min:0`)),
			[]string{"LR", `key "min" is not followed by :"value"`}},
		{"struct duplicate", specOf(struct {
			A int `hp:"epochs"`
			B int `hp:"epochs"`
		}{}), []string{"epochs is declared twice", "keep one"}},
		{"grid unknown axis", func() error {
			_, err := spec.Grid(spec.Defaults(), map[string][]any{"lr": {0.1}})
			return err
		}, []string{`"lr"`, "known: learning_rate"}},
		{"random on a list", func() error {
			_, err := spec.Random(spec.Defaults(), 2, 1, "fnn_hidden")
			return err
		}, []string{"fnn_hidden cannot be sampled", "use Grid"}},
	}
	if len(tests) < 20 {
		t.Fatalf("the corpus has %d cases; keep at least 20", len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantErr(t, testutil.NoPanic(t, tc.run), tc.wants...)
		})
	}
}
