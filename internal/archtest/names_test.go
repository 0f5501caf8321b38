package archtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nameExempt are the directories the check skips: the packages below
// training and datasets in the import order cannot import their constants
// (plotting's "loss" axis and "learning_rate" metric are chart words).
var nameExempt = []string{"hparams", "history", "runstore", "plotting", "internal"}

// No hyperparameter name is spelt as a bare string in non-test Go code:
// code uses training.Param... and datasets.Param..., as GoMLX code uses
// optimizers.ParamLearningRate. Declarations (struct tags, params.go)
// are the exception.
func TestNoBareHyperparameterNames(t *testing.T) {
	root := filepath.Join("..", "..")
	names, err := ParamNames(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 30 {
		t.Fatalf("found %d Param constants under %s; expected training's and datasets'", len(names), root)
	}
	bare, err := BareNames(root, names, nameExempt)
	if err != nil {
		t.Fatal(err)
	}
	if len(bare) > 0 {
		var b strings.Builder
		for _, x := range bare {
			b.WriteString("\n\t" + x.String())
		}
		t.Errorf("%d bare hyperparameter names in non-test code:%s", len(bare), b.String())
	}
}

// The check finds a bare name and passes over tags, tests and params.go.
func TestBareNamesFinds(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("p/params.go", "package p\nconst ParamEpochs = \"epochs\"\n")
	write("p/use.go", "package p\ntype C struct{ E int `hp:\"epochs\"` }\nvar x = \"epochs\"\nvar c = Choice{\"epochs\", \"\"}\nvar r = \"epochs\" // "+NotAName+"\n")
	write("p/use_test.go", "package p\nvar y = \"epochs\"\n")
	write("skip/z.go", "package skip\nvar z = \"epochs\"\n")
	names, err := ParamNames(dir)
	if err != nil || len(names) != 1 || names[0].Constant != "p.ParamEpochs" {
		t.Fatalf("ParamNames = %v, %v", names, err)
	}
	bare, err := BareNames(dir, names, []string{"skip"})
	if err != nil {
		t.Fatal(err)
	}
	if len(bare) != 1 || bare[0].String() != `p/use.go:3: "epochs"; use p.ParamEpochs` {
		t.Errorf("BareNames = %v, want the one in p/use.go:3", bare)
	}
}
