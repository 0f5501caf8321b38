package lab

import (
	"fmt"
	"io"
	"os"

	"github.com/hyperlab-go/hyperlab/plotting"
)

// stdout is where text goes outside a notebook; nil means os.Stdout at the
// time of the call. Tests replace it.
var stdout io.Writer

// isNotebook is plotting's notebook detector, the one of hyperlab.
func isNotebook() bool { return plotting.InNotebook() }

// Display shows html under the running notebook cell (as plotting.Show
// does, with text as its plain-text form), or prints text to standard
// output when the program does not run in a notebook. html must be safe:
// every user string in it already escaped.
func Display(html, text string) {
	if isNotebook() {
		plotting.Show(plotting.Bundle{HTML: html, Text: text})
		return
	}
	w := stdout
	if w == nil {
		w = os.Stdout
	}
	fmt.Fprint(w, text)
}
