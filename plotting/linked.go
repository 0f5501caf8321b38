package plotting

import (
	_ "embed"
	"fmt"
	"html"
	"math"
	"slices"
	"strings"

	"github.com/hyperlab-go/hyperlab/hparams"
)

//go:embed linked.js
var linkedJS string

// Linked is a sweep display whose views talk to each other: the loss
// curves of every trial (Compare), parallel coordinates, a heatmap over
// two hyperparameters and the results table. Brushing a range on a
// parallel-coordinates axis, or clicking heatmap cells, selects the
// matching trials: their curves and rows stand out, the others dim.
// Hovering a trial (a curve, a line, a row) highlights it everywhere.
// It uses ECharts' own axis brushing (axisareaselected), connect and
// dispatchAction, from one script, linked.js, shared by every sweep
// display; its data is JSON escaped for a script element (scriptJSON).
type Linked struct {
	Curves   *Chart // required: one series per trial, named by its label
	Parallel *Chart // optional
	Heatmap  *Chart // optional
	// Table has one row per trial, in the order of Keys.
	Table Table
	// Keys are the trials' labels (Labels), which name the curves' series
	// and the parallel lines.
	Keys []string
	// Cells are each trial's heatmap cell [x index, y index], in the
	// order of Keys (HeatmapCells); needed with a Heatmap.
	Cells [][2]int
	// ID prefixes the elements' ids; empty: one made from the content
	// (the same data give the same ids).
	ID string
}

// HeatmapCells gives each trial's cell in HeatmapInfo's grid of x and y
// values ([-1, -1] for a trial outside it).
func HeatmapCells(trials []Trial, d HeatmapData) [][2]int {
	out := make([][2]int, len(trials))
	for i, t := range trials {
		out[i] = [2]int{slices.Index(d.XValues, valueText(t.Values, d.XParam)), slices.Index(d.YValues, valueText(t.Values, d.YParam))}
	}
	return out
}

// Fragment renders the linked display for a notebook output.
func (l *Linked) Fragment() (string, error) { return l.fragment(Source{}, true) }

// Output renders the linked display as one notebook output, as
// Chart.Output does a chart: the Fragment, the curves chart's PNG (the
// one image a viewer that chooses by MIME type shows) and text.
func (l *Linked) Output() (Bundle, error) {
	f, err := l.Fragment()
	if err != nil {
		return Bundle{}, err
	}
	img, err := l.Curves.PNG()
	if err != nil {
		return Bundle{}, err
	}
	return Bundle{HTML: f, PNG: img, Text: l.Curves.text()}, nil
}

// Linked adds a linked display to the page.
func (p *Page) Linked(l *Linked) error {
	h, err := l.fragment(p.Source, false)
	if err != nil {
		return err
	}
	p.blocks = append(p.blocks, block{html: h})
	return nil
}

