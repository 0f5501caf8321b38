package training

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// evil is user text that would run script if it reached HTML as markup:
// a tag with a handler, quotes, and the end of a script element.
const evil = `<img src=x onerror=alert(1)>"q'</script>`

// hostileResults carries evil in a hyperparameter's name, its value, a
// run ID and an error: every string a user controls in a results table.
func hostileResults() *Results {
	return NewResults([]Row{
		NewRow(0, "id-"+evil, map[string]any{evil: evil, "learning_rate": 0.1},
			&history.History{Status: history.Finished, Epochs: epochs(0.9, 0.5)}, 1),
		NewRow(1, "b", map[string]any{evil: "x", "learning_rate": 0.2},
			&history.History{Status: history.Failed, Err: evil}, 1),
	})
}

// Markdown renderers (GitHub, Jupyter) pass raw HTML through, so the
// Markdown table escapes it too.
func TestResultsEscapeHostileStrings(t *testing.T) {
	r := hostileResults()
	for _, w := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"HTML", func(b *bytes.Buffer) error { return r.WriteHTML(b) }},
		{"Markdown", func(b *bytes.Buffer) error { return r.WriteMarkdown(b) }},
	} {
		var b bytes.Buffer
		if err := w.write(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, bad := range []string{"<img", "</script", "onerror=alert(1)>"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s holds %q unescaped:\n%s", w.name, bad, out)
			}
		}
		if !strings.Contains(out, "&lt;img src=x onerror=alert(1)&gt;") {
			t.Errorf("%s lost the escaped user text:\n%s", w.name, out)
		}
	}
}
