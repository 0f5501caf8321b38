// Command mknb writes a GoNB notebook (.ipynb, no outputs) from a plain
// text source, so that the tutorials' text and code can be reviewed as
// text. Cells start with a line "-- md" or "-- code", optionally followed
// by tags ("-- code raises-exception"):
//
//	go run ./notebooks/tools/mknb notebooks/tools/src/04-learning-rate.txt > notebooks/04-learning-rate.ipynb
//
// Execute the result to fill in the outputs (go test ./notebooks -update).
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// cell is one notebook cell; its JSON is built by asJSON because code
// cells need "execution_count": null, which markdown cells must not have.
type cell struct {
	CellType string
	Tags     []string
	Source   []string
}

func (c cell) asJSON() map[string]any {
	meta := map[string]any{}
	if len(c.Tags) > 0 {
		meta["tags"] = c.Tags
	}
	m := map[string]any{"cell_type": c.CellType, "metadata": meta, "source": c.Source}
	if c.CellType == "code" {
		m["execution_count"] = nil
		m["outputs"] = []any{}
	}
	return m
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mknb notebook-source.txt > notebook.ipynb")
		os.Exit(2)
	}
	cells, err := parse(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "mknb:", err)
		os.Exit(1)
	}
	var list []map[string]any
	for _, c := range cells {
		list = append(list, c.asJSON())
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
	out, err := json.MarshalIndent(nb, "", " ")
	if err != nil {
		fmt.Fprintln(os.Stderr, "mknb:", err)
		os.Exit(1)
	}
	os.Stdout.Write(append(out, '\n'))
}

func parse(path string) ([]cell, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cells []cell
	var lines []string
	flush := func() {
		if len(cells) == 0 {
			return
		}
		for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
			lines = lines[:len(lines)-1]
		}
		c := &cells[len(cells)-1]
		for i, l := range lines {
			if i < len(lines)-1 {
				l += "\n"
			}
			c.Source = append(c.Source, l)
		}
		lines = nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if !strings.HasPrefix(l, "-- ") {
			if len(cells) == 0 && strings.TrimSpace(l) != "" {
				return nil, fmt.Errorf("%s:%d: text before the first cell marker", path, n)
			}
			lines = append(lines, l)
			continue
		}
		flush()
		fields := strings.Fields(l[3:])
		if len(fields) == 0 {
			return nil, fmt.Errorf("%s:%d: a cell marker needs a type (md or code)", path, n)
		}
		c := cell{Source: []string{}, Tags: fields[1:]}
		switch fields[0] {
		case "md":
			c.CellType = "markdown"
		case "code":
			c.CellType = "code"
		default:
			return nil, fmt.Errorf("%s:%d: unknown cell type %q (md or code)", path, n, fields[0])
		}
		cells = append(cells, c)
	}
	flush()
	return cells, sc.Err()
}
