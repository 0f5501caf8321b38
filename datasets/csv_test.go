package datasets

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name       string
		csv        string
		opts       CSVOptions
		task       Task
		x          []float32
		labels     []int32
		classNames []string
		targets    []float32
	}{
		{name: "string classes, last column",
			csv:  "a,b,species\n1,2,versicolor\n3,4,setosa\n5,6,versicolor\n",
			task: Classification, x: []float32{1, 2, 3, 4, 5, 6},
			labels: []int32{1, 0, 1}, classNames: []string{"setosa", "versicolor"}},
		{name: "label column by name, in the middle",
			csv:  "a,y,b\n1,0,2\n3,2,4\n",
			opts: CSVOptions{Label: "y"}, task: Classification, x: []float32{1, 2, 3, 4},
			labels: []int32{0, 2}, classNames: []string{"0", "1", "2"}},
		{name: "given classes",
			csv:  "x,c\n0.5,no\n-1e3,yes\n",
			opts: CSVOptions{Classes: []string{"yes", "no"}}, task: Classification, x: []float32{0.5, -1000},
			labels: []int32{1, 0}, classNames: []string{"yes", "no"}},
		{name: "regression",
			csv:  "x1,x2,price\n1,2,3.5\n4,5,-6\n",
			opts: CSVOptions{Regression: true}, task: Regression, x: []float32{1, 2, 4, 5}, targets: []float32{3.5, -6}},
		{name: "spaces, quotes, CRLF, blank line",
			csv:  "\"a\", b ,label\r\n 1 , 2 ,\"x\"\r\n\r\n3,4, y\r\n",
			task: Classification, x: []float32{1, 2, 3, 4}, labels: []int32{0, 1}, classNames: []string{"x", "y"}},
		{name: "byte-order mark",
			csv:  "\ufeffa,l\n1,0\n",
			opts: CSVOptions{Label: "l"}, task: Classification, x: []float32{1}, labels: []int32{0}, classNames: []string{"0"}},
		{name: "semicolons",
			csv:  "a;l\n1;0\n2;1\n",
			opts: CSVOptions{Comma: ';'}, task: Classification, x: []float32{1, 2}, labels: []int32{0, 1}, classNames: []string{"0", "1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(tt.csv), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			if d.Task != tt.task || !slices.Equal(d.X, tt.x) || !slices.Equal(d.Labels, tt.labels) ||
				!slices.Equal(d.ClassNames, tt.classNames) || !slices.Equal(d.Targets, tt.targets) {
				t.Errorf("got task %v X %v labels %v classes %q targets %v", d.Task, d.X, d.Labels, d.ClassNames, d.Targets)
			}
		})
	}
}

// FuzzReadCSV checks that any input gives a valid Dataset or an error
// prefixed by the package name, never a panic.
func FuzzReadCSV(f *testing.F) {
	f.Add("a,b,label\n1,2,x\n3,4,y\n", "", false)
	f.Add("a,b,label\n1,2,0\n3,4,1\n", "label", false)
	f.Add("x,y\n1,2\n3,4\n", "y", true)
	f.Add("a,b\n1,2,3\n", "", false)
	f.Add("a,\"b\nc\",l\n1,2,3\n", "l", false)
	f.Add("", "", false)
	f.Add("a,l\nNaN,1\n", "", false)
	f.Fuzz(func(t *testing.T, data, label string, regression bool) {
		d, err := ReadCSV(strings.NewReader(data), CSVOptions{Label: label, Regression: regression})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "datasets: ") {
				t.Fatalf("error without package prefix: %v", err)
			}
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("invalid dataset from %q: %v", data, err)
		}
		if d.Len() == 0 {
			t.Fatalf("no rows and no error from %q", data)
		}
		for _, c := range d.ClassNames {
			if !utf8.ValidString(c) && utf8.ValidString(data) {
				t.Fatalf("class name %q is not UTF-8", c)
			}
		}
	})
}
