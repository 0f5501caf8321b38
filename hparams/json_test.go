package hparams_test

import (
	"encoding/json"
	"testing"
)

func TestJSONRoundTrip(t *testing.T) {
	v := mustParse(t, spec, "--learning_rate=1e-5", "--epochs=3", "--fnn_hidden=", `--optimizer=sgd`, "--shuffle=false")
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"learning_rate":0.00001,"epochs":3,"optimizer":"sgd","fnn_hidden":[],"shuffle":false}`
	if string(data) != want {
		t.Errorf("JSON %s, want %s", data, want)
	}
	back, err := spec.ParseJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Equal(v) || back.Hash() != v.Hash() {
		t.Errorf("round trip gave %v, want %v", back, v)
	}
}

func TestParseJSON(t *testing.T) {
	v, err := spec.ParseJSON([]byte(` {"epochs": 1e2, "fnn_hidden": [8, 4.0]} `))
	if err != nil {
		t.Fatal(err)
	}
	if v.Int("epochs") != 100 || v.Ints("fnn_hidden")[1] != 4 || v.Float("learning_rate") != 0.01 {
		t.Errorf("got %v", v)
	}
	bad := []struct {
		name, json string
		wants      []string
	}{
		{"string for float", `{"learning_rate": "0.1"}`, []string{`learning_rate="0.1" is not a number`}},
		{"float for int", `{"epochs": 2.5}`, []string{"epochs=2.5 is not a whole number"}},
		{"string for bool", `{"shuffle": "true"}`, []string{`shuffle="true" is not true or false`}},
		{"number for string", `{"optimizer": 1}`, []string{"optimizer=1 is not a string", "sgd | adam | adamw"}},
		{"null", `{"epochs": null}`, []string{"epochs=null is not a whole number"}},
		{"ints element", `{"fnn_hidden": [1, "2"]}`, []string{`("2" is not a whole number)`}},
		{"ints not list", `{"fnn_hidden": 3}`, []string{"fnn_hidden=3 is not a list of whole numbers"}},
		{"range", `{"learning_rate": 100}`, []string{"learning_rate=100 is above its maximum 10"}},
		{"huge", `{"learning_rate": 1e999}`, []string{"is not a finite number"}},
		{"unknown", `{"learning_rat": 0.1}`, []string{`unknown hyperparameter "learning_rat" in the JSON; did you mean "learning_rate"?`}},
		{"not an object", `[1,2]`, []string{"the JSON is not a JSON object"}},
		{"top null", `null`, []string{"is not a JSON object", "it is null"}},
		{"broken", `{"epochs": 3`, []string{"is not a JSON object"}},
		{"trailing", `{} {}`, []string{"is not a JSON object"}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := spec.ParseJSON([]byte(tc.json))
			wantErr(t, err, tc.wants...)
		})
	}
	_, err = spec.ParseJSON([]byte(`{"epochs": 0, "optimizer": "x", "nope": 1}`))
	if errs := wantErr(t, err); len(errs) != 3 {
		t.Errorf("got %d problems, want 3: %v", len(errs), err)
	}
}
