package training

import (
	"strconv"
	"strings"
	"unicode"
)

// csvCell defuses a cell that a spreadsheet would run as a formula
// (OWASP's CSV-injection rule): a cell starting with = + - @ tab or
// carriage return gets a leading apostrophe, which spreadsheets show as
// text. A plain number (-0.5, +3, -Inf) is left alone so that the column
// stays numeric: a number is never a formula.
func csvCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// TerminalText makes stored text safe to print: control characters
// (an escape sequence in a hyperparameter value or an error from a run
// file could recolour, retitle or clear the terminal) are shown as Go
// escapes such as \x1b instead of being sent raw.
func TerminalText(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
