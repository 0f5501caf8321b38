package ipynb

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Cell is one notebook cell of a source.
type Cell struct {
	Type   string   // "markdown" or "code"
	Tags   []string // cell tags, e.g. "raises-exception"
	Lang   string   // "" for code and English prose, "zh" for a translation
	Source []string // the lines, each but the last ending in "\n", as nbformat stores them
}

// Parse reads a source (see the package documentation); name is what an
// error calls it (a file name).
func Parse(r io.Reader, name string) ([]Cell, error) {
	if r == nil {
		return nil, fmt.Errorf("ipynb: no source to read for %s", name)
	}
	var cells []Cell
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
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if !strings.HasPrefix(l, "-- ") {
			if len(cells) == 0 && strings.TrimSpace(l) != "" {
				return nil, fmt.Errorf("ipynb: %s:%d: text before the first cell marker; start the source with a line \"-- md\" or \"-- code\"", name, n)
			}
			lines = append(lines, l)
			continue
		}
		flush()
		fields := strings.Fields(l[3:])
		if len(fields) == 0 {
			return nil, fmt.Errorf("ipynb: %s:%d: a cell marker needs a type (md or code)", name, n)
		}
		c := Cell{Source: []string{}, Tags: fields[1:]}
		switch fields[0] {
		case "md":
			c.Type = "markdown"
			if len(c.Tags) > 0 && isTranslation(c.Tags[0]) {
				c.Lang, c.Tags = c.Tags[0], c.Tags[1:]
				if len(cells) == 0 || cells[len(cells)-1].Type != "markdown" || cells[len(cells)-1].Lang != "" {
					return nil, fmt.Errorf("ipynb: %s:%d: a \"-- md %s\" translation must follow the English \"-- md\" cell it translates", name, n, c.Lang)
				}
			}
		case "code":
			c.Type = "code"
		default:
			return nil, fmt.Errorf("ipynb: %s:%d: unknown cell type %q (md or code)", name, n, fields[0])
		}
		cells = append(cells, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ipynb: reading %s: %v", name, err)
	}
	flush()
	return cells, nil
}
