package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/lab"
	"github.com/hyperlab-go/hyperlab/runstore"
	"github.com/hyperlab-go/hyperlab/training"
)

// moonsStore opens the store the CLI keeps moons runs in under the root
// given to --runs: lab's folder for the data options (size 0: the default).
func moonsStore(t *testing.T, root string, size int) *runstore.Store {
	t.Helper()
	over := map[string]float64{}
	if size > 0 {
		over[datasets.ParamSize] = float64(size)
	}
	o := lab.DataOptions("moons", hparams.Values{}, over)
	s, err := runstore.Open(filepath.Join(root, lab.DataKey("moons", o)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestOneSetUpWithLab trains the same Values on moons from a notebook's
// lab.TrainErr and from `hyperlab train`, pointed at one run-store root:
// both get the same run ID, and whichever comes second reads the run back
// instead of training it again.
func TestOneSetUpWithLab(t *testing.T) {
	if testing.Short() {
		t.Skip("trains models")
	}
	v, err := training.Spec.Defaults().With(training.ParamEpochs, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, labFirst := range []bool{true, false} {
		root := t.TempDir()
		labTrain := func() (*lab.Run, string) {
			r, err := lab.TrainErr(context.Background(), v, "moons", lab.Runs(root), lab.Quiet())
			if err != nil {
				t.Fatalf("lab.TrainErr: %v", err)
			}
			return r, training.RunID(r.Values, r.Data)
		}
		cliTrain := func() string {
			code, stdout, stderr := runCLI(t, "train", "--epochs=2", "--runs", root)
			if code != exitOK {
				t.Fatalf("hyperlab train: exit %d: %s", code, stderr)
			}
			return stdout
		}
		var r *lab.Run
		var id, out string
		if labFirst {
			r, id = labTrain()
			out = cliTrain()
			if !strings.Contains(out, "run "+id+", read back from the run store.") {
				t.Errorf("lab first: the CLI did not read back run %s:\n%s", id, out)
			}
			if r.Reused {
				t.Errorf("lab first: lab's run was read back from an empty store")
			}
		} else {
			out = cliTrain()
			r, id = labTrain()
			if !strings.Contains(out, "run "+id+".") {
				t.Errorf("CLI first: the CLI's run ID is not lab's %s:\n%s", id, out)
			}
			if !r.Reused {
				t.Errorf("CLI first: lab trained run %s again instead of reading it back", id)
			}
		}
	}
}

// TestReportOnARootOfSeveralDatasets: train writes each dataset to its own
// folder under --runs; report over such a root asks which one, naming
// them, and reports on the folder it is given.
func TestReportOnARootOfSeveralDatasets(t *testing.T) {
	if testing.Short() {
		t.Skip("trains models")
	}
	root := t.TempDir()
	for _, ds := range []string{"moons", "circles"} {
		if code, _, stderr := runCLI(t, "train", "--epochs=1", "--dataset="+ds, "--runs", root); code != exitOK {
			t.Fatalf("train %s: exit %d: %s", ds, code, stderr)
		}
	}
	code, _, stderr := runCLI(t, "report", "--runs", root, "--out", filepath.Join(t.TempDir(), "r.html"))
	if code != exitUsage || !strings.Contains(stderr, "holds the runs of 2 datasets") || !strings.Contains(stderr, "moons_n1000") {
		t.Errorf("report over two datasets: exit %d, %q; want a usage error naming the folders", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "report", "--runs", moonsStore(t, root, 0).Root(), "--out", filepath.Join(t.TempDir(), "r.html"))
	if code != exitOK || !strings.Contains(stdout, "1 complete runs") {
		t.Errorf("report over the moons folder: exit %d, %s%s", code, stdout, stderr)
	}
}
