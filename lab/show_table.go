package lab

import "github.com/hyperlab-go/hyperlab/plotting"

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
