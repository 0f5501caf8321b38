package plotting

import (
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

func TestFilterTableGolden(t *testing.T) {
	ft := FilterTable{ID: "trials", Table: Table{Caption: "Every trial", Header: []string{"trial", "learning_rate", "best_loss"},
		Rows: [][]string{{"0", "0.1", "0.31"}, {"1", "0.01", "0.25"}}}}
	h, err := ft.HTML()
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "filter_table.html", []byte(h))
}

// TestFilterTableEscapes tries markup and quotes in every place a user
// string reaches: caption, header, cells.
func TestFilterTableEscapes(t *testing.T) {
	evil := `<script>alert("x")</script>'&`
	ft := FilterTable{ID: "t1", Table: Table{Caption: evil, Header: []string{evil}, Rows: [][]string{{evil}}}}
	h, err := ft.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h, "<script>alert") || strings.Contains(h, `"x"`) {
		t.Errorf("a user string reached the HTML unescaped:\n%s", h)
	}
	if n := strings.Count(h, "&lt;script&gt;alert"); n != 3 {
		t.Errorf("want the string escaped in caption, header and cell (3 times), found %d", n)
	}
	if _, err := (FilterTable{ID: `x" onload="y`}).HTML(); err == nil {
		t.Errorf("an ID with quotes was accepted")
	}
}
