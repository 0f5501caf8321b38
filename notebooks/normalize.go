package notebooks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
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
			if outs, ok := m["outputs"].([]any); ok {
				m["outputs"] = dropEmpty(outs)
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
		var text string
		switch x := v.(type) {
		case string:
			text = x
		case []any:
			for _, l := range x {
				s, _ := l.(string)
				text += s
			}
		default:
			return false
		}
		if strings.TrimSpace(text) != "" {
			return false
		}
	}
	return true
}
