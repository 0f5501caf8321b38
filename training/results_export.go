package training

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// column is one column of the exported table: a header and how to write a
// row's cell, exactly (CSV) or for reading (Markdown, HTML, text).
type column struct {
	name  string
	exact func(Row) string
	short func(Row) string
}

func metricColumn(name string, get func(Row) float64) column {
	return column{name: name,
		exact: func(r Row) string { return metricCell(get(r), exact) },
		short: func(r Row) string { return metricCell(get(r), history.Format) }}
}

func intColumn(name string, get func(Row) int) column {
	f := func(r Row) string { return strconv.Itoa(get(r)) }
	return column{name: name, exact: f, short: f}
}

func textColumn(name string, get func(Row) string) column {
	return column{name: name, exact: get, short: get}
}

// metricCell writes a metric with text, or leaves the cell empty when the metric
// does not apply (not finite).
func metricCell(f float64, text func(float64) string) string {
	if !history.Finite(f) {
		return ""
	}
	return text(f)
}

// exact writes f as the shortest text that parses back to it.
func exact(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// columns lists the table's columns; metric columns that are empty in
// every row (accuracy on a regression sweep, say) are left out.
func (r *Results) columns() []column {
	cols := []column{
		intColumn("trial", func(x Row) int { return x.Trial }),
		textColumn("id", func(x Row) string { return x.ID }),
	}
	for _, name := range r.Names {
		cols = append(cols, column{name: name,
			exact: func(x Row) string { return hparams.Format(x.Values[name]) },
			short: func(x Row) string {
				// A fraction to 6 digits for reading; whole numbers (a seed
				// read back from JSON as float64) keep every digit.
				if f, ok := x.Values[name].(float64); ok && f != math.Trunc(f) {
					return strconv.FormatFloat(f, 'g', 6, 64)
				}
				return hparams.Format(x.Values[name])
			}})
	}
	cols = append(cols,
		textColumn("status", func(x Row) string { return string(x.Status) }),
		intColumn("epochs", func(x Row) int { return x.Epochs })) // epochs run: not a hyperparameter name
	metrics := []struct {
		name string
		get  func(Row) float64
	}{
		{"train_loss", func(x Row) float64 { return x.TrainLoss }},
		{"val_loss", func(x Row) float64 { return x.ValLoss }},
		{"val_accuracy", func(x Row) float64 { return x.ValAccuracy }},
		{"val_error", func(x Row) float64 { return x.ValError }},
		{"best_loss", func(x Row) float64 { return x.BestLoss }},
	}
	for _, m := range metrics {
		if r.anyRow(func(x Row) bool { return history.Finite(m.get(x)) }) {
			cols = append(cols, metricColumn(m.name, m.get))
		}
	}
	cols = append(cols, intColumn("best_epoch", func(x Row) int { return x.BestEpoch }))
	if !r.untimed {
		cols = append(cols, column{name: "seconds",
			exact: func(x Row) string { return metricCell(x.Seconds, exact) },
			short: func(x Row) string { return strconv.FormatFloat(x.Seconds, 'f', 2, 64) }})
	}
	if r.anyRow(func(x Row) bool { return x.Error != "" }) {
		cols = append(cols, textColumn("error", func(x Row) string { return x.Error }))
	}
	return cols
}

func (r *Results) anyRow(pred func(Row) bool) bool {
	for _, x := range r.Rows {
		if pred(x) {
			return true
		}
	}
	return false
}

// Cells returns the table as text, as Markdown, HTML and the terminal show
// it (numbers to 4 significant digits, missing metrics empty): a header
// and one row of cells per Row. Report pages build their tables from it.
func (r *Results) Cells() (header []string, rows [][]string) {
	cols := r.columns()
	for _, c := range cols {
		header = append(header, c.name)
	}
	for _, row := range r.Rows {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = c.short(row)
		}
		rows = append(rows, cells)
	}
	return header, rows
}

