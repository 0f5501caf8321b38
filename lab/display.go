package lab

import (
	"fmt"
	"io"
	"os"

	"github.com/janpfeifer/gonb/gonbui"
)

// Where displays go; tests replace them.
var (
	stdout      io.Writer // nil: os.Stdout at the time of the call
	isNotebook  = func() bool { return gonbui.IsNotebook }
	displayHTML = gonbui.DisplayHTML
)

// Display shows html under the running notebook cell, or prints text to
// standard output when the program does not run in a notebook. html must be
// safe: every user string in it already escaped.
func Display(html, text string) {
	if isNotebook() {
		displayHTML(html)
		syncDisplay() // the cell's program may exit right after; without this the output can be lost
		return
	}
	w := stdout
	if w == nil {
		w = os.Stdout
	}
	fmt.Fprint(w, text)
}
