package notebooks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
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
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // numbers stay as written
	var nb map[string]any
	if err := dec.Decode(&nb); err != nil {
		return nil, fmt.Errorf("not a notebook: %w", err)
	}
	cells, _ := nb["cells"].([]any)
	for _, c := range cells {
		if m, ok := c.(map[string]any); ok {
			if meta, ok := m["metadata"].(map[string]any); ok {
				delete(meta, "execution")
			}
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // as Python's json writes it
	enc.SetIndent("", " ")
	if err := enc.Encode(nb); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
