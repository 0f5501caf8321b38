package hparams_test

import (
	"math"
	"reflect"
	"sort"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

func TestGrid(t *testing.T) {
	axes := map[string][]any{
		"optimizer":     {"sgd", "adam"},
		"epochs":        {5, "6", 7.0},
		"learning_rate": {0.1},
	}
	if n := hparams.GridSize(axes); n != 6 {
		t.Fatalf("GridSize = %d", n)
	}
	base := mustParse(t, spec, "--shuffle=false")
	trials, err := spec.Grid(base, axes)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range trials {
		if v.Bool("shuffle") || v.Float("learning_rate") != 0.1 {
			t.Errorf("trial lost its base or axis: %v", v)
		}
		got = append(got, v.String("optimizer")+string(rune('0'+v.Int("epochs"))))
	}
	// Sorted axis names: epochs, learning_rate, optimizer (the last varies fastest).
	want := []string{"sgd5", "adam5", "sgd6", "adam6", "sgd7", "adam7"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
	if trials, err := spec.Grid(hparams.Values{}, nil); err != nil || len(trials) != 1 || !trials[0].Equal(spec.Defaults()) {
		t.Errorf("empty grid: %v, %v", trials, err)
	}
}

func TestGridErrors(t *testing.T) {
	_, err := spec.Grid(spec.Defaults(), map[string][]any{
		"epochs":        {0, 3, "x"},
		"optimiser":     {"sgd"},
		"shuffle":       {},
		"learning_rate": {-1.0},
	})
	errs := wantErr(t, err, "epochs=0 is below its minimum 1", `epochs="x" is not a whole number`,
		`unknown hyperparameter "optimiser" in the grid; did you mean "optimizer"?`,
		"the grid axis shuffle has no values", "learning_rate=-1 is below its minimum 1e-05")
	if len(errs) != 5 {
		t.Errorf("got %d problems, want 5: %v", len(errs), err)
	}
	other := hparams.NewBuilder().Int("epochs", 1, "").MustSpec()
	_, err = spec.Grid(other.Defaults(), nil)
	wantErr(t, err, "belong to another Spec")
	many := map[string][]any{}
	for _, name := range []string{"learning_rate", "epochs", "optimizer", "fnn_hidden", "shuffle"} {
		many[name] = make([]any, 20)
		for i := range many[name] {
			many[name][i] = spec.Defaults().Get(name)
		}
	}
	_, err = spec.Grid(spec.Defaults(), many)
	wantErr(t, err, "the grid has 3200000 combinations, more than 1048576")
	huge := map[string][]any{}
	for i := range 70 {
		huge[string(rune('A'+i))] = make([]any, 2)
	}
	if n := hparams.GridSize(huge); n != math.MaxInt {
		t.Errorf("overflowing GridSize = %d", n)
	}
}

func TestRandom(t *testing.T) {
	s := hparams.NewBuilder().
		Float("learning_rate", 0.01, "", hparams.Range(1e-4, 1), hparams.Log()).
		Float("dropout_rate", 0, "", hparams.Range(0, 0.5)).
		Int("batch_size", 32, "", hparams.Range(8, 512), hparams.Log()).
		Int("epochs", 2, "", hparams.Range(1, 3)).
		String("optimizer", "adam", "", hparams.Choices("sgd", "adam", "adamw")).
		Bool("shuffle", true, "").
		Float("momentum", 0.9, "", hparams.Min(0)).
		MustSpec()
	const n = 2000
	trials, err := s.Random(s.Defaults(), n, 7)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := s.Random(hparams.Values{}, n, 7)
	other, _ := s.Random(s.Defaults(), n, 8)
	var logLR, dropout []float64
	epochs := map[int]int{}
	opts := map[string]int{}
	for i, v := range trials {
		if !v.Equal(again[i]) {
			t.Fatal("same seed, different samples")
		}
		if _, err := s.ParseJSON(mustJSON(t, v)); err != nil {
			t.Fatalf("sample %v is invalid: %v", v, err)
		}
		if !v.Bool("shuffle") || v.Float("momentum") != 0.9 {
			t.Fatalf("unnamed Bool or unbounded Float was sampled: %v", v)
		}
		logLR = append(logLR, math.Log10(v.Float("learning_rate")))
		dropout = append(dropout, v.Float("dropout_rate"))
		epochs[v.Int("epochs")]++
		opts[v.String("optimizer")]++
	}
	if trials[0].Equal(other[0]) {
		t.Error("different seeds gave the same first sample")
	}
	// Log-uniform on [1e-4, 1]: log10 is uniform on [-4, 0], median near -2.
	if m := median(logLR); m < -2.2 || m > -1.8 {
		t.Errorf("median log10(learning_rate) = %.2f, want about -2 (log-uniform)", m)
	}
	if m := median(dropout); m < 0.22 || m > 0.28 {
		t.Errorf("median dropout = %.3f, want about 0.25 (uniform)", m)
	}
	for _, k := range []int{1, 2, 3} {
		if epochs[k] < n/4 {
			t.Errorf("epochs=%d drawn %d times of %d", k, epochs[k], n)
		}
	}
	if len(epochs) != 3 || len(opts) != 3 {
		t.Errorf("epochs %v, optimizers %v", epochs, opts)
	}
	bools, err := s.Random(s.Defaults(), 200, 1, "shuffle")
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	for _, v := range bools {
		if v.Bool("shuffle") {
			count++
		}
		if v.Float("learning_rate") != 0.01 {
			t.Fatal("an unnamed hyperparameter was sampled")
		}
	}
	if count < 60 || count > 140 {
		t.Errorf("shuffle true %d of 200", count)
	}
}

func TestRandomExtremeRanges(t *testing.T) {
	s := hparams.NewBuilder().
		Float("wide", 0, "", hparams.Range(-math.MaxFloat64, math.MaxFloat64)).
		Float("tiny", 1e-300, "", hparams.Range(1e-300, 1e300), hparams.Log()).
		Int("big", 0, "", hparams.Range(-1e30, 1e30)).
		Int("point", 5, "", hparams.Range(5, 5), hparams.Log()).
		MustSpec()
	trials, err := s.Random(s.Defaults(), 500, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range trials {
		if _, err := s.ParseJSON(mustJSON(t, v)); err != nil {
			t.Fatalf("invalid sample %v: %v", v, err)
		}
		if v.Int("point") != 5 {
			t.Fatalf("point = %d", v.Int("point"))
		}
	}
}

func TestRandomErrors(t *testing.T) {
	_, err := spec.Random(spec.Defaults(), 3, 1, "fnn_hidden", "nope", "learning_rate")
	errs := wantErr(t, err, "fnn_hidden cannot be sampled: it is a list", `unknown hyperparameter "nope"`)
	if len(errs) != 2 {
		t.Errorf("got %d problems: %v", len(errs), err)
	}
	s := hparams.NewBuilder().Float("momentum", 0.9, "", hparams.Min(0)).String("act", "relu", "").Int("n", 1, "", hparams.Range(1.2, 1.8), hparams.Min(0.5)).MustSpec()
	_, err = s.Random(s.Defaults(), 3, 1, "momentum", "act")
	wantErr(t, err, "momentum cannot be sampled: it needs both a minimum and a maximum", "act cannot be sampled: it is a string without choices")
	_, err = spec.Random(spec.Defaults(), -1, 1)
	wantErr(t, err, "not -1")
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func mustJSON(t *testing.T, v hparams.Values) []byte {
	t.Helper()
	b, err := v.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}
