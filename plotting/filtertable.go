package plotting

import (
	"fmt"
	"html/template"
	"strings"
)

// FilterTable is a Table of many rows (one per trial of a large sweep)
// with a filter box: typing keeps the rows that contain every word typed,
// and a line says how many rows show. The rows sit in a scrolling box, so
// a table of ten thousand trials does not stretch the page. Without
// scripts the whole table shows and the box stays hidden.
type FilterTable struct {
	Table
	// ID is the id of the table's block; empty: one made from the caption.
	ID string
}

// filterTableHTML is the block. html/template escapes every cell, the
// caption and the ids. Cells end without </td> and rows without </tr>,
// which HTML allows: a table of 10,000 rows is a fifth smaller for it.
var filterTableHTML = template.Must(template.New("filtertable").Parse(`<div class="hyperlab-filter" id="{{.ID}}">
<p hidden><label>Filter rows: <input type="search" id="{{.ID}}-q" placeholder="words all in one row, such as 0.01 finished" size="40"></label> <span id="{{.ID}}-n">{{len .Rows}} of {{len .Rows}} rows</span></p>
<div style="max-height:480px;overflow:auto">
<table class="hyperlab-numbers" id="{{.ID}}-t">
{{if .Caption}}<caption>{{.Caption}}</caption>
{{end}}<thead><tr>{{range .Header}}<th>{{.}}{{end}}</thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td>{{.}}{{end}}
{{end}}</tbody>
</table>
</div>
<script>
(function () {
  var id = {{.ID}};
  var q = document.getElementById(id + '-q'), n = document.getElementById(id + '-n');
  var rows = document.getElementById(id + '-t').tBodies[0].rows, all = rows.length;
  var texts = [];
  for (var i = 0; i < all; i++) {
    texts.push(Array.prototype.map.call(rows[i].cells, function (c) { return c.textContent; }).join(' ').toLowerCase());
  }
  q.parentNode.parentNode.hidden = false;
  q.addEventListener('input', function () {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    for (var i = 0; i < all; i++) {
      var keep = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      rows[i].style.display = keep ? '' : 'none';
      if (keep) { shown++; }
    }
    n.textContent = shown + ' of ' + all + ' rows';
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
	var b strings.Builder
	err := filterTableHTML.Execute(&b, struct {
		ID string
		Table
	}{id, t.Table})
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
