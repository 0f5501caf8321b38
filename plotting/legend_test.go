package plotting

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShortLabel(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"adam", "adam"},
		{"l2_regularization=0.003", "l2_regularization=0.003"},
		{"fnn_num_hidden_nodes=46, learning_rate=0.01765", "fnhn=46, lr=0.01765"},
		{"dropout_rate=0.4, l2_regularization=0", "dr=0.4, l2r=0"},
		{"a run whose label is far too long to show", "a run whose…long to show"},
	} {
		if got := shortLabel(tc.in); got != tc.want {
			t.Errorf("shortLabel(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Thirty long labels of a sweep, as 09's linked curves have: the legend
// does not paginate, every shown label is short and distinct, and the plot
// moves down by the rows the legend wraps onto.
func TestLegendWrapsShortLabels(t *testing.T) {
	var runs []Run
	for i := range 30 {
		runs = append(runs, Run{Values: map[string]any{"fnn_num_hidden_nodes": 10 + i, "learning_rate": 0.001 * float64(i+1)},
			History: linkedRuns("x")[0].History})
	}
	c, err := Compare(runs, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := c.Option["legend"].(map[string]any)
	if l["type"] != "plain" {
		t.Errorf("legend type %v, want plain (wrapping, not paginated)", l["type"])
	}
	short, _ := l["shortNames"].(map[string]any)
	seen := map[any]bool{}
	for _, name := range legendNames(c.Option) {
		s, ok := short[name].(string)
		if !ok {
			t.Fatalf("%q has no short label", name)
		}
		if utf8.RuneCountInString(s) > legendChars || seen[s] {
			t.Errorf("short label %q of %q is too long or not distinct", s, name)
		}
		seen[s] = true
	}
	g, _ := list(c.Option["grid"])[0].(map[string]any)
	if g["top"] == "70" || c.Height == "" {
		t.Errorf("grid top %v, chart height %q: the wrapped legend's rows should push the plot down and the chart up", g["top"], c.Height)
	}
	// Labels that would shorten to the same text stay whole.
	if m := shortLabels([]string{"learning_rate=0.1, x=" + strings.Repeat("1", 9), "lr=0.1, x=" + strings.Repeat("1", 9)}); len(m) != 0 {
		t.Errorf("colliding short labels were used: %v", m)
	}
	// A legend of a few short names stays on one row and leaves the grid.
	c2, _ := Compare(runs[:3], CompareOptions{})
	if g, _ := list(c2.Option["grid"])[0].(map[string]any); g["top"] != "70" || c2.Height != "" {
		t.Errorf("three entries moved the grid to %v (height %q)", g["top"], c2.Height)
	}
}
