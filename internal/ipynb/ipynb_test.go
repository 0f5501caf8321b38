package ipynb

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []Cell
		wantErr   string
	}{
		{"cells and tags", "-- md\n# Title\n\ntext\n\n-- code\n%%\nfmt.Println(1)\n\n\n-- code raises-exception\n%% --x=-1\n",
			[]Cell{
				{Type: "markdown", Tags: []string{}, Source: []string{"# Title\n", "\n", "text"}},
				{Type: "code", Tags: []string{}, Source: []string{"%%\n", "fmt.Println(1)"}},
				{Type: "code", Tags: []string{"raises-exception"}, Source: []string{"%% --x=-1"}},
			}, ""},
		{"a translation and a tag", "-- md\nHello\n-- md zh\n你好\n-- code zh\nx\n",
			[]Cell{
				{Type: "markdown", Tags: []string{}, Source: []string{"Hello"}},
				{Type: "markdown", Tags: []string{}, Lang: "zh", Source: []string{"你好"}},
				{Type: "code", Tags: []string{"zh"}, Source: []string{"x"}}, // a code cell's words are tags
			}, ""},
		{"a translation first", "-- md zh\n你好\n", nil, "must follow the English"},
		{"a translation after code", "-- code\nx\n-- md zh\n你好\n", nil, "must follow the English"},
		{"two translations", "-- md\nHi\n-- md zh\n你好\n-- md zh\n您好\n", nil, "must follow the English"},
		{"text before the first marker", "hello\n-- md\n", nil, "text before the first cell marker"},
		{"unknown type", "-- raw\nx\n", nil, `unknown cell type "raw"`},
		{"marker without type", "-- \nx\n", nil, "needs a type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tc.src), "nb.txt")
			if testutil.ErrCase(t, err, tc.wantErr) {
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Parse =\n%#v\nwant\n%#v", got, tc.want)
			}
		})
	}
}

func TestParseNil(t *testing.T) {
	if _, err := Parse(nil, "x"); err == nil {
		t.Error("Parse(nil) gave no error")
	}
}

func TestMarshal(t *testing.T) {
	out, err := Marshal([]Cell{{Type: "code", Source: []string{"x"}}, {Type: "markdown", Tags: []string{"a"}}})
	if err != nil {
		t.Fatal(err)
	}
	var nb struct {
		Cells []map[string]any `json:"cells"`
		Meta  struct {
			Kernel struct{ Name string } `json:"kernelspec"`
		} `json:"metadata"`
		Format int `json:"nbformat"`
	}
	if err := json.Unmarshal(out, &nb); err != nil {
		t.Fatal(err)
	}
	if nb.Format != 4 || nb.Meta.Kernel.Name != "gonb" || len(nb.Cells) != 2 {
		t.Fatalf("notebook = %+v", nb)
	}
	code, md := nb.Cells[0], nb.Cells[1]
	if v, ok := code["execution_count"]; !ok || v != nil {
		t.Errorf("code cell: execution_count = %v, %v; want a null field", v, ok)
	}
	if _, ok := code["outputs"]; !ok {
		t.Error("code cell without outputs")
	}
	if _, ok := md["execution_count"]; ok {
		t.Error("markdown cells must not have execution_count")
	}
	if tags := md["metadata"].(map[string]any)["tags"]; !reflect.DeepEqual(tags, []any{"a"}) {
		t.Errorf("tags = %v", tags)
	}
	if src := md["source"]; !reflect.DeepEqual(src, []any{}) {
		t.Errorf("empty source = %#v, want []", src)
	}
}
