package training

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// Cells a spreadsheet would run as formulas get a leading apostrophe in
// CSV (OWASP); numbers, even negative ones, stay numbers.
func TestCSVEscapesFormulas(t *testing.T) {
	formulas := []string{`=HYPERLINK("http://x","click")`, "+1+2", "-1+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\r=1"}
	var rows []Row
	for i, f := range formulas {
		rows = append(rows, NewRow(i, "r"+string(rune('a'+i)), map[string]any{"note": f, "@name": -0.5 - float64(i)},
			&history.History{Status: history.Failed, Err: f}, 1))
	}
	var b bytes.Buffer
	if err := NewResults(rows).WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !isNumber(cell) {
				t.Errorf("cell %q starts a formula", cell)
			}
		}
	}
	if !strings.Contains(strings.Join(recs[0], ","), "'@name") {
		t.Errorf("header %q: the hyperparameter name was not escaped", recs[0])
	}
	if !strings.Contains(strings.Join(recs[1], ","), "-0.5") {
		t.Errorf("row %q: the number -0.5 did not stay a number", recs[1])
	}
}

// Terminal escape sequences in stored values print as visible escapes.
func TestWriteTextEscapesControlCharacters(t *testing.T) {
	r := NewResults([]Row{NewRow(0, "r", map[string]any{"note": "\x1b]0;pwned\x07\x1b[2J"},
		&history.History{Status: history.Finished, Epochs: epochs(0.9, 0.5)}, 1)})
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\x07") {
		t.Errorf("raw control characters reached the terminal: %q", b.String())
	}
	if !strings.Contains(b.String(), `\x1b]0;pwned\a\x1b[2J`) {
		t.Errorf("the escapes are not shown: %q", b.String())
	}
}

func isNumber(s string) bool { _, err := strconv.ParseFloat(s, 64); return err == nil }
