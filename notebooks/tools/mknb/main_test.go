package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []cell
		wantErr   string
	}{
		{"cells and tags", "-- md\n# Title\n\ntext\n\n-- code\n%%\nfmt.Println(1)\n\n\n-- code raises-exception\n%% --x=-1\n",
			[]cell{
				{CellType: "markdown", Tags: []string{}, Source: []string{"# Title\n", "\n", "text"}},
				{CellType: "code", Tags: []string{}, Source: []string{"%%\n", "fmt.Println(1)"}},
				{CellType: "code", Tags: []string{"raises-exception"}, Source: []string{"%% --x=-1"}},
			}, ""},
		{"text before the first marker", "hello\n-- md\n", nil, "text before the first cell marker"},
		{"unknown type", "-- raw\nx\n", nil, `unknown cell type "raw"`},
		{"marker without type", "-- \nx\n", nil, "needs a type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "nb.txt")
			if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := parse(path)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("parse =\n%#v\nwant\n%#v", got, tc.want)
			}
		})
	}
}

func TestCodeCellsHaveAnExecutionCount(t *testing.T) {
	code := cell{CellType: "code", Source: []string{"x"}}.asJSON()
	if v, ok := code["execution_count"]; !ok || v != nil {
		t.Errorf("code cell: execution_count = %v, %v; want a null field", v, ok)
	}
	if _, ok := code["outputs"]; !ok {
		t.Error("code cell without outputs")
	}
	md := cell{CellType: "markdown", Tags: []string{"a"}}.asJSON()
	if _, ok := md["execution_count"]; ok {
		t.Error("markdown cells must not have execution_count")
	}
	if tags := md["metadata"].(map[string]any)["tags"]; !reflect.DeepEqual(tags, []string{"a"}) {
		t.Errorf("tags = %v", tags)
	}
}