func (l *Linked) fragment(src Source, withLibrary bool) (string, error) {
	if l.Curves == nil {
		return "", fmt.Errorf("plotting: a linked display needs the curves chart")
	}
	if len(l.Table.Rows) != len(l.Keys) || (l.Heatmap != nil && len(l.Cells) != len(l.Keys)) {
		return "", fmt.Errorf("plotting: a linked display needs one key per table row (%d rows, %d keys, %d cells)", len(l.Table.Rows), len(l.Keys), len(l.Cells))
	}
	id := l.ID
	if id == "" {
		// From the content, as a chart's: re-executing a notebook with
		// nothing changed must not change the id.
		id = contentID("linked "+l.Curves.Title(), []byte(strings.Join(l.Keys, "\x00")+"\x00"+l.Table.HTML()))
	}
	if !idPattern.MatchString(id + "-parallel") {
		return "", fmt.Errorf("plotting: linked display ID %q is not a letter followed by letters, digits, '-' or '_'", id)
	}
	ids := map[string]string{}
	var b strings.Builder
	b.WriteString(`<div class="hyperlab-linked" id="` + html.EscapeString(id) + `">` + "\n")
	for _, part := range []struct {
		name string
		c    *Chart
	}{{"parallel", l.Parallel}, {"heatmap", l.Heatmap}, {"curves", l.Curves}} {
		if part.c == nil {
			continue
		}
		c := *part.c
		c.ID = id + "-" + part.name
		if src != (Source{}) {
			c.Source = src
		}
		img, err := c.PNG() // the static image of each view, as every chart has
		if err != nil {
			return "", err
		}
		f, err := c.fragment(withLibrary, img, "")
		if err != nil {
			return "", err
		}
		ids[part.name] = c.ID
		b.WriteString(f)
	}
	table := id + "-table"
	b.WriteString(`<div id="` + table + `" class="hyperlab-linked-table">` + "\n" + l.Table.HTML() + "</div>\n")
	cells := l.Cells
	if cells == nil {
		cells = [][2]int{}
	}
	cfg, err := scriptJSON(map[string]any{"group": id, "ids": ids, "table": table, "keys": l.Keys, "cells": cells})
	if err != nil {
		return "", err
	}
	b.WriteString("<style>.hyperlab-linked-table tr.hyperlab-on td{background:#fff3c4}</style>\n")
	b.WriteString("<script>\n" + linkedJS + "(")
	b.Write(cfg)
	b.WriteString(");\n</script>\n</div>\n")
	return b.String(), nil
}

// LinkedSweep builds the linked display of a sweep's runs: their loss
// curves (Compare, log scale), parallel coordinates over names with each
// run's value on the sweep views (values[i] for runs[i], NaN for none; o
// names it), a heatmap over the first two names (with two or more) and the
// table, whose rows must be the runs in order.
func LinkedSweep(runs []Run, values []float64, table Table, names []string, o SweepOptions) (*Linked, error) {
	if len(table.Rows) != len(runs) {
		return nil, fmt.Errorf("plotting: a linked sweep needs one table row per run (%d rows, %d runs)", len(table.Rows), len(runs))
	}
	if len(values) != len(runs) {
		return nil, fmt.Errorf("plotting: a linked sweep needs one value per run (%d values, %d runs)", len(values), len(runs))
	}
	runs = shortValues(runs)
	keys := Labels(runs)
	colorBy := ""
	if len(names) > 0 {
		colorBy = names[0]
	}
	curves, err := Compare(runs, CompareOptions{LogY: true, ColorBy: colorBy})
	if err != nil {
		return nil, err
	}
	trials := make([]Trial, len(runs))
	for i, r := range runs {
		vals := make(map[string]any, len(names))
		for _, n := range names {
			vals[n] = r.Values[n]
		}
		trials[i] = Trial{Label: keys[i], Values: vals, Value: values[i]}
	}
	l := &Linked{Curves: curves, Parallel: Parallel(trials, o), Table: table, Keys: keys}
	if len(names) >= 2 {
		d := HeatmapInfo(trials, names[0], names[1], o)
		l.Heatmap, l.Cells = d.Chart(), HeatmapCells(trials, d)
	}
	return l, nil
}

// shortValues returns runs with their fractional values rounded to 4
// significant digits: a model-based search draws values such as
// 0.0054703548354713076, whose labels would crowd the legend and the keys.
// When rounding would make two runs' labels the same, runs come back as
// they are.
func shortValues(runs []Run) []Run {
	out := make([]Run, len(runs))
	for i, r := range runs {
		vals := make(map[string]any, len(r.Values))
		for k, x := range r.Values {
			if f, ok := x.(float64); ok && f != math.Trunc(f) {
				x = hparams.Significant(f, 4)
			}
			vals[k] = x
		}
		r.Values = vals
		out[i] = r
	}
	if distinct(Labels(out)) < distinct(Labels(runs)) {
		return runs
	}
	return out
}

func distinct(labels []string) int {
	seen := map[string]bool{}
	for _, l := range labels {
		seen[l] = true
	}
	return len(seen)
}
