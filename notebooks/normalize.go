package notebooks

import (
	"fmt"
	"os"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

// MaxBytes is the most a committed notebook may weigh, its chart images
// included.
const MaxBytes = 1 << 20

// Normalize rewrites the notebook file at path without what changes at
// every execution although nothing else did: the execution timestamps that
// Jupyter records in each cell's metadata ("execution"). The file keeps
// nbformat's own layout (sorted keys, one-space indent, non-ASCII as is),
// so that a notebook re-executed with nothing changed gives no diff.
func Normalize(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := normalized(data)
	if err != nil {
		return fmt.Errorf("notebooks: %s: %w", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}

// normalized returns the notebook data without execution timestamps.
func normalized(data []byte) ([]byte, error) {
	var nb map[string]any
	if err := ipynb.Decode(data, &nb); err != nil {
		return nil, fmt.Errorf("not a notebook: %w", err)
	}
	cells, _ := nb["cells"].([]any)
	for _, c := range cells {
		if m, ok := c.(map[string]any); ok {
			if meta, ok := m["metadata"].(map[string]any); ok {
				delete(meta, "execution")
			}
			if outs, ok := m["outputs"].([]any); ok {
				m["outputs"] = dropEmpty(outs)
			}
		}
	}
	return ipynb.Encode(nb)
}

// dropEmpty removes the outputs that show nothing: a progress line updated
// in place and cleared at the end leaves an empty text/html, which shows
// nothing and which nbconvert's sanitizer cannot parse ("Document is
// empty").
func dropEmpty(outs []any) []any {
	kept := outs[:0]
	for _, o := range outs {
		m, _ := o.(map[string]any)
		data, _ := m["data"].(map[string]any)
		if (m["output_type"] == "display_data" || m["output_type"] == "update_display_data") && blank(data) {
			continue
		}
		kept = append(kept, o)
	}
	return kept
}

// blank reports whether every part of a MIME bundle is empty text.
func blank(data map[string]any) bool {
	if len(data) == 0 {
		return true
	}
	for _, v := range data {
		if text, ok := ipynb.JoinText(v); !ok || strings.TrimSpace(text) != "" {
			return false
		}
	}
	return true
}
