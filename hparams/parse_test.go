package hparams_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestParseOverrides(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want map[string]any // only the names that change
	}{
		{"none", nil, map[string]any{}},
		{"double dash", []string{"--learning_rate=0.3"}, map[string]any{"learning_rate": 0.3}},
		{"single dash", []string{"-learning_rate=0.3"}, map[string]any{"learning_rate": 0.3}},
		{"separate value", []string{"-learning_rate", "0.3", "--epochs", "50"}, map[string]any{"learning_rate": 0.3, "epochs": 50}},
		{"separate value after flag", []string{"--learning_rate", "2"}, map[string]any{"learning_rate": 2.0}},
		{"bool alone", []string{"--shuffle=false", "--shuffle"}, map[string]any{}},
		{"bool false", []string{"--shuffle=false"}, map[string]any{"shuffle": false}},
		{"ints", []string{"--fnn_hidden=128,64,32"}, map[string]any{"fnn_hidden": []int{128, 64, 32}}},
		{"ints brackets", []string{"--fnn_hidden=[8, 4]"}, map[string]any{"fnn_hidden": []int{8, 4}}},
		{"ints empty", []string{"--fnn_hidden="}, map[string]any{"fnn_hidden": []int{}}},
		{"int separators", []string{"--epochs=1_000"}, map[string]any{"epochs": 1000}},
		{"int as integral float", []string{"--epochs=1e2"}, map[string]any{"epochs": 100}},
		{"set", []string{"--set=learning_rate=0.3;epochs=50"}, map[string]any{"learning_rate": 0.3, "epochs": 50}},
		{"set quoted whole", []string{`--set="learning_rate=0.3;epochs=50"`}, map[string]any{"learning_rate": 0.3, "epochs": 50}},
		{"set quoted string", []string{`--set=optimizer="sgd"`}, map[string]any{"optimizer": "sgd"}},
		{"set single quotes and spaces", []string{`--set= optimizer = 'sgd' ; ;epochs=3;`}, map[string]any{"optimizer": "sgd", "epochs": 3}},
		{"set separate value", []string{"--set", "epochs=4"}, map[string]any{"epochs": 4}},
		{"later wins", []string{"--epochs=5", "--set=epochs=6", "--epochs=7"}, map[string]any{"epochs": 7}},
		{"set after flag wins", []string{"--epochs=5", "--set=epochs=6"}, map[string]any{"epochs": 6}},
		{"back to default", []string{"--epochs=5", "--epochs=10"}, map[string]any{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := mustParse(t, spec, tc.args...)
			got := map[string]any{}
			for _, name := range v.Changed() {
				got[name] = v.Get(name)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("changed %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		wants []string
	}{
		{"below min", []string{"--learning_rate=-1"}, []string{"hparams: learning_rate=-1 is below its minimum 1e-05"}},
		{"above max", []string{"--epochs=5000"}, []string{"epochs=5000 is above its maximum 1000"}},
		{"not a number", []string{"--learning_rate=fast"}, []string{`learning_rate="fast" is not a number`, "1e-05..10 (log)"}},
		{"not finite", []string{"--learning_rate=NaN"}, []string{`learning_rate="NaN" is not a finite number`}},
		{"not whole", []string{"--epochs=2.5"}, []string{`epochs="2.5" is not a whole number`, "epochs takes a whole number (1..1000)"}},
		{"int overflow", []string{"--epochs=99999999999999999999"}, []string{"is not a whole number"}},
		{"bool", []string{"--shuffle=maybe"}, []string{`shuffle="maybe" is not true or false`}},
		{"ints element", []string{"--fnn_hidden=64,x"}, []string{`fnn_hidden="64,x" is not a list of whole numbers ("x" is not a whole number)`}},
		{"ints range", []string{"--fnn_hidden=64,0"}, []string{"fnn_hidden=64,0 has 0, which is below its minimum 1"}},
		{"choice", []string{"--optimizer=Adam"}, []string{`optimizer="Adam" is not one of sgd | adam | adamw; did you mean "adam"?`}},
		{"choice far", []string{"--optimizer=rmsprop"}, []string{`is not one of sgd | adam | adamw`}},
		{"unknown", []string{"--lerning_rate=0.1"}, []string{`unknown hyperparameter "lerning_rate" in the arguments; did you mean "learning_rate"?`}},
		{"unknown no hint", []string{"--zzz=1"}, []string{`unknown hyperparameter "zzz"`, "known: learning_rate, epochs"}},
		{"unknown in set", []string{"--set=epoch=3"}, []string{`"epoch" in --set; did you mean "epochs"?`}},
		{"set no equals", []string{"--set=epochs"}, []string{`--set entry "epochs" is not name=value`}},
		{"set scoped", []string{"--set=/layer_1/learning_rate=0.1"}, []string{"is scoped", "write learning_rate=0.1"}},
		{"set relative scope", []string{"--set=a/epochs=3"}, []string{"is scoped"}},
		{"set no name", []string{"--set==3"}, []string{"has no name"}},
		{"missing value", []string{"--epochs"}, []string{`"--epochs" needs a value, as in --epochs=10`}},
		{"positional", []string{"train"}, []string{`unexpected argument "train"`}},
		{"after double dash", []string{"--", "x"}, []string{`unexpected argument "x"`}},
		{"bad syntax", []string{"---epochs=3"}, []string{"bad flag syntax"}},
		{"missing config", []string{"--config=/nonexistent/x.json"}, []string{`cannot read the --config file "/nonexistent/x.json"`}},
		{"set file missing", []string{"--set=file:/nonexistent"}, []string{"cannot read the --set settings file"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := spec.Parse(tc.args)
			errs := wantErr(t, err, tc.wants...)
			if len(errs) != 1 {
				t.Errorf("got %d problems, want 1: %v", len(errs), err)
			}
		})
	}
}

func TestParseReportsAllProblems(t *testing.T) {
	_, err := spec.Parse([]string{"--learning_rate=-1", "--set=epochs=0;optimizer=adm", "--bogus", "--shuffle=2"})
	errs := wantErr(t, err, "learning_rate=-1", "epochs=0", `optimizer="adm"`, `"bogus"`, `shuffle="2"`)
	if len(errs) != 5 {
		t.Errorf("got %d problems, want 5:\n%v", len(errs), err)
	}
}

func TestParseConfigPriority(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "values.json")
	if err := os.WriteFile(path, []byte(`{"learning_rate": 0.5, "epochs": 20, "optimizer": "sgd"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	// The config applies first wherever it appears; flags and --set win.
	v := mustParse(t, spec, "--epochs=30", "--config="+path, "--set=optimizer=adamw")
	if v.Float("learning_rate") != 0.5 || v.Int("epochs") != 30 || v.String("optimizer") != "adamw" {
		t.Errorf("got %v", v)
	}
	settings := filepath.Join(dir, "settings.txt")
	if err := os.WriteFile(settings, []byte("# comment\nepochs=40;shuffle=false\n\noptimizer=sgd\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v = mustParse(t, spec, "--set=file:"+settings+";epochs=41")
	if v.Int("epochs") != 41 || v.Bool("shuffle") || v.String("optimizer") != "sgd" {
		t.Errorf("--set file: gave %v", v)
	}
	nested := filepath.Join(dir, "nested.txt")
	if err := os.WriteFile(nested, []byte("file:"+settings+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := spec.Parse([]string{"--set=file:" + nested})
	wantErr(t, err, "files cannot include files")
	_, err = spec.Parse([]string{"--config=" + dir})
	wantErr(t, err, "not a regular file")
}
