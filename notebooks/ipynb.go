package notebooks

import (
	"fmt"
	"os"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

// The checks read notebooks through internal/ipynb, the one reader of saved
// notebooks in the module; these are its types under the names the checks
// and their callers use.
type (
	// Notebook is the part of an nbformat 4 notebook that the checks read.
	Notebook = ipynb.Saved
	// Cell is one notebook cell.
	Cell = ipynb.SavedCell
	// CellMeta holds the cell's tags; "raises-exception" marks an expected error.
	CellMeta = ipynb.CellMeta
	// Output is one output of a code cell.
	Output = ipynb.Output
	// Text is a multi-line string, stored by nbformat as a string or a list of lines.
	Text = ipynb.Text
)

// ReadNotebook loads an .ipynb file.
func ReadNotebook(path string) (*Notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	nb, err := ipynb.Read(data)
	if err != nil {
		return nil, fmt.Errorf("notebooks: %s is not a notebook: %w", path, err)
	}
	return nb, nil
}
