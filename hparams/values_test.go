package hparams_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

func TestGetters(t *testing.T) {
	v := spec.Defaults()
	tests := []struct {
		name      string
		got, want any
	}{
		{"Float", v.Float("learning_rate"), 0.01},
		{"Float of an Int", v.Float("epochs"), 10.0},
		{"Int", v.Int("epochs"), 10},
		{"Int of a Float", v.Int("learning_rate"), 0},
		{"Bool", v.Bool("shuffle"), true},
		{"String", v.String("optimizer"), "adam"},
		{"String of an unknown", v.String("activation"), ""},
		{"Ints", v.Ints("fnn_hidden"), []int{64, 32}},
		{"Ints of a String", v.Ints("optimizer"), []int(nil)},
		{"Get", v.Get("epochs"), 10},
		{"Get unknown", v.Get("nope"), nil},
		{"Has", v.Has("epochs"), true},
		{"Has unknown", v.Has("dropout_rate"), false},
	}
	for _, tc := range tests {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s: got %#v, want %#v", tc.name, tc.got, tc.want)
		}
	}
	if _, ok := v.IntOK("learning_rate"); ok {
		t.Error("IntOK of a Float reports ok")
	}
	if x, ok := v.FloatOK("learning_rate"); !ok || x != 0.01 {
		t.Error("FloatOK failed")
	}
	if _, ok := v.StringOK("nope"); ok {
		t.Error("StringOK of an unknown name reports ok")
	}
}

func TestZeroValues(t *testing.T) {
	var z hparams.Values
	if z.Has("epochs") || z.Float("x") != 0 || z.Spec() != nil || len(z.Map()) != 0 || z.Changed() != nil {
		t.Error("the zero Values is not empty")
	}
	if _, err := z.With("epochs", 3); err == nil {
		t.Error("With on the zero Values succeeded")
	}
	if b, _ := z.MarshalJSON(); string(b) != "{}" {
		t.Errorf("zero Values JSON %s", b)
	}
}

func TestValuesImmutable(t *testing.T) {
	v := spec.Defaults()
	v.Ints("fnn_hidden")[0] = -1
	v.Get("fnn_hidden").([]int)[0] = -1
	v.Map()["fnn_hidden"].([]int)[0] = -1
	w, err := v.With("epochs", 20)
	if err != nil {
		t.Fatal(err)
	}
	if v.Int("epochs") != 10 || w.Int("epochs") != 20 || v.Ints("fnn_hidden")[0] != 64 {
		t.Errorf("Values changed: %v / %v", v, w)
	}
}

func TestWith(t *testing.T) {
	v := spec.Defaults()
	ok := []struct {
		name  string
		value any
		want  any
	}{
		{"learning_rate", float32(0.5), float64(float32(0.5))},
		{"learning_rate", 2, 2.0},
		{"learning_rate", "0.25", 0.25},
		{"epochs", int64(7), 7},
		{"epochs", 8.0, 8},
		{"epochs", uint8(9), 9},
		{"epochs", "1_0", 10},
		{"shuffle", false, false},
		{"shuffle", "false", false},
		{"optimizer", "sgd", "sgd"},
		{"fnn_hidden", []int64{3, 2}, []int{3, 2}},
		{"fnn_hidden", []any{4, 5.0}, []int{4, 5}},
		{"fnn_hidden", "6,7", []int{6, 7}},
	}
	for _, tc := range ok {
		w, err := v.With(tc.name, tc.value)
		if err != nil {
			t.Errorf("With(%s, %#v): %v", tc.name, tc.value, err)
			continue
		}
		if got := w.Get(tc.name); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("With(%s, %#v) = %#v, want %#v", tc.name, tc.value, got, tc.want)
		}
	}
	bad := []struct {
		name  string
		value any
		want  string
	}{
		{"epochs", 2.5, "epochs=2.5 is not a whole number"},
		{"epochs", 0, "epochs=0 is below its minimum 1"},
		{"learning_rate", true, "learning_rate=true is not a number"},
		{"learning_rate", inf(), "is not a finite number"},
		{"shuffle", 1, "shuffle=1 is not true or false"},
		{"optimizer", 3, "optimizer=3 is not a string; optimizer takes one of sgd | adam | adamw"},
		{"fnn_hidden", []string{"a"}, "is not a list of whole numbers"},
		{"fnn_hidden", 5, "is not a list of whole numbers"},
		{"epoch", 5, `did you mean "epochs"?`},
		{"epochs", uint64(1 << 63), "is not a whole number"},
	}
	for _, tc := range bad {
		_, err := v.With(tc.name, tc.value)
		wantErr(t, err, tc.want)
	}
}

func TestChangedMapFormat(t *testing.T) {
	v := mustParse(t, spec, "--epochs=3", "--fnn_hidden=", "--optimizer=sgd", "--optimizer=adam")
	if got := v.Changed(); !reflect.DeepEqual(got, []string{"epochs", "fnn_hidden"}) {
		t.Errorf("Changed = %q", got)
	}
	m := v.Map()
	if len(m) != 5 || m["epochs"] != 3 || !reflect.DeepEqual(m["fnn_hidden"], []int{}) {
		t.Errorf("Map = %v", m)
	}
	if s := strings.TrimSpace(fmtSprint(v)); s != `learning_rate=0.01 epochs=3 optimizer=adam fnn_hidden="" shuffle=true` {
		t.Errorf("printed %q", s)
	}
}

func TestGoMLXParams(t *testing.T) {
	s := hparams.NewBuilder().
		Int("initializers_seed", 42, "").
		Int("data_seed", 1, "").
		Int("seed", 2, "").
		Int("fnn_num_hidden_layers", 2, "").
		Float("learning_rate", 0.1, "").
		Ints("fnn_hidden", []int{3}, "").
		MustSpec()
	got := s.Defaults().GoMLXParams()
	want := map[string]any{
		"initializers_seed":     int64(42),
		"data_seed":             int64(1),
		"seed":                  2,
		"fnn_num_hidden_layers": 2,
		"learning_rate":         0.1,
		"fnn_hidden":            []int{3},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GoMLXParams = %#v, want %#v", got, want)
	}
}

func TestDecodeErrors(t *testing.T) {
	var c Config
	if err := mustParse(t, spec, "--epochs=3").Decode(&c); err != nil || c.Epochs != 3 || c.Optimizer != "adam" || len(c.Hidden) != 2 {
		t.Errorf("Decode: %v, %+v", err, c)
	}
	type wrongKind struct {
		Epochs string `hp:"epochs"`
		Other  int
	}
	err := spec.Defaults().Decode(&wrongKind{})
	wantErr(t, err, "field wrongKind.Epochs is a string field but epochs is an int hyperparameter", "other is not a hyperparameter")
	type small struct {
		Epochs int8 `hp:"epochs"`
	}
	wantErr(t, spec.Defaults().Decode(&small{}), "has type int8")
	wantErr(t, spec.Defaults().Decode(c), "needs a non-nil pointer to a struct")
}
