package hparams

import (
	"bytes"
	"html/template"
	"strings"
	"text/tabwriter"
)

// Table is the plain data of a hyperparameter table, one Row per
// hyperparameter in declaration order. Text and HTML render it.
type Table struct {
	Rows []Row
	// Header names the five columns; nil means name, value, default,
	// allowed, help (lab puts them in the reader's language).
	Header []string
}

// DefaultHeader is the header of a Table without one.
var DefaultHeader = []string{"name", "value", "default", "allowed", "help"}

// Head returns the table's five column names.
func (t Table) Head() []string {
	if len(t.Header) == len(DefaultHeader) {
		return t.Header
	}
	return DefaultHeader
}

// Row is one hyperparameter in a Table. Values are formatted as a user
// would type them; Changed marks a value that differs from the default.
type Row struct {
	Name, Value, Default, Allowed, Help string
	Changed                             bool
}

// Table returns the table of v: name, value, default, allowed, help.
func (v Values) Table() Table {
	var t Table
	if v.spec == nil {
		return t
	}
	for i, p := range v.spec.params {
		t.Rows = append(t.Rows, Row{
			Name:    p.Name,
			Value:   Format(v.vals[i]),
			Default: Format(p.Default),
			Allowed: p.Allowed(),
			Help:    p.Help,
			Changed: !equalValue(v.vals[i], p.Default),
		})
	}
	return t
}

// Text renders aligned columns; a changed value is marked with "*" before
// its name. Newlines and tabs inside cells become spaces.
func (t Table) Text() string {
	var b bytes.Buffer
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	w.Write([]byte("  " + strings.Join(t.Head(), "\t") + "\n"))
	for _, r := range t.Rows {
		mark := "  "
		if r.Changed {
			mark = "* "
		}
		cells := []string{mark + r.Name, r.Value, r.Default, r.Allowed, r.Help}
		for i, c := range cells {
			cells[i] = strings.Map(func(r rune) rune {
				if r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f' {
					return ' '
				}
				return r
			}, c)
		}
		w.Write([]byte(strings.Join(cells, "\t") + "\n"))
	}
	w.Flush()
	return b.String()
}

// tableHTML escapes every cell (html/template: the template is trusted, the
// data is not). A changed row has class "hp-changed" and a bold value.
var tableHTML = template.Must(template.New("table").Parse(`<table class="hparams">
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
{{if .Changed}}<tr class="hp-changed"><td>{{.Name}}</td><td><b>{{.Value}}</b></td>{{else}}<tr><td>{{.Name}}</td><td>{{.Value}}</td>{{end}}<td>{{.Default}}</td><td>{{.Allowed}}</td><td>{{.Help}}</td></tr>
{{- end}}
</tbody>
</table>
<style>table.hparams tr.hp-changed td { background: #fff3c4; color: #222; }</style>
`))

// HTML renders the table as an HTML fragment, for a notebook cell's
// output (gonbui.DisplayHTML) or a report page. Every string is escaped.
func (t Table) HTML() string {
	var b bytes.Buffer
	if err := tableHTML.Execute(&b, t); err != nil {
		// Only a broken writer fails; a bytes.Buffer does not.
		return "<pre>" + template.HTMLEscapeString(err.Error()) + "</pre>"
	}
	return b.String()
}
