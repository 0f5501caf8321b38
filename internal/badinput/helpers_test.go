package badinput

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/runstore"
	"github.com/hyperlab-go/hyperlab/training"
)

// hyperlab is the hyperlab command, built when a case first runs it.
var hyperlab = testutil.NewCommand("hyperlab", "github.com/hyperlab-go/hyperlab/cmd/hyperlab")

func TestMain(m *testing.M) {
	code := m.Run()
	hyperlab.Remove()
	os.Exit(code)
}

// cli runs the hyperlab command in dir with extra environment variables
// (NAME=value) and returns what it wrote to stderr as an error when it
// exits with an error code. A Go panic exits with code 2 too: the runner
// tells them apart by the stack trace.
func cli(t *testing.T, dir string, env []string, args ...string) error {
	cmd := exec.Command(hyperlab.Path(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &exit) && (exit.ExitCode() == 1 || exit.ExitCode() == 2):
		return errors.New(strings.TrimSpace(stderr.String()))
	}
	return fmt.Errorf("hyperlab %s: %v: %s", strings.Join(args, " "), err, stderr.String())
}

// fixtures are the files the cases read, written once per test.
type fixtures struct {
	dir string
}

func newFixtures(t *testing.T) *fixtures {
	f := &fixtures{dir: t.TempDir()}
	for name, content := range map[string]string{
		"ragged.csv":     "a,b,label\n1,2,0\n3,1\n",
		"nonnum.csv":     "a,b,label\n1,2,0\n3,many,1\n",
		"empty.csv":      "",
		"badlabel.csv":   "a,b,label\n1,2,0\n3,4,-2\n",
		"onecol.csv":     "label\n0\n1\n",
		"good.csv":       "a,b,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n9,1,0\n2,2,1\n",
		"bad.json":       `{"learning_rate": 0.1,`,
		"badvalue.json":  `{"learning_rate": "fast"}`,
		"plainfile":      "x",
		"regression.csv": testutil.RegressionCSV(200),
	} {
		testutil.WriteFile(t, f.path(name), content)
	}
	if err := mkfifo(f.path("pipe.csv")); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixtures) path(name string) string { return filepath.Join(f.dir, name) }

// foreign returns the defaults of a user's Spec declaring the given
// name, value pairs, which training.Spec would have refused: Run must still
// refuse what cannot work.
func foreign(kv ...any) hparams.Values {
	b := hparams.NewBuilder()
	for i := 0; i < len(kv); i += 2 {
		name := kv[i].(string)
		switch x := kv[i+1].(type) {
		case string:
			b.String(name, x, "")
		case float64:
			b.Float(name, x, "")
		case int:
			b.Int(name, x, "")
		case []int:
			b.Ints(name, x, "")
		}
	}
	return b.MustSpec().Defaults()
}

// train runs training.Run on a small moons split.
func train(v hparams.Values, opts ...training.Option) error {
	data, err := datasets.Load("moons", datasets.Options{Size: 60, Seed: 1})
	if err != nil {
		return err
	}
	_, err = training.Run(context.Background(), v, data, opts...)
	return err
}

// damaged trains a small run into a store, damages its directory with f,
// and returns the note Load gives the run as the message. The fix for a
// damaged run is to train it again, and a re-run does so on its own:
// damaged checks that training the same values with the store replaces the
// damaged run with a complete one (no error, not read back).
func damaged(t *testing.T, f func(dir string)) error {
	s, err := runstore.Open(t.TempDir())
	if err != nil {
		return err
	}
	data, err := datasets.Load("moons", datasets.Options{Size: 60, Seed: 1})
	if err != nil {
		return err
	}
	v := testutil.With(t, training.Spec.Defaults(), "epochs", 3, "batch_size", 16)
	if _, err := training.Run(context.Background(), v, data, training.Store(s)); err != nil {
		return err
	}
	id := training.RunID(v, data)
	f(filepath.Join(s.Root(), id))
	run, err := s.Load(id)
	if err != nil || run.Complete {
		return err // nil when the damage went unnoticed: the case fails
	}
	var reused bool
	h, err := training.Run(context.Background(), v, data, training.Store(s), training.Reused(&reused))
	if err != nil {
		return err
	}
	again, err := s.Load(id)
	if reused || h.Status != history.Finished || err != nil || !again.Complete {
		t.Errorf("training again did not replace the damaged run: reused=%v, status %s, load error %v", reused, h.Status, err)
	}
	return errors.New("runstore: run " + id + " is " + run.Note)
}

func rewrite(path string, edit func([]byte) []byte) {
	data, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile(path, edit(data), 0o644); err != nil {
		panic(err)
	}
}
