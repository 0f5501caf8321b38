package lab

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
)

type config struct {
	LearningRate float64 `hp:"learning_rate" default:"0.01" min:"1e-5" max:"10" scale:"log" help:"step size of the optimizer"`
	Epochs       int     `hp:"epochs" default:"10" min:"1" help:"passes over the training set"`
	Optimizer    string  `hp:"optimizer" default:"adam" choices:"sgd,adam" help:"update rule <script>alert(1)</script>"`
}

// exited is what the replaced exit panics with, so a test sees where the program would have ended.
type exited int

// cell runs f as a notebook cell would, with fs parsed from args, and returns
// what it printed to stdout and stderr, the HTML it displayed, and its exit
// status (-1 if it did not exit).
func cell(t *testing.T, notebook bool, fs *flag.FlagSet, args []string, f func()) (out, errOut, html string, status int) {
	t.Helper()
	var o, e, h bytes.Buffer
	oldOut, oldErr, oldExit := stdout, stderr, exit
	t.Cleanup(func() { stdout, stderr, exit = oldOut, oldErr, oldExit })
	t.Cleanup(plotting.Capture(notebook, func(b plotting.Bundle) { h.WriteString(b.HTML) }))
	stdout, stderr = &o, &e
	exit = func(code int) { panic(exited(code)) }
	status = -1
	func() {
		defer func() {
			if r := recover(); r != nil {
				code, ok := r.(exited)
				if !ok {
					panic(r)
				}
				status = int(code)
			}
		}()
		if fs != nil {
			if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
				exit(0) // what flag.ExitOnError does
			} else if err != nil {
				exit(2)
			}
		}
		f()
	}()
	return o.String(), e.String(), h.String(), status
}

func newFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("cell", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func TestShowHighlightsBothOverrideSyntaxes(t *testing.T) {
	fs := newFlagSet()
	hp := DeclareOn(fs, config{})
	var v hparams.Values
	_, errOut, html, status := cell(t, true, fs, []string{"--learning_rate=0.3", `--set=epochs=7`}, func() { v = hp.Show() })
	if status != -1 || errOut != "" {
		t.Fatalf("Show exited %d with %q", status, errOut)
	}
	if got := strings.Join(v.Changed(), ","); got != "learning_rate,epochs" {
		t.Errorf("Changed = %s, want learning_rate,epochs", got)
	}
	for _, want := range []string{
		`<tr class="hp-changed"><td>learning_rate</td><td><b>0.3</b></td>`,
		`<tr class="hp-changed"><td>epochs</td><td><b>7</b></td>`,
		`<tr><td>optimizer</td><td>adam</td>`,
		`&lt;script&gt;`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("displayed HTML lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<script>") {
		t.Errorf("displayed HTML contains an unescaped <script>:\n%s", html)
	}
}

func TestShowPrintsTextOutsideNotebooks(t *testing.T) {
	fs := newFlagSet()
	hp := DeclareOn(fs, config{})
	out, _, html, _ := cell(t, false, fs, []string{"--epochs=3"}, func() { hp.Show() })
	if html != "" {
		t.Errorf("displayed HTML outside a notebook: %q", html)
	}
	if !strings.Contains(out, "* epochs") || strings.Contains(out, "* learning_rate") {
		t.Errorf("text table should mark epochs only:\n%s", out)
	}
}

func TestMistakesEndTheCellWithOneSentence(t *testing.T) {
	for _, tc := range []struct {
		name       string
		args       []string
		want       string
		wantStatus int
	}{
		{"below minimum", []string{"--learning_rate=-1"}, "hparams: learning_rate=-1 is below its minimum 1e-05", 1},
		{"not a number", []string{"--set=epochs=many"}, "epochs", 1},
		{"unknown name in --set", []string{"--set=epoch=3"}, `did you mean "epochs"?`, 1},
		{"unknown flag", []string{"--learning_rat=0.3"}, `did you mean "learning_rate"?`, 1},
		{"not a choice", []string{"--optimizer=adm"}, `did you mean "adam"?`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// ExitOnError, as GoNB's flag.CommandLine: the flag package
			// itself ends the program on a misspelt flag.
			fs := flag.NewFlagSet("cell", flag.ExitOnError)
			hp := DeclareOn(fs, config{})
			out, errOut, html, status := cell(t, true, fs, tc.args, func() { hp.Show() })
			if status != tc.wantStatus {
				t.Errorf("exit status = %d, want %d", status, tc.wantStatus)
			}
			if out != "" || html != "" {
				t.Errorf("a failed cell displayed %q / %q", out, html)
			}
			msg := strings.TrimSpace(errOut)
			if strings.Count(msg, "\n") != 0 || !strings.Contains(msg, tc.want) {
				t.Errorf("stderr = %q, want one line containing %q", errOut, tc.want)
			}
		})
	}
}

// %% --help is an ordinary output, not an error: the table of the declared
// hyperparameters (HTML in a notebook, text elsewhere) and where the full
// reference is; nothing on stderr, status 0.
func TestHelpListsTheHyperparameters(t *testing.T) {
	for _, notebook := range []bool{true, false} {
		fs := newFlagSet()
		DeclareOn(fs, config{})
		out, errOut, html, status := cell(t, notebook, fs, []string{"-help"}, func() {})
		shown := out
		if notebook {
			shown = html
			if !strings.Contains(html, "<table") {
				t.Errorf("notebook -help is not an HTML table:\n%s", html)
			}
		}
		if status != 0 || errOut != "" || !strings.Contains(shown, "learning_rate") || !strings.Contains(shown, "step size of the optimizer") ||
			!strings.Contains(shown, "docs/hyperparameters.md") {
			t.Errorf("-help (notebook %v): status %d, stderr %q, shown:\n%s", notebook, status, errOut, shown)
		}
	}
}

func TestDeclarationMistakes(t *testing.T) {
	type badDefault struct {
		Rate float64 `hp:"rate" default:"20" max:"10"`
	}
	for _, tc := range []struct {
		name string
		decl any
		want string
	}{
		{"default outside its range", badDefault{}, "rate"},
		{"nil", nil, "lab: Declare needs a tagged struct"},
		{"not a struct", 42, "hparams: "},
		{"builder with a duplicate", hparams.NewBuilder().Int("epochs", 1, "").Int("epochs", 2, ""), "epochs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, _, status := cell(t, true, nil, nil, func() { DeclareOn(newFlagSet(), tc.decl) })
			if status != 1 || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "goroutine") {
				t.Errorf("status %d, stderr %q; want status 1 and a sentence containing %q", status, errOut, tc.want)
			}
		})
	}
}

