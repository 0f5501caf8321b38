// Command mknb writes a GoNB notebook (.ipynb, no outputs) from a plain
// text source (the format of internal/ipynb), so that the tutorials' text
// and code can be reviewed as text:
//
//	go run ./notebooks/tools/mknb notebooks/tools/src/04-learning-rate.txt > notebooks/04-learning-rate.ipynb
//
// Execute the result to fill in the outputs (go test ./notebooks -update).
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: mknb notebook-source.txt > notebook.ipynb")
		return 2
	}
	f, err := os.Open(args[0])
	if err != nil {
		fmt.Fprintln(stderr, "mknb:", err)
		return 1
	}
	defer f.Close()
	cells, err := ipynb.Parse(f, args[0])
	if err == nil {
		var out []byte
		if out, err = ipynb.Marshal(cells); err == nil {
			_, err = stdout.Write(out)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "mknb:", err)
		return 1
	}
	return 0
}
