package datasets

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

func TestLoad(t *testing.T) {
	var b strings.Builder
	b.WriteString("w,h,kind\n")
	for i := 0; i < 50; i++ {
		b.WriteString([]string{"1,2,a\n", "3,4,b\n"}[i%2])
	}
	csvPath := testutil.WriteFile(t, filepath.Join(t.TempDir(), "iris.csv"), b.String())
	tests := []struct {
		name                         string
		opts                         Options
		train, val, test, feats, cls int
	}{
		{"moons", Options{}, 800, 200, 0, 2, 2},
		{"Circles", Options{Size: 100, Noise: 0.1, Validation: 0.1, Test: 0.1}, 80, 10, 10, 2, 2},
		{"spirals", Options{Size: 300, Classes: 5}, 240, 60, 0, 2, 5},
		{"xor", Options{Size: 10, Stratify: true}, 8, 2, 0, 2, 2},
		{"blobs", Options{Size: 90}, 72, 18, 0, 2, 3},
		{"sine", Options{Size: 50, Normalize: true}, 40, 10, 0, 1, 0},
		{"poly", Options{Size: 50}, 40, 10, 0, 1, 0},
		{csvPath, Options{CSV: CSVOptions{Label: "kind"}}, 40, 10, 0, 2, 2},
	}
	for _, tt := range tests {
		s, err := Load(tt.name, tt.opts)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if s.Train.Len() != tt.train || s.Validation.Len() != tt.val || s.Test.Len() != tt.test ||
			s.Train.NumFeatures != tt.feats || s.Train.NumClasses != tt.cls {
			t.Errorf("%s: %d/%d/%d rows, %d features, %d classes", tt.name, s.Train.Len(), s.Validation.Len(), s.Test.Len(), s.Train.NumFeatures, s.Train.NumClasses)
		}
	}
}

func TestLoadBlobsStd(t *testing.T) {
	// Std falls back to Noise: the two calls build the same blobs.
	a, _ := Load("blobs", Options{Size: 30, Noise: 0.3})
	b, _ := Load("blobs", Options{Size: 30, Std: 0.3})
	if a.Train.X[0] != b.Train.X[0] {
		t.Error("Std and Noise disagree for blobs")
	}
}

func TestUnknownNameSuggests(t *testing.T) {
	for name, want := range map[string]string{"moosn": `did you mean "moons"`, "Spiral": `did you mean "spirals"`,
		"mnsit": `did you mean "mnist"`, "imagenet": "known: moons"} {
		_, err := Load(name, Options{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%q): %v; want it to contain %q", name, err, want)
		}
	}
	if _, err := Load("imagenet", Options{}); strings.Contains(err.Error(), "did you mean") {
		t.Errorf("a far name got a suggestion: %v", err)
	}
}
