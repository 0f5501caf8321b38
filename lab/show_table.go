package lab

import (
	"html"
	"strings"
	"unicode/utf8"
)

// Table is a small table of computed numbers shown beside a chart. Every
// cell is text; HTML escapes it.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
}

// HTML renders the table, every string escaped.
func (t Table) HTML() string {
	var b strings.Builder
	b.WriteString(`<table class="hyperlab-numbers">` + "\n")
	if t.Caption != "" {
		b.WriteString("<caption>" + html.EscapeString(t.Caption) + "</caption>\n")
	}
	row := func(tag string, cells []string) {
		b.WriteString("<tr>")
		for _, c := range cells {
			b.WriteString("<" + tag + ">" + html.EscapeString(c) + "</" + tag + ">")
		}
		b.WriteString("</tr>\n")
	}
	if len(t.Header) > 0 {
		row("th", t.Header)
	}
	for _, r := range t.Rows {
		row("td", r)
	}
	b.WriteString("</table>\n")
	return b.String()
}

// Text renders the table with aligned columns.
func (t Table) Text() string {
	all := append([][]string{t.Header}, t.Rows...)
	widths := map[int]int{}
	for _, r := range all {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	if t.Caption != "" {
		b.WriteString(t.Caption + "\n")
	}
	for _, r := range all {
		if len(r) == 0 {
			continue
		}
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(c + strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Show displays the table under the cell (text outside a notebook).
func (t Table) Show() { Display(t.HTML(), t.Text()) }
