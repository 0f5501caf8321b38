package notebooks

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

// Notebook is the part of an nbformat 4 notebook that the checks read.
type Notebook struct {
	Cells []Cell `json:"cells"`
}

// Cell is one notebook cell.
type Cell struct {
	Type     string   `json:"cell_type"`
	Source   Text     `json:"source"`
	Metadata CellMeta `json:"metadata"`
	Outputs  []Output `json:"outputs"`
}

// CellMeta holds the cell's tags; "raises-exception" marks an expected error.
type CellMeta struct {
	Tags []string `json:"tags"`
}

// Output is one output of a code cell.
type Output struct {
	Type      string          `json:"output_type"` // stream, display_data, execute_result, error
	Name      string          `json:"name"`        // stdout or stderr, for streams
	Text      Text            `json:"text"`
	Data      map[string]Text `json:"data"`
	Ename     string          `json:"ename"`
	Evalue    string          `json:"evalue"`
	Traceback []string        `json:"traceback"`
}

// Text is a multi-line string, stored by nbformat as a string or a list of lines.
type Text string

// UnmarshalJSON accepts both of nbformat's forms.
func (t *Text) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*t = Text(s)
		return nil
	}
	var lines []string
	if err := json.Unmarshal(b, &lines); err != nil {
		// Non-text MIME data (e.g. application/json) is not read by the checks.
		*t = ""
		return nil
	}
	*t = Text(strings.Join(lines, ""))
	return nil
}

// Tagged reports whether the cell carries tag.
func (c Cell) Tagged(tag string) bool { return slices.Contains(c.Metadata.Tags, tag) }

// FirstLine is the cell's first non-empty source line, for reports.
func (c Cell) FirstLine() string {
	for _, l := range strings.Split(string(c.Source), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// ReadNotebook loads an .ipynb file.
func ReadNotebook(path string) (*Notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb Notebook
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, fmt.Errorf("notebooks: %s is not a notebook: %w", path, err)
	}
	return &nb, nil
}
