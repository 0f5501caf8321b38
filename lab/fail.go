package lab

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/janpfeifer/gonb/gonbui"
)

// Where the notebook functions write errors and how they end the program;
// tests replace them.
var (
	stderr io.Writer // nil: os.Stderr at the time of the call
	exit   = os.Exit
)

// Check ends the cell when err is not nil: it prints err's message (one
// sentence per line, as hyperlab's errors are written) to standard error and
// exits with status 1, without a stack trace. A cell calls it on errors that
// are the user's to fix:
//
//	split, err := datasets.Load("moons", datasets.Options{})
//	lab.Check(err)
func Check(err error) {
	if err == nil {
		return
	}
	gonbui.Sync() // what the cell displayed so far stays visible
	fmt.Fprintln(errWriter(), i18n.Sentence(strings.TrimSpace(err.Error())))
	exit(1)
}

func errWriter() io.Writer {
	if stderr == nil {
		return os.Stderr
	}
	return stderr
}
