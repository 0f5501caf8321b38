package hparams_test

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{0.01, "0.01"}, {1e-05, "1e-05"}, {0.30000000000000004, "0.30000000000000004"}, {float32(0.1), "0.1"},
		{10, "10"}, {int64(-4), "-4"}, {uint8(7), "7"},
		// Whole numbers as digits, also as the float64 JSON gives back.
		{123456789, "123456789"}, {123456789.0, "123456789"}, {1e6, "1000000"},
		// Integers exactly, past 2^53 where float64 is not exact.
		{1 << 53, "9007199254740992"}, {1<<53 + 1, "9007199254740993"},
		{json.Number("9007199254740993"), "9007199254740993"},
		{float64(1 << 53), "9007199254740992"}, {1e300, "1e+300"},
		{math.Copysign(0, -1), "0"}, {0.0, "0"}, {-2.5, "-2.5"},
		{math.NaN(), "NaN"}, {math.Inf(-1), "-Inf"},
		{true, "true"}, {"adam", "adam"}, {"", `""`},
		// Lists in the flag syntax, live or read back from JSON.
		{[]int{8, 8}, "8,8"}, {[]any{64.0, 32.0}, "64,32"}, {[]int64{1, 2}, "1,2"}, {[]int{}, `""`},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := hparams.Format(tt.v); got != tt.want {
			t.Errorf("Format(%#v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestFormatAgreesAcrossJSON(t *testing.T) {
	// Values read back from a run store's JSON print like live ones.
	s := hparams.NewBuilder().Int("seed", 1, "").Ints("hidden", nil, "").Float("lr", 0.1, "").MustSpec()
	v := mustParse(t, s, "--seed=123456789", "--hidden=8,8", "--lr=1e-05")
	data, err := json.Marshal(v.Map())
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	for name, live := range v.Map() {
		if a, b := hparams.Format(live), hparams.Format(back[name]); a != b {
			t.Errorf("%s: live %q, from JSON %q", name, a, b)
		}
	}
}

func TestFormatParsesBack(t *testing.T) {
	// What Format writes is what a user types: it parses to the same value.
	v := mustParse(t, spec, "--learning_rate=0.000123", "--epochs=999", "--fnn_hidden=3,2,1", "--optimizer=sgd")
	var args []string
	for _, p := range spec.Params() {
		args = append(args, "--"+p.Name+"="+hparams.Format(v.Get(p.Name)))
	}
	back := mustParse(t, spec, args...)
	if back.Hash() != v.Hash() {
		t.Errorf("%v parsed back as %v", v, back)
	}
}

func TestHashNegativeZero(t *testing.T) {
	s := hparams.NewBuilder().Float("momentum", 0.5, "").MustSpec()
	zero, err := s.Defaults().With("momentum", 0.0)
	if err != nil {
		t.Fatal(err)
	}
	negZero, err := s.Defaults().With("momentum", math.Copysign(0, -1))
	if err != nil {
		t.Fatal(err)
	}
	fromText := mustParse(t, s, "--momentum=-0")
	if zero.Hash() != negZero.Hash() || zero.Hash() != fromText.Hash() {
		t.Errorf("0, -0 and --momentum=-0 hash to %s, %s, %s; want one run ID", zero.Hash(), negZero.Hash(), fromText.Hash())
	}
	if other, _ := s.Defaults().With("momentum", 1e-300); other.Hash() == zero.Hash() {
		t.Error("a tiny non-zero value hashes like 0")
	}
}

func TestDiffering(t *testing.T) {
	a := map[string]any{"learning_rate": 0.1, "epochs": 10, "hidden": []int{8, 8}, "seed": 1}
	b := map[string]any{"learning_rate": 0.2, "epochs": 10.0, "hidden": []any{8.0, 8.0}}
	c := map[string]any{"learning_rate": 0.1, "epochs": 10, "hidden": []int{8, 8}, "seed": 1}
	if got, want := fmt.Sprint(hparams.Differing(a, b, c)), "[learning_rate seed]"; got != want {
		t.Errorf("Differing = %s, want %s (a missing seed differs; 10 and 10.0 agree)", got, want)
	}
	if got := hparams.Differing(a, c); len(got) != 0 {
		t.Errorf("Differing of equal maps = %v, want none", got)
	}
	if got := hparams.Differing(); len(got) != 0 {
		t.Errorf("Differing() = %v, want none", got)
	}
	if got := hparams.Differing(a); len(got) != 0 {
		t.Errorf("Differing of one map = %v, want none", got)
	}
}

func ExampleFormat() {
	fmt.Println(hparams.Format(0.001), hparams.Format([]int{64, 32}), hparams.Format(123456789.0), hparams.Format(""))
	// Output: 0.001 64,32 123456789 ""
}

func ExampleDiffering() {
	runs := []map[string]any{
		{"learning_rate": 0.1, "batch_size": 32, "optimizer": "adam"},
		{"learning_rate": 0.01, "batch_size": 32, "optimizer": "sgd"},
	}
	for _, run := range runs {
		var parts []string
		for _, name := range hparams.Differing(runs...) {
			parts = append(parts, name+"="+hparams.Format(run[name]))
		}
		fmt.Println(strings.Join(parts, " "))
	}
	// Output:
	// learning_rate=0.1 optimizer=adam
	// learning_rate=0.01 optimizer=sgd
}

func TestLargeSeedsStayExact(t *testing.T) {
	// 2^53 and 2^53+1 are one float64 but two seeds: the table, the
	// "name=value" text and the run ID tell them apart.
	s := hparams.NewBuilder().Int("seed", 1, "").MustSpec()
	a := mustParse(t, s, "--seed=9007199254740992")
	b := mustParse(t, s, "--seed=9007199254740993")
	c, err := s.ParseJSON([]byte(`{"seed": 9007199254740993}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(b); got != "seed=9007199254740993" {
		t.Errorf("Values print %q", got)
	}
	if a.Table().Rows[0].Value == b.Table().Rows[0].Value || a.Hash() == b.Hash() {
		t.Errorf("2^53 and 2^53+1 look alike: %v / %v", a, b)
	}
	if c.Hash() != b.Hash() {
		t.Errorf("the seed from JSON %v differs from the flag's %v", c, b)
	}
}

func TestNumberReadsJSONNumbers(t *testing.T) {
	// JSON decoded with UseNumber gives json.Number: still a number.
	if f, ok := hparams.Number(json.Number("2.5")); !ok || f != 2.5 {
		t.Errorf("Number(json.Number(2.5)) = %v, %v", f, ok)
	}
	if _, ok := hparams.Number(json.Number("x")); ok {
		t.Error("Number of a malformed json.Number reports ok")
	}
}
