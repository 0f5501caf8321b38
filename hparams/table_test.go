package hparams_test

import (
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// hostile has user strings that try to break out of HTML.
var hostile = hparams.NewBuilder().
	String("label", `<script>alert("x")</script>`, `help with <b>tags</b> & "quotes" 'too'`).
	String("mode", "a", "choices <i>", hparams.Choices("a", `<img src=x onerror=alert(1)>`)).
	Float("learning_rate", 0.01, "step\nsize", hparams.Range(1e-5, 10), hparams.Log()).
	MustSpec()

func TestTableRows(t *testing.T) {
	v := mustParse(t, spec, "--learning_rate=0.3", "--set=epochs=7")
	rows := v.Table().Rows
	want := hparams.Row{Name: "learning_rate", Value: "0.3", Default: "0.01", Allowed: "1e-05..10 (log)", Help: "step size of the optimizer", Changed: true}
	if rows[0] != want {
		t.Errorf("row 0 = %+v, want %+v", rows[0], want)
	}
	if !rows[1].Changed || rows[2].Changed || len(rows) != 5 {
		t.Errorf("rows = %+v", rows)
	}
	if got := (hparams.Values{}).Table(); len(got.Rows) != 0 || !strings.Contains(got.Text(), "name") {
		t.Errorf("zero Values table %+v", got)
	}
}

func TestTableHTMLEscapes(t *testing.T) {
	v, err := hostile.Parse([]string{`--label=<script>alert('y')</script>"`, "--learning_rate=0.5"})
	if err != nil {
		t.Fatal(err)
	}
	html := v.Table().HTML()
	for _, bad := range []string{"<script>", "<b>tags", "<img", "<i>", `"quotes"`, "'too'"} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML contains unescaped %q:\n%s", bad, html)
		}
	}
	for _, want := range []string{"&lt;script&gt;", "&amp;", "&#34;quotes&#34;", `<tr class="hp-changed">`, "<b>0.5</b>"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q:\n%s", want, html)
		}
	}
	testutil.Golden(t, "table_hostile.html", html)
	testutil.Golden(t, "table.html", mustParse(t, spec, "--learning_rate=0.3", "--set=epochs=7").Table().HTML())
}

func TestTableText(t *testing.T) {
	v, err := hostile.Parse([]string{"--mode=<img src=x onerror=alert(1)>"})
	if err != nil {
		t.Fatal(err)
	}
	text := v.Table().Text()
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want a header and 3 rows, got %q", text)
	}
	if !strings.HasPrefix(lines[2], "* mode ") || strings.HasPrefix(lines[1], "*") {
		t.Errorf("changed marker wrong:\n%s", text)
	}
	if !strings.Contains(lines[3], "step size") {
		t.Errorf("newline in help not flattened:\n%s", text)
	}
	testutil.Golden(t, "table_hostile.txt", text)
}

func TestTableHeader(t *testing.T) {
	v := hparams.MustSpecOf(struct {
		Epochs int `hp:"epochs" default:"3"`
	}{}).Defaults()
	tab := v.Table()
	if !strings.HasPrefix(tab.Text(), "  name") || !strings.Contains(tab.HTML(), "<th>name</th><th>value</th>") {
		t.Errorf("default header:\n%s\n%s", tab.Text(), tab.HTML())
	}
	tab.Header = []string{"名称", "取值", "默认值", "允许范围", "<b>"}
	if !strings.HasPrefix(tab.Text(), "  名称\t") && !strings.HasPrefix(tab.Text(), "  名称 ") {
		t.Errorf("own header, text:\n%s", tab.Text())
	}
	if !strings.Contains(tab.HTML(), "<th>名称</th>") || !strings.Contains(tab.HTML(), "<th>&lt;b&gt;</th>") {
		t.Errorf("own header, HTML (escaped):\n%s", tab.HTML())
	}
	tab.Header = []string{"too", "few"}
	if !strings.HasPrefix(tab.Text(), "  name") {
		t.Errorf("a header of the wrong length is not used:\n%s", tab.Text())
	}
}
