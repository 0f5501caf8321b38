package hparams_test

import (
	"reflect"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

func TestBuilderEqualsTags(t *testing.T) {
	built := hparams.NewBuilder().
		Float("learning_rate", 0.01, "step size of the optimizer", hparams.Range(1e-5, 10), hparams.Log()).
		Int("epochs", 10, "passes over the training data", hparams.Min(1), hparams.Max(1000)).
		String("optimizer", "adam", "update rule", hparams.Choices("sgd", "adam", "adamw")).
		Ints("fnn_hidden", []int{64, 32}, "units per hidden layer", hparams.Min(1)).
		Bool("shuffle", true, "shuffle every epoch").
		MustSpec()
	if !reflect.DeepEqual(built, spec) || !built.Equal(spec) {
		t.Errorf("builder Spec differs from tag Spec:\n%+v\n%+v", built.Params(), spec.Params())
	}
	other := hparams.NewBuilder().Float("learning_rate", 0.02, "").MustSpec()
	if other.Equal(spec) {
		t.Error("different Specs compare Equal")
	}
}

func TestSpecOfFieldRules(t *testing.T) {
	type Embedded struct {
		DropoutRate float64 `min:"0" max:"1"`
	}
	type Cfg struct {
		Embedded
		L2Regularization float64
		NumHiddenLayers  int64 `default:"2"`
		Seed             int32
		Skipped          chan int `hp:"-"`
		private          int
	}
	s, err := hparams.SpecOf(&Cfg{L2Regularization: 0.5, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"dropout_rate", "l2_regularization", "num_hidden_layers", "seed"}
	if got := s.Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("names %q, want %q", got, want)
	}
	d := s.Defaults()
	if d.Float("l2_regularization") != 0.5 || d.Int("num_hidden_layers") != 2 || d.Int("seed") != 7 {
		t.Errorf("defaults from field values and tags wrong: %v", d)
	}
	var back Cfg
	if err := d.Decode(&back); err != nil {
		t.Fatal(err)
	}
	if back.L2Regularization != 0.5 || back.NumHiddenLayers != 2 || back.Seed != 7 {
		t.Errorf("Decode gave %+v", back)
	}
}

func TestDeclarationErrors(t *testing.T) {
	type dup struct {
		A float64 `hp:"x"`
		B float64 `hp:"x"`
	}
	type badMin struct {
		A float64 `min:"low"`
	}
	type badScale struct {
		A float64 `scale:"ln" min:"1"`
	}
	type badType struct {
		A map[string]int
	}
	type badDefault struct {
		LR float64 `hp:"learning_rate" default:"-1" min:"1e-5"`
	}
	type choicesOnInt struct {
		N int `choices:"1,2"`
	}
	tests := []struct {
		name  string
		cfg   any
		wants []string
	}{
		{"duplicate", dup{}, []string{"x is declared twice", "field dup.A and field dup.B"}},
		{"tag syntax", withTag("A", reflect.TypeFor[float64](), `hp:x`), []string{"malformed tag", `hp:x`}},
		{"min not a number", badMin{}, []string{`min:"low" is not a number`}},
		{"scale", badScale{}, []string{`scale:"ln"`, `"log" or "linear"`}},
		{"type", badType{}, []string{"field badType.A has type map[string]int", `hp:"-"`}},
		{"default out of range", badDefault{}, []string{"the default learning_rate=-1", "is below its minimum 1e-05"}},
		{"choices on int", choicesOnInt{}, []string{"n", "choices apply to strings only"}},
		{"not a struct", 3, []string{"needs a struct"}},
		{"nil pointer", (*Config)(nil), []string{"needs a struct"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := hparams.SpecOf(tc.cfg)
			wantErr(t, err, tc.wants...)
		})
	}
}

func TestBuilderErrors(t *testing.T) {
	tests := []struct {
		name  string
		b     *hparams.Builder
		wants []string
	}{
		{"bad name", hparams.NewBuilder().Float("9lives", 1, ""), []string{`"9lives"`, "not a valid hyperparameter name"}},
		{"reserved", hparams.NewBuilder().String("set", "", ""), []string{`"set" is reserved`}},
		{"min above max", hparams.NewBuilder().Float("x", 1, "", hparams.Range(2, 1)), []string{"minimum 2 above its maximum 1"}},
		{"log needs positive min", hparams.NewBuilder().Float("x", 1, "", hparams.Min(0), hparams.Log()), []string{"log scale", "above 0, not 0"}},
		{"range on bool", hparams.NewBuilder().Bool("b", true, "", hparams.Max(1)), []string{"b is a bool", "do not apply"}},
		{"default not a choice", hparams.NewBuilder().String("optimizer", "adm", "", hparams.Choices("sgd", "adam")), []string{`the default optimizer="adm"`, `did you mean "adam"`}},
		{"ints default element", hparams.NewBuilder().Ints("h", []int{8, 0}, "", hparams.Min(1)), []string{"the default h=8,0 has 0, which is below its minimum 1"}},
		{"duplicate choice", hparams.NewBuilder().String("s", "a", "", hparams.Choices("a", "a")), []string{`lists the choice "a" twice`}},
		{"duplicate", hparams.NewBuilder().Int("n", 1, "").Int("n", 2, ""), []string{"n is declared twice"}},
		{"infinite bound", hparams.NewBuilder().Float("x", 1, "", hparams.Max(inf())), []string{"bounds must be finite"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.b.Spec()
			wantErr(t, err, tc.wants...)
		})
	}
	// Several problems come back together.
	_, err := hparams.NewBuilder().Float("a", -1, "", hparams.Min(0)).Int("a", 1, "").String("set", "", "").Spec()
	if errs := wantErr(t, err); len(errs) != 2 {
		t.Errorf("got %d problems, want 2 (the duplicate is only found once a is valid): %v", len(errs), err)
	}
}

func TestParamsAreCopies(t *testing.T) {
	ps := spec.Params()
	*ps[0].Min = 100
	ps[1].Default = 99
	ps[2].Choices[0] = "evil"
	ps[3].Default.([]int)[0] = -5
	p, _ := spec.Lookup("learning_rate")
	if *p.Min != 1e-5 {
		t.Error("changing Params() changed the Spec")
	}
	d := spec.Defaults()
	if d.Int("epochs") != 10 || d.Ints("fnn_hidden")[0] != 64 {
		t.Error("changing Params() changed the defaults")
	}
	if _, err := d.With("optimizer", "evil"); err == nil {
		t.Error("changing Params() changed the choices")
	}
}

// withTag makes a struct value whose one field has a tag that go vet would
// reject in source.
func withTag(field string, typ reflect.Type, tag string) any {
	t := reflect.StructOf([]reflect.StructField{{Name: field, Type: typ, Tag: reflect.StructTag(tag)}})
	return reflect.New(t).Elem().Interface()
}
