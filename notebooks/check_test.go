package notebooks

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

// cell builds a code cell from its source, tags and outputs.
func cell(src string, tags []string, outs ...ipynb.Output) ipynb.SavedCell {
	return ipynb.SavedCell{Type: "code", Source: ipynb.Text(src), Metadata: ipynb.CellMeta{Tags: tags}, Outputs: outs}
}

func stderr(s string) ipynb.Output {
	return ipynb.Output{Type: "stream", Name: "stderr", Text: ipynb.Text(s)}
}
func stdout(s string) ipynb.Output {
	return ipynb.Output{Type: "stream", Name: "stdout", Text: ipynb.Text(s)}
}

var raises = []string{RaisesException}

func TestCheck(t *testing.T) {
	compileErr := ipynb.Output{Type: "error", Ename: "ERROR", Evalue: `failed to run "go build": exit status 1`}
	for _, tc := range []struct {
		name string
		cell ipynb.SavedCell
		want string // substring of the one problem; "" for none
	}{
		{"clean output", cell("%%\nfmt.Println(1)", nil, stdout("1\n")), ""},
		{"stderr without failure is fine", cell("%%\nlog.Print(1)", nil, stderr("2026/01/01 1\n")), ""},
		{"markdown is not checked", ipynb.SavedCell{Type: "markdown", Source: "panic: no"}, ""},
		{"GoNB error output", cell("%%\nx := y", nil, compileErr), `cell 1 (%%): error: ERROR: failed to run "go build"`},
		{"compile error details", cell("%%\nx := y", nil, ipynb.Output{Type: "display_data", Data: map[string]ipynb.Text{"text/html": `<style>.gonb-err-location {}</style><span class="gonb-err-location">./main.go:10:6: </span> undefined: y &amp; z`}}, compileErr), "\n./main.go:10:6:  undefined: y & z"},
		{"panic", cell("%%\npanic(1)", nil, stderr("panic: 1\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/main.go:15 +0x65\nexit status 2\n")), "crashed with a Go stack trace:\npanic: 1"},
		{"non-zero exit", cell("%%\nos.Exit(3)", nil, stderr("bad\nexit status 3\n")), "exited with status 3; stderr: bad"},
		{"goroutine dump without panic", cell("%%\nx()", nil, stderr("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n")), "stack trace"},

		{"expected error, one sentence", cell("%% --learning_rate=-1", raises, stderr("hparams: learning_rate=-1 is below its minimum 1e-05.\nexit status 1\n")), ""},
		{"expected error that did not happen", cell("%% --learning_rate=1", raises, stdout("ok\n")), "is tagged raises-exception but ran without error"},
		{"expected error with a stack trace", cell("%% --learning_rate=-1", raises, stderr("panic: hparams: bad\n\ngoroutine 1 [running]:\nexit status 2\n")), "expected error shows a Go stack trace"},
		{"expected error from GoNB instead of the program", cell("%%\nx := y", raises, compileErr), "but GoNB failed"},
		{"expected error of two lines", cell("%%", raises, stderr("first.\nsecond.\nexit status 1\n")), "one sentence on one line, got 2 lines"},
		{"expected error that is silent", cell("%%", raises, stderr("exit status 1\n")), "printed nothing"},
		{"expected error too long", cell("%%", raises, stderr(strings.Repeat("x", 301)+"\nexit status 1\n")), "301 characters long"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantProblem(t, "Check", Check(&ipynb.Saved{Cells: []ipynb.SavedCell{tc.cell}}), tc.want)
		})
	}
}

func TestCheckLocatesCells(t *testing.T) {
	nb := &ipynb.Saved{Cells: []ipynb.SavedCell{
		{Type: "markdown", Source: "# Title"},
		cell("import \"fmt\"", nil),
		cell("\n  %% --epochs=3\nrun()", nil, stderr("exit status 1\n")),
	}}
	got := Check(nb)
	if len(got) != 1 || got[0].Cell != 3 || got[0].FirstLine != "%% --epochs=3" {
		t.Errorf("Check = %+v, want one problem at cell 3 with first line %q", got, "%% --epochs=3")
	}
}

func TestTextReadsBothForms(t *testing.T) {
	var c ipynb.SavedCell
	if err := json.Unmarshal([]byte(`{"cell_type":"code","source":["a\n","b"],"outputs":[{"output_type":"stream","name":"stderr","text":"x"},{"output_type":"display_data","data":{"text/html":["<b>","</b>"],"application/json":{"k":1}}}]}`), &c); err != nil {
		t.Fatal(err)
	}
	if c.Source != "a\nb" || c.Outputs[0].Text != "x" || c.Outputs[1].Data["text/html"] != "<b></b>" {
		t.Errorf("decoded %+v", c)
	}
}

func TestCharts(t *testing.T) {
	html := func(s string) ipynb.Output {
		return ipynb.Output{Type: "display_data", Data: map[string]ipynb.Text{"text/html": ipynb.Text(s)}}
	}
	nb := &ipynb.Saved{Cells: []ipynb.SavedCell{
		cell("%%", nil, html(`<div id="a" class="hyperlab-chart"></div><script>document.querySelectorAll('.hyperlab-chart')</script>`)),
		cell("%%", nil, html(`<table></table>`), html(`<div id="b" class="hyperlab-chart"></div><div id="c" class="hyperlab-chart"></div>`)),
		{Type: "markdown", Source: `<div class="hyperlab-chart"></div>`},
	}}
	if got := Charts(nb); got != 3 {
		t.Errorf("Charts = %d, want 3", got)
	}
}

func TestLostOutputs(t *testing.T) {
	committed := &ipynb.Saved{Cells: []ipynb.SavedCell{
		cell("%%\nhp.Show()", nil, stdout("table")),
		cell("%%\nquiet()", nil),
		cell("%%\nedited()", nil, stdout("x")),
	}}
	executed := &ipynb.Saved{Cells: []ipynb.SavedCell{
		cell("%%\nhp.Show()", nil),
		cell("%%\nquiet()", nil),
		cell("%%\nedited(2)", nil),
	}}
	got := LostOutputs(committed, executed)
	if len(got) != 1 || got[0].Cell != 1 || !strings.Contains(got[0].String(), "showed nothing, but the committed notebook has 1 output(s)") {
		t.Errorf("LostOutputs = %v, want one problem at cell 1", got)
	}
	if got := LostOutputs(committed, &ipynb.Saved{}); got != nil {
		t.Errorf("LostOutputs of notebooks with different cells = %v, want nil", got)
	}
}

// wantProblem fails unless got, what the checker named by what found, is
// no problem (want "") or one problem whose text contains want.
func wantProblem(t *testing.T, what string, got []Problem, want string) {
	t.Helper()
	switch {
	case want == "" && len(got) != 0:
		t.Errorf("%s = %v, want no problem", what, got)
	case want != "" && len(got) != 1:
		t.Errorf("%s = %v, want one problem containing %q", what, got, want)
	case want != "" && !strings.Contains(got[0].String(), want):
		t.Errorf("%s = %q, want it to contain %q", what, got[0].String(), want)
	}
}
