package training

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// docs/hyperparameters.md is Reference's output: regenerate it with
// go generate ./training (go test -run TestReferenceFile -update).
func TestReferenceFile(t *testing.T) {
	path := filepath.Join("..", "docs", "hyperparameters.md")
	got := Reference()
	if testutil.Updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("%s is stale; run go generate ./training", path)
	}
}

// Every name training knows, every registered choice and every GoMLX
// counterpart appears in the reference.
func TestReferenceComplete(t *testing.T) {
	ref := Reference()
	for _, name := range KnownNames() {
		if !strings.Contains(ref, "| `"+name+"` |") {
			t.Errorf("reference lacks %s", name)
		}
	}
	for _, param := range []string{ParamOptimizer, ParamActivation, ParamLoss, ParamLRSchedule} {
		for _, c := range Choices(param) {
			if c.Help == "" || !strings.Contains(ref, "| `"+c.Name+"` | ") {
				t.Errorf("reference lacks %s=%s or its help", param, c.Name)
			}
		}
	}
	for name := range gomlxCounterparts {
		if _, ok := Spec.Lookup(name); !ok {
			t.Errorf("gomlxCounterparts names %s, which Spec does not declare", name)
		}
	}
	for _, name := range dataParams {
		if dataHelp[name] == "" {
			t.Errorf("no help for %s", name)
		}
	}
}
