// Command mknb builds the tutorials' GoNB notebooks (.ipynb) from their
// plain text sources (the format of internal/ipynb), so that the text and
// code can be reviewed as text, and one source makes both editions:
//
//	go run ./notebooks/tools/mknb -out notebooks notebooks/tools/src/*.txt
//
// writes the English edition of each source NAME.txt to notebooks/NAME.ipynb
// and the Chinese one to notebooks/zh/NAME.ipynb (make notebook-sources runs
// it). A code cell whose source did not change keeps the outputs it has in
// the notebook already there, so that rebuilding after a prose edit does not
// throw away executed outputs; -clean writes every notebook without outputs.
// Execute the results to fill in the outputs (make notebooks).
//
// With a single source and no -out, mknb writes one edition (-lang, English
// by default) to standard output, without outputs:
//
//	go run ./notebooks/tools/mknb -lang zh notebooks/tools/src/04-learning-rate.txt > /tmp/04.ipynb
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `usage: mknb -out DIR [-clean] SOURCE.txt...   (both editions: DIR/NAME.ipynb, DIR/zh/NAME.ipynb)
       mknb [-lang en|zh] SOURCE.txt > NOTEBOOK.ipynb`

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mknb", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "write both editions of every source under this folder")
	clean := fs.Bool("clean", false, "with -out: write the notebooks without outputs, dropping the executed ones")
	lang := fs.String("lang", ipynb.English, "without -out: the edition to write to standard output")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "mknb: %v\n%s\n", err, usage)
		return 2
	}
	srcs := fs.Args()
	if len(srcs) == 0 || (*out == "" && len(srcs) != 1) {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	if *out == "" {
		return report(stderr, writeStdout(srcs[0], *lang, stdout))
	}
	for _, src := range srcs {
		written, err := writeEditions(src, *out, *clean)
		if err != nil {
			return report(stderr, err)
		}
		for _, w := range written {
			fmt.Fprintln(stdout, "wrote", w)
		}
	}
	return 0
}

func report(stderr io.Writer, err error) int {
	if err != nil {
		fmt.Fprintln(stderr, "mknb:", err)
		return 1
	}
	return 0
}

func writeStdout(src, lang string, stdout io.Writer) error {
	cells, err := parse(src)
	if err != nil {
		return err
	}
	nb, err := edition(cells, lang)
	if err != nil {
		return err
	}
	data, err := ipynb.Marshal(nb)
	if err != nil {
		return err
	}
	_, err = stdout.Write(data)
	return err
}

func parse(src string) ([]ipynb.Cell, error) {
	f, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ipynb.Parse(f, src)
}
