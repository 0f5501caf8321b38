package ipynb

import (
	"errors"
	"reflect"
	"testing"
)

// A saved notebook's texts read in both of nbformat's forms; data that is
// not text reads as "", except a text/html, which is an error.
func TestRead(t *testing.T) {
	nb, err := Read([]byte(`{"cells":[
		{"cell_type":"markdown","source":"# Title"},
		{"cell_type":"code","source":["%%\n","x := 1"],"metadata":{"tags":["raises-exception"]},"outputs":[
			{"output_type":"stream","name":"stderr","text":["a\n","b"]},
			{"output_type":"display_data","data":{"text/html":["<b>","</b>"],"application/json":{"k":1},"text/plain":"x"}},
			{"output_type":"error","ename":"ERROR","evalue":"bad","traceback":["at x"]}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := &Saved{Cells: []SavedCell{
		{Type: "markdown", Source: "# Title"},
		{Type: "code", Source: "%%\nx := 1", Metadata: CellMeta{Tags: []string{"raises-exception"}}, Outputs: []Output{
			{Type: "stream", Name: "stderr", Text: "a\nb"},
			{Type: "display_data", Data: Bundle{"text/html": "<b></b>", "application/json": "", "text/plain": "x"}},
			{Type: "error", Ename: "ERROR", Evalue: "bad", Traceback: []string{"at x"}}}},
	}}
	if !reflect.DeepEqual(nb, want) {
		t.Errorf("Read = %+v\nwant %+v", nb, want)
	}
	if c := nb.Cells[1]; !c.Tagged("raises-exception") || c.FirstLine() != "%%" {
		t.Errorf("cell 2: tagged %v, first line %q", c.Tagged("raises-exception"), c.FirstLine())
	}
	for _, html := range []string{`{"k":1}`, `[1]`, `null`} {
		_, err := Read([]byte(`{"cells":[{"outputs":[{"data":{"text/html":` + html + `}}]}]}`))
		if !errors.Is(err, ErrNotText) {
			t.Errorf("text/html %s: %v; want ErrNotText", html, err)
		}
	}
	if _, err := Read([]byte(`{"cells":`)); err == nil {
		t.Error("a cut notebook reads without an error")
	}
}

// HTMLOutputs gives each cell's text/html outputs, empty ones included, in
// order; a cell without any has none.
func TestHTMLOutputs(t *testing.T) {
	got, err := HTMLOutputs([]byte(`{"cells":[
		{"outputs":[{"data":{"text/html":"<p>a</p>"}},{"data":{"text/plain":"x"}},{"data":{"text/html":["<p>","b</p>"]}}]},
		{"cell_type":"markdown"},
		{"outputs":[{"data":{"text/html":""}}]}]}`))
	want := [][]string{{"<p>a</p>", "<p>b</p>"}, nil, {""}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("HTMLOutputs = %q, %v; want %q", got, err, want)
	}
	if _, err := HTMLOutputs([]byte(`{"cells":[{"outputs":[{"data":{"text/html":{"k":1}}}]}]}`)); !errors.Is(err, ErrNotText) {
		t.Errorf("a text/html object: %v; want ErrNotText", err)
	}
}

func TestJoinText(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
		ok   bool
	}{
		{"one", "one", true},
		{[]any{"a\n", "b"}, "a\nb", true},
		{[]any{}, "", true},
		{[]any{"a", 1.0}, "", false},
		{map[string]any{"k": 1.0}, "", false},
		{nil, "", false},
	} {
		if got, ok := JoinText(tc.v); got != tc.want || ok != tc.ok {
			t.Errorf("JoinText(%#v) = %q, %v; want %q, %v", tc.v, got, ok, tc.want, tc.ok)
		}
	}
}

// Decode and Encode give back a notebook as Jupyter wrote it, its numbers
// as written.
func TestDecodeKeepsNumbers(t *testing.T) {
	in := "{\n \"cells\": [],\n \"metadata\": {\n  \"big\": 12345678901234567890,\n  \"x\": 1.50\n },\n \"nbformat\": 4\n}\n"
	var nb map[string]any
	if err := Decode([]byte(in), &nb); err != nil {
		t.Fatal(err)
	}
	out, err := Encode(nb)
	if err != nil || string(out) != in {
		t.Errorf("Decode then Encode = %q, %v; want %q", out, err, in)
	}
}
