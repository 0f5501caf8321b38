package hparams_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// The run store keys runs by Hash: if this test fails, stored runs would no
// longer be found. Change the golden values only on purpose.
func TestHashGolden(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "0be7f30251af"},
		{[]string{"--learning_rate=0.3", "--epochs=7"}, "9c69ee53101e"},
	}
	// The documented format, spelled out: sorted name=kind:value lines.
	canonical := "epochs=int:10\nfnn_hidden=ints:[64,32]\nlearning_rate=float:0.01\noptimizer=string:\"adam\"\nshuffle=bool:true\n"
	sum := sha256.Sum256([]byte(canonical))
	if got := hex.EncodeToString(sum[:])[:hparams.HashLen]; got != tests[0].want {
		t.Errorf("documented format hashes to %s, want %s", got, tests[0].want)
	}
	for _, tc := range tests {
		if got := mustParse(t, spec, tc.args...).Hash(); got != tc.want {
			t.Errorf("Hash after %q = %s, want %s", tc.args, got, tc.want)
		}
	}
}

func TestHashIgnoresOrderHelpAndConstraints(t *testing.T) {
	reordered := hparams.NewBuilder().
		Bool("shuffle", true, "other help").
		Ints("fnn_hidden", []int{64, 32}, "").
		String("optimizer", "adam", "").
		Int("epochs", 10, "").
		Float("learning_rate", 0.01, "").
		MustSpec()
	if got, want := reordered.Defaults().Hash(), spec.Defaults().Hash(); got != want {
		t.Errorf("hash depends on declaration order: %s vs %s", got, want)
	}
	if len(spec.Defaults().Hash()) != hparams.HashLen {
		t.Error("wrong hash length")
	}
}

func TestHashDistinguishes(t *testing.T) {
	seen := map[string][]string{}
	argLists := [][]string{
		nil,
		{"--epochs=11"},
		{"--learning_rate=0.010000000000000002"},
		{"--fnn_hidden=64"},
		{"--fnn_hidden="},
		{"--fnn_hidden=6,432"},
		{"--optimizer=sgd"},
		{"--shuffle=false"},
	}
	for _, args := range argLists {
		h := mustParse(t, spec, args...).Hash()
		if prev, dup := seen[h]; dup {
			t.Errorf("%q and %q have the same hash %s", prev, args, h)
		}
		seen[h] = args
	}
	// A string value cannot imitate another pair.
	s := hparams.NewBuilder().String("a", "", "").String("b", "", "").MustSpec()
	v1, _ := s.Defaults().With("a", "x\nb=string:\"\"")
	v2, _ := s.Defaults().With("a", "x")
	if v1.Hash() == v2.Hash() {
		t.Error("string values are not quoted in the hash")
	}
}
