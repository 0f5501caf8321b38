package lab

import (
	"errors"
	"flag"
	"fmt"
	"html"
	"strings"
	"sync"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training"
)

// The flag package rejects a cell argument it does not know before any
// hyperlab code runs, and answers with a usage listing of every flag. lab
// replaces that listing with hparams' one sentence (which suggests the
// nearest name) and answers -help with the table of defaults. A misspelt
// cell argument ends the program with status 1, like every other mistake.

// usages holds, per FlagSet, the specs declared on it.
var usages = struct {
	sync.Mutex
	m map[*flag.FlagSet]*usage
}{m: map[*flag.FlagSet]*usage{}}

type usage struct {
	specs []*hparams.Spec
	last  string // the flag package's last message, e.g. "flag provided but not defined: -x"
}

// Write receives the flag package's messages (fs.Output) and keeps them for Usage.
func (u *usage) Write(p []byte) (int, error) {
	u.last += string(p)
	return len(p), nil
}

func explainFlagErrors(fs *flag.FlagSet, spec *hparams.Spec) {
	usages.Lock()
	defer usages.Unlock()
	u := usages.m[fs]
	if u == nil {
		u = &usage{}
		usages.m[fs] = u
		fs.SetOutput(u)
		fs.Usage = func() {
			if strings.TrimSpace(u.last) == "" { // -help: an ordinary output, not an error
				u.help()
				return
			}
			fmt.Fprintln(errWriter(), i18n.Sentence(u.explain()))
			// The flag package would exit with status 2 next; a mistake
			// in a cell ends with status 1, as Check does, whichever
			// way it was made.
			if fs.ErrorHandling() == flag.ExitOnError {
				exit(1)
			}
		}
	}
	u.specs = append(u.specs, spec)
}

// explain turns the flag package's complaint into sentences for the user.
func (u *usage) explain() string {
	msg := strings.TrimSpace(u.last)
	u.last = ""
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return unknownFlag(name, u.specs)
	}
	return "lab: " + msg
}

// helpIntro heads the answer to %% --help.
const helpIntro = "Hyperparameters (set them as cell arguments: %% --name=value or %% --set=\"name=value;name=value\"):"

// help answers %% --help as an ordinary output under the cell: the table of
// every declared hyperparameter (HTML in a notebook, text elsewhere), as
// hyperlab --help lists training's, and where the full reference is.
func (u *usage) help() {
	u.last = ""
	var h, t strings.Builder
	intro := i18n.T(helpIntro)
	h.WriteString("<p>" + html.EscapeString(intro) + "</p>")
	t.WriteString(intro + "\n")
	for _, s := range u.specs {
		tab := s.Defaults().Table()
		tab.Header = i18n.Ts(hparams.DefaultHeader...)
		h.WriteString(tab.HTML())
		t.WriteString(tab.Text())
	}
	hint := i18n.T(training.ReferenceHint)
	h.WriteString("<p>" + html.EscapeString(hint) + "</p>")
	t.WriteString(hint + "\n")
	Display(h.String(), t.String())
}

// unknownFlag asks the specs for their sentence about an unknown name: the
// one with a "did you mean" if any spec has a near name.
func unknownFlag(name string, specs []*hparams.Spec) string {
	var first string
	for _, s := range specs {
		_, err := s.Parse([]string{"--" + name + "=0"})
		var errs hparams.Errors
		if errors.As(err, &errs) && len(errs) > 0 {
			err = errs[0]
		}
		if err == nil {
			continue
		}
		if strings.Contains(err.Error(), "did you mean") {
			return err.Error()
		}
		if first == "" {
			first = err.Error()
		}
	}
	if first == "" {
		first = fmt.Sprintf("lab: unknown cell argument -%s", name)
	}
	return first
}
