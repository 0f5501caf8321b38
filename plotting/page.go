package plotting

import (
	"fmt"
	"html"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/atomicfile"
)

// Page is a standalone HTML page of charts, tables and text, for reports.
// The zero Page is empty and loads ECharts from DefaultURL.
type Page struct {
	Title  string
	Source Source // where the page loads ECharts from, once, in its head
	blocks []block
}

// block is one piece of a page: a chart, or HTML this package escaped.
type block struct {
	chart *Chart
	html  string
}

// Heading adds a section heading.
func (p *Page) Heading(text string) {
	p.blocks = append(p.blocks, block{html: "<h2>" + html.EscapeString(text) + "</h2>\n"})
}

// Text adds a paragraph of plain text.
func (p *Page) Text(text string) {
	p.blocks = append(p.blocks, block{html: "<p>" + html.EscapeString(text) + "</p>\n"})
}

// Chart adds a chart; the page's Source replaces the chart's.
func (p *Page) Chart(c *Chart) { p.blocks = append(p.blocks, block{chart: c}) }

// Table adds a table.
func (p *Page) Table(t Table) { p.blocks = append(p.blocks, block{html: t.HTML()}) }

const pageStyle = `body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}
caption{font-weight:bold;text-align:left;padding:4px 0}.hyperlab-chart{margin:1em 0}`

// HTML renders the page. Charts keep their IDs when set; the others get ids
// made from their content. Each chart's div holds its static image, which
// shows when the page is opened offline or with scripts blocked.
func (p *Page) HTML() (string, error) {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"generator\" content=\"hyperlab plotting\">\n")
	b.WriteString("<title>" + html.EscapeString(p.Title) + "</title>\n")
	b.WriteString("<style>\n" + pageStyle + "\n</style>\n")
	if p.Source.Inline() {
		writeInlineLibrary(&b, p.Source)
	} else {
		b.WriteString(`<script src="` + html.EscapeString(p.Source.URL()) + `"></script>` + "\n")
	}
	b.WriteString("</head>\n<body>\n")
	if p.Title != "" {
		b.WriteString("<h1>" + html.EscapeString(p.Title) + "</h1>\n")
	}
	for i, bl := range p.blocks {
		if bl.chart == nil {
			b.WriteString(bl.html)
			continue
		}
		c := *bl.chart
		c.Source = p.Source
		var f string
		img, err := c.PNG()
		if err == nil {
			f, err = c.fragment(false, img, "")
		}
		if err != nil {
			return "", fmt.Errorf("plotting: chart %d of page %q: %w", i+1, p.Title, err)
		}
		b.WriteString(f)
	}
	b.WriteString("</body>\n</html>\n")
	return b.String(), nil
}

// WriteFile renders the page into the file at path, whole or not at all
// (internal/atomicfile): a browser reloading it while a new page is
// written never shows half of one, a failed write keeps the old page, and
// a link at path is replaced, never written through.
func (p *Page) WriteFile(path string) error {
	s, err := p.HTML()
	if err != nil {
		return err
	}
	if err := atomicfile.Write(path, []byte(s), 0o644); err != nil {
		return fmt.Errorf("plotting: cannot write the page %s (%v)", path, err)
	}
	return nil
}
