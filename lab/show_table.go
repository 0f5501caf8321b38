package lab

import (
	"html"

	"github.com/hyperlab-go/hyperlab/plotting"
)

// Table is a small table of computed numbers shown beside a chart:
// plotting.Table (the one table type, also a report page's), with Show.
// Every cell is text; HTML escapes it.
type Table plotting.Table

// HTML renders the table, every string escaped.
func (t Table) HTML() string { return plotting.Table(t).HTML() }

// Text renders the table with aligned columns.
func (t Table) Text() string { return plotting.Table(t).Text() }

// Show displays the table under the cell (text outside a notebook).
func (t Table) Show() { Display(t.HTML(), t.Text()) }

// ShowWith displays the table with a sentence under it, the finding it
// supports.
func (t Table) ShowWith(sentence string) {
	Display(t.HTML()+paragraph("", sentence), t.Text()+sentence+"\n")
}

// showSentence displays one sentence, as a paragraph of class ("": none).
func showSentence(class, sentence string) { Display(paragraph(class, sentence), sentence+"\n") }

// paragraph is sentence, escaped, as an HTML paragraph of class ("": none).
func paragraph(class, sentence string) string {
	open := "<p>"
	if class != "" {
		open = `<p class="` + class + `">`
	}
	return open + html.EscapeString(sentence) + "</p>"
}
