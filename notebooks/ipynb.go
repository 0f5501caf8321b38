package notebooks

import (
	"fmt"
	"os"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

// ReadNotebook loads an .ipynb file.
func ReadNotebook(path string) (*ipynb.Saved, error) {
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
