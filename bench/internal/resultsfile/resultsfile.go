// Package resultsfile writes docs/benchmarks.md, the Markdown file that
// `go run ./bench` and `go run ./bench/search` share: whole, or one section
// between its markers, always through a temporary file and a rename so
// that a reader never sees half a table.
package resultsfile

import (
	"bytes"
	"fmt"
	"os"

	"github.com/hyperlab-go/hyperlab/internal/atomicfile"
)

// Write writes data to path via a temporary file and a rename.
func Write(path string, data []byte) error {
	if err := atomicfile.Write(path, data, 0o644); err != nil {
		return fmt.Errorf("bench: writing %s: %w", path, err)
	}
	return nil
}

// ReplaceSection puts md between the markers begin and end in the file at
// path, replacing what was there and keeping the rest of the file, or
// appends the marked section when the file has none (or does not exist).
func ReplaceSection(path, begin, end, md string) error {
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	block := begin + "\n" + md + end + "\n"
	var out []byte
	if i, j := bytes.Index(old, []byte(begin)), bytes.Index(old, []byte(end)); i >= 0 && j > i {
		out = append(append(append([]byte{}, old[:i]...), block...), bytes.TrimLeft(old[j+len(end):], "\n")...)
	} else {
		out = append(append(bytes.TrimRight(old, "\n"), "\n\n"...), block...)
	}
	return Write(path, out)
}
