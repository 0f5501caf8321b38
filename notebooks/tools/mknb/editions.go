package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

// An edition's notebooks live in a folder under the English ones: the
// Chinese edition in zh/, one level deeper, so its set-up cell points at the
// clone with one more "/..", and it sets the library's language before
// anything runs (GoNB's %env sets it for every later cell's program).
const (
	cloneRef = "${GONB_DIR}/.."
	langEnv  = "HYPERLAB_LANG"
)

// dirOf is the folder of each edition, relative to the English one.
func dirOf(lang string) string {
	if lang == ipynb.English {
		return "."
	}
	return lang
}

// edition returns the cells of the lang edition of a source, adapted to
// where its notebook lives.
func edition(cells []ipynb.Cell, lang string) ([]ipynb.Cell, error) {
	out, err := ipynb.Edition(cells, lang)
	if err != nil || lang == ipynb.English {
		return out, err
	}
	deeper := cloneRef + strings.Repeat("/..", strings.Count(dirOf(lang), "/")+1)
	first := true
	for i, c := range out {
		if c.Type != "code" {
			continue
		}
		src := make([]string, 0, len(c.Source)+1)
		if first {
			src = append(src, fmt.Sprintf("%%env %s %s\n", langEnv, lang))
			first = false
		}
		for _, l := range c.Source {
			src = append(src, strings.ReplaceAll(l, cloneRef, deeper))
		}
		out[i].Source = src
	}
	return out, nil
}

// writeEditions writes every edition of src under dir and returns the
// paths it wrote (a notebook already as built is left alone).
func writeEditions(src, dir string, clean bool) ([]string, error) {
	cells, err := parse(src)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)) + ".ipynb"
	var written []string
	for _, lang := range ipynb.Languages {
		nb, err := edition(cells, lang)
		if err != nil {
			return written, err
		}
		data, err := ipynb.Marshal(nb)
		if err != nil {
			return written, err
		}
		path := filepath.Join(dir, dirOf(lang), name)
		old, err := os.ReadFile(path)
		if err != nil && !os.IsNotExist(err) {
			return written, err
		}
		if old != nil && !clean {
			if data, err = keepOutputs(data, old); err != nil {
				return written, fmt.Errorf("%s: %v (rebuild it with -clean)", path, err)
			}
		}
		if bytes.Equal(data, old) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return written, err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return written, err
		}
		written = append(written, path)
	}
	return written, nil
}

// keepOutputs returns the built notebook with the outputs (and execution
// counts) of the old one's code cells whose source is unchanged, matched in
// order, and with the old notebook's metadata (the kernel fills it in when
// it runs). Cells that changed or are new have no outputs until executed.
func keepOutputs(built, old []byte) ([]byte, error) {
	var nb, prev map[string]any
	if err := ipynb.Decode(built, &nb); err != nil {
		return nil, err
	}
	if err := ipynb.Decode(old, &prev); err != nil {
		return nil, fmt.Errorf("not a notebook: %v", err)
	}
	prevCells, _ := prev["cells"].([]any)
	used := make([]bool, len(prevCells))
	for _, c := range nb["cells"].([]any) {
		cell := c.(map[string]any)
		if cell["cell_type"] != "code" {
			continue
		}
		for j, p := range prevCells {
			pc, ok := p.(map[string]any)
			if !ok || used[j] || pc["cell_type"] != "code" || sourceOf(pc) != sourceOf(cell) {
				continue
			}
			used[j] = true
			if outs, ok := pc["outputs"]; ok {
				cell["outputs"] = outs
			}
			cell["execution_count"] = pc["execution_count"]
			cell["metadata"] = mergeMeta(pc["metadata"], cell["metadata"])
			break
		}
	}
	if meta, ok := prev["metadata"]; ok {
		nb["metadata"] = meta
	}
	return ipynb.Encode(nb)
}

// mergeMeta keeps what execution recorded in a cell's metadata (timings)
// and takes the tags from the source.
func mergeMeta(old, built any) any {
	m, ok := old.(map[string]any)
	if !ok {
		return built
	}
	b, _ := built.(map[string]any)
	delete(m, "tags")
	if tags, ok := b["tags"]; ok {
		m["tags"] = tags
	}
	return m
}

// sourceOf joins a cell's source, which nbformat allows as a string or a
// list of lines.
func sourceOf(cell map[string]any) string {
	s, _ := ipynb.JoinText(cell["source"])
	return s
}
