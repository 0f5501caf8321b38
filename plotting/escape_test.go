package plotting

import (
	"strings"
	"testing"
)

// TestEscaping checks that user strings cannot leave the JSON of the script
// or the HTML text they are written into.
func TestEscaping(t *testing.T) {
	const evil = `</script><script>alert("x")</script><img src=x onerror=alert(1)> & 'q'`
	runs := []Run{{Label: evil, Values: map[string]any{evil: evil}, History: sampleHistory()},
		{Values: map[string]any{evil: "b"}, History: sampleHistory()}}
	c, err := Compare(runs, CompareOptions{Title: evil})
	if err != nil {
		t.Fatal(err)
	}
	c.ID = "x"
	f := fragment(t, c)
	p := Page{Title: evil}
	p.Heading(evil)
	p.Text(evil)
	p.Chart(c)
	p.Table(Table{Caption: evil, Header: []string{evil}, Rows: [][]string{{evil}}})
	page, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"fragment": f, "page": page} {
		if n := strings.Count(out, `<img src="data:image/png;base64,`); n != strings.Count(out, "<img") || n != 1 {
			t.Errorf("the %s holds %d chart images and %d img elements, want one of each", name, n, strings.Count(out, "<img"))
		}
		for _, bad := range []string{"<img src=x", `<script>alert`, "</script><script>", "onerror=alert(1)>"} {
			if strings.Contains(out, bad) {
				t.Errorf("the %s holds %q unescaped", name, bad)
			}
		}
		if n, m := strings.Count(out, "<script"), strings.Count(out, "</script>"); n != m || n == 0 {
			t.Errorf("the %s has %d script starts and %d ends", name, n, m)
		}
	}
	if !strings.Contains(f, `\u003c/script\u003e`) {
		t.Error("the option JSON does not escape </script> as \\u003c/script\\u003e")
	}
}

func TestChartBox(t *testing.T) {
	for _, c := range []Chart{{ID: `a"b`}, {ID: "1abc"}, {Width: "100px;background:red"}, {Height: "expression(x)"}} {
		if _, err := (&c).Fragment(); err == nil {
			t.Errorf("chart %+v renders without an error", c)
		}
	}
	c := Loss(nil, LossOptions{})
	a, _ := c.Fragment()
	b, _ := c.Fragment()
	if a != b || !strings.Contains(a, `id="hyperlab-`) {
		t.Error("two renderings of a chart without ID differ: its id is not made from its content")
	}
	other, _ := Loss(nil, LossOptions{Title: "other"}).Fragment()
	if other[:40] == a[:40] {
		t.Error("charts of different content share a div id")
	}
	if _, err := InlineScript([]byte("x='</SCRIPT>'")); err == nil {
		t.Error("InlineScript accepts a script holding </script")
	}
}