// WriteCSV writes a header and one record per row; numbers keep their full
// precision and missing metrics are empty cells. A text cell that a
// spreadsheet would run as a formula starts with an apostrophe (see
// csvCell).
func (r *Results) WriteCSV(w io.Writer) error {
	cols := r.columns()
	cw := csv.NewWriter(w)
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = csvCell(c.name)
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("training: writing results CSV: %w", err)
	}
	for _, row := range r.Rows {
		rec := make([]string, len(cols))
		for i, c := range cols {
			rec[i] = csvCell(c.exact(row))
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("training: writing results CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("training: writing results CSV: %w", err)
	}
	return nil
}

// rowJSON is Row with missing metrics as null (encoding/json refuses NaN).
type rowJSON struct {
	Trial       int            `json:"trial"`
	ID          string         `json:"id"`
	Values      map[string]any `json:"values"`
	Status      string         `json:"status"`
	Error       string         `json:"error,omitempty"`
	Epochs      int            `json:"epochs"`
	TrainLoss   *float64       `json:"train_loss"`
	ValLoss     *float64       `json:"val_loss"`
	ValAccuracy *float64       `json:"val_accuracy"`
	ValError    *float64       `json:"val_error"`
	BestLoss    *float64       `json:"best_loss"`
	BestEpoch   int            `json:"best_epoch"`
	Seconds     float64        `json:"seconds"`
}

func nullable(f float64) *float64 {
	if !history.Finite(f) {
		return nil
	}
	return &f
}

// WriteJSON writes {"names": [...], "best": id, "rows": [...]}, indented,
// with missing metrics as null.
func (r *Results) WriteJSON(w io.Writer) error {
	out := struct {
		Names []string  `json:"names"`
		Best  string    `json:"best,omitempty"`
		Rows  []rowJSON `json:"rows"`
	}{Names: r.Names, Rows: []rowJSON{}}
	if out.Names == nil {
		out.Names = []string{}
	}
	if best, ok := r.Best(); ok {
		out.Best = best.ID
	}
	for _, x := range r.Rows {
		out.Rows = append(out.Rows, rowJSON{x.Trial, x.ID, x.Values, string(x.Status), x.Error, x.Epochs,
			nullable(x.TrainLoss), nullable(x.ValLoss), nullable(x.ValAccuracy), nullable(x.ValError),
			nullable(x.BestLoss), x.BestEpoch, x.Seconds})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("training: writing results JSON: %w", err)
	}
	return nil
}

// WriteMarkdown writes a GitHub-flavoured Markdown table; the best row is
// marked with a ★ in the trial column.
func (r *Results) WriteMarkdown(w io.Writer) error {
	cols := r.columns()
	best, hasBest := r.Best()
	var b strings.Builder
	cells := make([]string, len(cols))
	for i, c := range cols {
		cells[i] = markdownCell(c.name)
	}
	b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	for i := range cols {
		cells[i] = "---"
	}
	b.WriteString("|" + strings.Join(cells, "|") + "|\n")
	for _, row := range r.Rows {
		for i, c := range cols {
			cells[i] = markdownCell(c.short(row))
		}
		if hasBest && row.ID == best.ID {
			cells[0] += " ★"
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("training: writing results Markdown: %w", err)
	}
	return nil
}

// markdownEscaper keeps a cell's pipes from ending the cell and its HTML
// from being HTML: Markdown renderers pass raw tags through.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "&", "&amp;", "<", "&lt;", ">", "&gt;")

// markdownCell escapes s and keeps it on one line.
func markdownCell(s string) string {
	return markdownEscaper.Replace(strings.Join(strings.Fields(s), " "))
}

// WriteHTML writes a <table> fragment (class "hyperlab-results"; the best
// row has class "best"). Every header and cell is HTML-escaped: names and
// values come from users.
func (r *Results) WriteHTML(w io.Writer) error {
	cols := r.columns()
	best, hasBest := r.Best()
	var b strings.Builder
	b.WriteString("<table class=\"hyperlab-results\">\n<thead><tr>")
	for _, c := range cols {
		b.WriteString("<th>" + html.EscapeString(c.name) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range r.Rows {
		if hasBest && row.ID == best.ID {
			b.WriteString("<tr class=\"best\">")
		} else {
			b.WriteString("<tr>")
		}
		for _, c := range cols {
			b.WriteString("<td>" + html.EscapeString(c.short(row)) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("training: writing results HTML: %w", err)
	}
	return nil
}

// WriteText writes an aligned plain-text table for a terminal or a log
// (control characters shown as escapes such as \x1b, never sent raw),
// with the best row marked by "*".
func (r *Results) WriteText(w io.Writer) error {
	cols := r.columns()
	best, hasBest := r.Best()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	cells := make([]string, len(cols))
	for i, c := range cols {
		cells[i] = TerminalText(c.name)
	}
	fmt.Fprintln(tw, "  "+strings.Join(cells, "\t"))
	for _, row := range r.Rows {
		mark := "  "
		if hasBest && row.ID == best.ID {
			mark = "* "
		}
		for i, c := range cols {
			cells[i] = TerminalText(strings.Join(strings.Fields(c.short(row)), " "))
		}
		fmt.Fprintln(tw, mark+strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("training: writing results table: %w", err)
	}
	return nil
}