func TestBuilderAndStructDeclareTheSameTable(t *testing.T) {
	b := hparams.NewBuilder().
		Float("learning_rate", 0.01, "step size of the optimizer", hparams.Min(1e-5), hparams.Max(10), hparams.Log()).
		Int("epochs", 10, "passes over the training set", hparams.Min(1)).
		String("optimizer", "adam", "update rule <script>alert(1)</script>", hparams.Choices("sgd", "adam"))
	args := []string{"--learning_rate=0.3", "--set=epochs=7"}
	var fromStruct, fromBuilder string
	fs1, fs2 := newFlagSet(), newFlagSet()
	h1, h2 := DeclareOn(fs1, config{}), DeclareOn(fs2, b)
	fromStruct, _, _, _ = cell(t, false, fs1, args, func() { h1.Show() })
	fromBuilder, _, _, _ = cell(t, false, fs2, args, func() { h2.Show() })
	if fromStruct != fromBuilder || fromStruct == "" {
		t.Errorf("struct form:\n%s\nbuilder form:\n%s", fromStruct, fromBuilder)
	}
}

func TestDecode(t *testing.T) {
	fs := newFlagSet()
	hp := DeclareOn(fs, config{})
	var c config
	cell(t, false, fs, []string{"--epochs=4"}, func() { hp.Decode(&c) })
	if c.Epochs != 4 || c.LearningRate != 0.01 || c.Optimizer != "adam" {
		t.Errorf("Decode filled %+v", c)
	}
}

func TestCheckPassesNil(t *testing.T) {
	_, errOut, _, status := cell(t, true, nil, nil, func() { Check(nil) })
	if status != -1 || errOut != "" {
		t.Errorf("Check(nil) exited %d with %q", status, errOut)
	}
}
