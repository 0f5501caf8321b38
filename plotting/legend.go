package plotting

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Legends wrap onto rows rather than paginate, and show short labels with
// the full name in the tooltip of each entry: a sweep's thirty labels such
// as "fnn_num_hidden_nodes=46, learning_rate=0.01765" would otherwise fill
// pages of a scrolling legend, or half the chart.

// legendChars is the longest label a legend shows in full.
const legendChars = 24

// legendWidth is the width in pixels a legend is laid out for (a notebook
// output about 800 px wide), legendRow the height of one row, and
// legendGap the room around an entry's text (its swatch and the gap to the
// next entry); legendChar is the mean width of a Latin character at
// ECharts' 12 px legend font.
const (
	legendWidth = 760
	legendRow   = 24
	legendGap   = 40.0
	legendChar  = 7.0
)

// shortLabel shortens a legend label longer than legendChars: each
// "name=value" part keeps its value and the initials of its name's words
// ("learning_rate=0.01" → "lr=0.01"; words of up to two characters, as
// "l2", stay whole); a label still too long keeps its start and end around
// "…".
func shortLabel(label string) string {
	if utf8.RuneCountInString(label) <= legendChars {
		return label
	}
	parts := strings.Split(label, ", ")
	for i, p := range parts {
		name, value, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		var b strings.Builder
		for _, w := range strings.Split(name, "_") {
			if utf8.RuneCountInString(w) <= 2 {
				b.WriteString(w)
			} else if r, _ := utf8.DecodeRuneInString(w); r != utf8.RuneError {
				b.WriteRune(r)
			}
		}
		parts[i] = b.String() + "=" + value
	}
	s := strings.Join(parts, ", ")
	if r := []rune(s); len(r) > legendChars {
		head := (legendChars - 1) / 2
		s = string(r[:head]) + "…" + string(r[len(r)-(legendChars-1-head):])
	}
	return s
}

// legendNames returns the names a legend lists: those of the series, each
// once, in order.
func legendNames(o map[string]any) []string {
	var names []string
	seen := map[string]bool{}
	for _, x := range list(o["series"]) {
		s, _ := x.(map[string]any)
		if n := str(s["name"]); n != "" && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return names
}

// shortLabels maps each legend name that has a short label to it. A short
// label two names would share, or that another name already is, is not
// used: those names stay whole.
func shortLabels(names []string) map[string]string {
	count := map[string]int{}
	short := make([]string, len(names))
	for i, n := range names {
		short[i] = shortLabel(n)
		count[short[i]]++
		if short[i] != n {
			count[n]++
		}
	}
	out := map[string]string{}
	for i, n := range names {
		if short[i] != n && count[short[i]] == 1 {
			out[n] = short[i]
		}
	}
	return out
}

// fitLegend sets up the legend of option o: a plain legend that wraps,
// short labels (legend.shortNames, data that loader.js turns into the
// legend's formatter and a tooltip with the full name) and, when the entries
// take more than one row at legendWidth, the grids and the toolbox moved
// down by the extra rows. It returns the extra height in pixels, which the
// chart adds to its own.
func fitLegend(o map[string]any) int {
	l, ok := o["legend"].(map[string]any)
	if !ok || l["show"] == false {
		return 0
	}
	l["type"] = "plain"
	names := legendNames(o)
	short := shortLabels(names)
	if len(short) > 0 {
		m := map[string]any{}
		for k, v := range short {
			m[k] = v
		}
		l["shortNames"] = m
	}
	rows, used := 1, 0.0
	for _, n := range names {
		if s, ok := short[n]; ok {
			n = s
		}
		w := legendGap
		for _, r := range n {
			w += legendChar
			if r >= 0x2E80 { // CJK: a full em
				w += 12 - legendChar
			}
		}
		if used > 0 && used+w > legendWidth {
			rows++
			used = 0
		}
		used += w
	}
	extra := (rows - 1) * legendRow
	if extra == 0 {
		return 0
	}
	moveDown := func(m map[string]any) {
		if top, err := strconv.Atoi(str(m["top"])); err == nil {
			m["top"] = strconv.Itoa(top + extra)
		}
	}
	for _, g := range list(o["grid"]) {
		if m, ok := g.(map[string]any); ok {
			moveDown(m)
		}
	}
	if m, ok := o["grid"].(map[string]any); ok {
		moveDown(m)
	}
	if m, ok := o["toolbox"].(map[string]any); ok {
		moveDown(m)
	}
	return extra
}
