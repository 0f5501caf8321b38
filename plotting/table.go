package plotting

import (
	"html"
	"strings"
	"unicode/utf8"
)

// Table is a small table of text: the numbers beside a chart in a
// notebook, or a block of a Page. It is the one table type of lab and the
// CLI's reports. Every cell is text; HTML escapes it.
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
	writeRow(&b, "th", t.Header)
	for _, r := range t.Rows {
		writeRow(&b, "td", r)
	}
	b.WriteString("</table>\n")
	return b.String()
}

func writeRow(b *strings.Builder, tag string, cells []string) {
	if len(cells) == 0 {
		return
	}
	b.WriteString("<tr>")
	for _, c := range cells {
		b.WriteString("<" + tag + ">" + html.EscapeString(c) + "</" + tag + ">")
	}
	b.WriteString("</tr>\n")
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
