package plotting

import (
	"fmt"
	"html/template"
	"strings"
)

// FilterTable is a Table of many rows (one per run of a large sweep)
// with a filter box: typing shows the rows that contain every word typed.
// The page holds the first Show rows as HTML, which is what shows without
// scripts, and every row as data, from which the filter draws up to Show
// matching rows at a time: a browser lays out a hundred rows at once, not
// ten thousand (a table of 10,000 rows took longer to load than all the
// charts of its report).
type FilterTable struct {
	Table
	// ID is the id of the table's block; empty: one made from the caption
	// and header.
	ID string
	// Show is how many rows show at once; 0 means 100.
	Show int
}

// filterTableHTML is the block. html/template escapes every cell, the
// caption and the ids, and writes the rows into the script as JSON; the
// script puts cells into the page as text (textContent), never as markup.
var filterTableHTML = template.Must(template.New("filtertable").Parse(`<div class="hyperlab-filter" id="{{.ID}}">
<p><label hidden>Filter rows: <input type="search" id="{{.ID}}-q" placeholder="words all in one row, such as 0.01 finished" size="40"></label>
<span id="{{.ID}}-n">{{if lt (len .First) (len .Rows)}}The first {{len .First}} of {{len .Rows}} rows.{{else}}{{len .Rows}} rows.{{end}}</span></p>
<div style="max-height:480px;overflow:auto">
<table class="hyperlab-numbers" id="{{.ID}}-t">
{{if .Caption}}<caption>{{.Caption}}</caption>
{{end}}<thead><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .First}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
<script>
(function () {
  var id = {{.ID}}, show = {{.Show}}, rows = {{.Rows}}, texts = null;
  var q = document.getElementById(id + '-q'), n = document.getElementById(id + '-n');
  var body = document.getElementById(id + '-t').tBodies[0];
  q.parentNode.hidden = false;
  q.addEventListener('input', function () {
    if (!texts) { texts = rows.map(function (r) { return r.join(' ').toLowerCase(); }); }
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean), matched = 0;
    var frag = document.createDocumentFragment();
    for (var i = 0; i < rows.length; i++) {
      if (!words.every(function (w) { return texts[i].indexOf(w) >= 0; })) { continue; }
      if (++matched > show) { continue; }
      var tr = document.createElement('tr');
      rows[i].forEach(function (c) { var td = document.createElement('td'); td.textContent = c; tr.appendChild(td); });
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
    n.textContent = (matched > show ? 'The first ' + show + ' of ' : '') + matched + ' matching rows of ' + rows.length + '.';
  });
})();
</script>
</div>
`))

// HTML renders the table block.
func (t FilterTable) HTML() (string, error) {
	id := t.ID
	if id == "" {
		id = contentID(t.Caption, []byte(strings.Join(t.Header, "\x00")))
	}
	if !idPattern.MatchString(id + "-q") {
		return "", fmt.Errorf("plotting: filter table ID %q is not a letter followed by letters, digits, '-' or '_'", id)
	}
	show := t.Show
	if show <= 0 {
		show = 100
	}
	rows := t.Rows
	if rows == nil {
		rows = [][]string{} // [] in the script, not null
	}
	var b strings.Builder
	err := filterTableHTML.Execute(&b, struct {
		ID      string
		Caption string
		Header  []string
		Rows    [][]string
		First   [][]string
		Show    int
	}{id, t.Caption, t.Header, rows, rows[:min(show, len(rows))], show})
	if err != nil {
		return "", fmt.Errorf("plotting: rendering the filter table: %w", err)
	}
	return b.String(), nil
}

// FilterTable adds a table with a filter box to the page.
func (p *Page) FilterTable(t FilterTable) error {
	h, err := t.HTML()
	if err != nil {
		return err
	}
	p.blocks = append(p.blocks, block{html: h})
	return nil
}
