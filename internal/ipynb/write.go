package ipynb

import (
	"bytes"
	"encoding/json"
)

// json returns the cell as nbformat wants it: code cells need
// "execution_count": null and "outputs", which markdown cells must not have.
func (c Cell) json() map[string]any {
	meta := map[string]any{}
	if len(c.Tags) > 0 {
		meta["tags"] = c.Tags
	}
	src := c.Source
	if src == nil {
		src = []string{}
	}
	m := map[string]any{"cell_type": c.Type, "metadata": meta, "source": src}
	if c.Type == "code" {
		m["execution_count"] = nil
		m["outputs"] = []any{}
	}
	return m
}

// Marshal returns the notebook of cells, for the GoNB kernel, without
// outputs: executing it (nbconvert, Jupyter) fills them in.
func Marshal(cells []Cell) ([]byte, error) {
	list := make([]map[string]any, 0, len(cells))
	for _, c := range cells {
		list = append(list, c.json())
	}
	nb := map[string]any{
		"cells": list,
		"metadata": map[string]any{
			"kernelspec":    map[string]any{"display_name": "Go (gonb)", "language": "go", "name": "gonb"},
			"language_info": map[string]any{"codemirror_mode": "", "file_extension": ".go", "mimetype": "text/x-go", "name": "go", "nbconvert_exporter": "", "pygments_lexer": "", "version": "go1.26.8"},
		},
		"nbformat":       4,
		"nbformat_minor": 4,
	}
	return Encode(nb)
}

// Encode writes a notebook as Jupyter writes it: one-space indent, keys
// sorted, "&" and "<" left as they are.
func Encode(nb map[string]any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(nb); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
