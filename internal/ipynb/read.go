package ipynb

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// Saved is a notebook as Jupyter saves it (nbformat 4), the parts hyperlab
// reads: each cell's type, source, tags and outputs.
type Saved struct {
	Cells []SavedCell `json:"cells"`
}

// SavedCell is one cell of a saved notebook.
type SavedCell struct {
	Type     string   `json:"cell_type"`
	Source   Text     `json:"source"`
	Metadata CellMeta `json:"metadata"`
	Outputs  []Output `json:"outputs"`
}

// CellMeta holds a cell's tags; "raises-exception" marks an expected error.
type CellMeta struct {
	Tags []string `json:"tags"`
}

// Output is one output of a code cell.
type Output struct {
	Type      string   `json:"output_type"` // stream, display_data, execute_result, error
	Name      string   `json:"name"`        // stdout or stderr, for streams
	Text      Text     `json:"text"`
	Data      Bundle   `json:"data"`
	Ename     string   `json:"ename"`
	Evalue    string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}

// Text is a multi-line string, stored by nbformat as a string or a list of
// lines. Anything else reads as "".
type Text string

// UnmarshalJSON accepts both of nbformat's forms.
func (t *Text) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	s, _ := JoinText(v)
	*t = Text(s)
	return nil
}

// Bundle is an output's data by MIME type. Data that is not text (the
// object of application/json) reads as "", except text/html: what hyperlab
// reads from a notebook is HTML (verdict boxes, charts, compile errors), so
// a text/html that is not text fails the read with ErrNotText instead of
// hiding what it held.
type Bundle map[string]Text

// UnmarshalJSON reads each MIME type's data as Text.
func (d *Bundle) UnmarshalJSON(b []byte) error {
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if raw == nil {
		*d = nil
		return nil
	}
	out := make(Bundle, len(raw))
	for mime, v := range raw {
		s, ok := JoinText(v)
		if !ok && mime == "text/html" {
			return ErrNotText
		}
		out[mime] = Text(s)
	}
	*d = out
	return nil
}

// JoinText is the text of nbformat's multi-line string as decoded into an
// any: a string as it is, a list of lines joined; ok is false for anything
// else (a number, an object, null, a list holding other than strings).
func JoinText(v any) (text string, ok bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case []any:
		var b strings.Builder
		for _, l := range x {
			s, ok := l.(string)
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		return b.String(), true
	}
	return "", false
}

// Read decodes a saved notebook.
func Read(data []byte) (*Saved, error) {
	var nb Saved
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, err
	}
	return &nb, nil
}

// Decode decodes a notebook into v (a map, to rewrite it and Encode it
// back) keeping its numbers as written (json.Number), so that only what
// the rewrite changes differs.
func Decode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

// Tagged reports whether the cell carries tag.
func (c SavedCell) Tagged(tag string) bool { return slices.Contains(c.Metadata.Tags, tag) }

// FirstLine is the cell's first non-empty source line, for reports.
func (c SavedCell) FirstLine() string {
	for _, l := range strings.Split(string(c.Source), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}
