package lab

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training"
)

// evil is user text that would run script if it reached HTML as markup.
const evil = `<img src=x onerror=alert(1)>"q'</script>`

// hostileCSV writes a small two-class CSV under a path that holds evil
// (the "/" of </script> makes two directories) and returns the path.
func hostileCSV(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), evil, `<b>"data".csv`)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("x,y,class\n")
	for i := range 100 {
		fmt.Fprintf(&b, "%d,%d,%s\n", i%10, i%7, []string{"a", `"` + strings.ReplaceAll(evil, `"`, `""`) + `"`}[i%2])
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// assertInert fails if html holds evil as markup instead of as text.
func assertInert(t *testing.T, what, html string) {
	t.Helper()
	if strings.Contains(html, "<img src=x") || strings.Contains(html, "<b>") ||
		strings.Count(html, "<script") != strings.Count(html, "</script>") {
		t.Errorf("%s lets user text into the markup:\n%s", what, html)
	}
	if !strings.Contains(html, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("%s lost the escaped user text:\n%s", what, html)
	}
}

// The line under a Train cell names the dataset as the user gave it.
func TestTrainSummaryEscapesTheDataset(t *testing.T) {
	path := hostileCSV(t)
	_, errOut, html, status := cell(t, true, nil, nil, func() { Train(quick(t), path, Runs("")) })
	if status != -1 {
		t.Fatalf("Train exited %d: %s", status, errOut)
	}
	assertInert(t, "the Train summary", html)
}

// A sweep table shows hyperparameter names and values and the best trial.
func TestSweepTableEscapesUserStrings(t *testing.T) {
	res := &SweepResult{Dataset: evil, Results: training.NewResults([]training.Row{
		training.NewRow(0, "a", map[string]any{evil: evil}, &history.History{Status: history.Finished,
			Epochs: []history.Epoch{{Epoch: 1, TrainLoss: 1, ValLoss: 0.5, ValAccuracy: 0.9}}}, 1),
		training.NewRow(1, "b", map[string]any{evil: "x"}, &history.History{Status: history.Failed, Err: evil}, 1),
	})}
	_, _, html, _ := cell(t, true, nil, nil, res.ShowTable)
	assertInert(t, "the sweep table", html)
}
