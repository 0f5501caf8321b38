package notebooks

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// scripts/trust-notebooks.sh (what `make notebooks` runs) signs notebooks
// so that Jupyter trusts them, on Debian's Jupyter too, which has no
// `jupyter trust` command.
func TestTrustScriptSigns(t *testing.T) {
	_, missing := JupyterEnv()
	testutil.Require(t, missing, SetupHint)
	data := t.TempDir() // a signature database of its own, not the user's
	nb := filepath.Join(t.TempDir(), "copy.ipynb")
	src, err := os.ReadFile("00-hyperparameters.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(nb, src, 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "JUPYTER_DATA_DIR="+data)
	sign := exec.Command("bash", "../scripts/trust-notebooks.sh", nb)
	sign.Env = env
	if out, err := sign.CombinedOutput(); err != nil {
		t.Fatalf("trust-notebooks.sh: %v\n%s", err, out)
	}
	jupyter, err := exec.LookPath("jupyter")
	if err != nil {
		t.Fatal(err)
	}
	head, _ := os.ReadFile(jupyter)
	python := strings.Fields(strings.TrimPrefix(strings.SplitN(string(head), "\n", 2)[0], "#!"))[0]
	check := exec.Command(python, "-c", `import sys, nbformat
from nbformat.sign import NotebookNotary
print(NotebookNotary().check_signature(nbformat.read(sys.argv[1], 4)))`, nb)
	check.Env = env
	out, err := check.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "True") {
		t.Errorf("the signed copy is not trusted: %v %s", err, out)
	}
}
