package training

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/runstore"
)

func epochs(losses ...float64) []history.Epoch {
	var es []history.Epoch
	for i, l := range losses {
		es = append(es, history.Epoch{Epoch: i + 1, TrainLoss: l, ValLoss: l + 0.05, ValAccuracy: 1 - l/2,
			ValError: math.NaN(), TrainAccuracy: math.NaN(), LearningRate: 0.1, Steps: 4, Seconds: 0.25})
	}
	return es
}

// sampleResults has a finished, a diverged, a failed and a pruned row, and
// user strings that must be escaped in every format.
func sampleResults() *Results {
	nan := math.NaN()
	rows := []Row{
		NewRow(0, "aaa111", map[string]any{"learning_rate": 0.01, "batch_size": 16, "optimizer": "adam"},
			&history.History{Status: history.Finished, Epochs: epochs(0.9, 0.5, 0.6)}, 1.5),
		NewRow(1, "bbb222", map[string]any{"learning_rate": 10.0, "batch_size": 16, "optimizer": "sgd"},
			&history.History{Status: history.Diverged, Err: "train loss is NaN at epoch 2, step 1", Epochs: append(epochs(3.5), history.Epoch{Epoch: 2, TrainLoss: nan, ValLoss: nan, ValAccuracy: nan, ValError: nan, TrainAccuracy: nan, LearningRate: 10, Steps: 4, Seconds: 0.1})}, 0.5),
		NewRow(2, "ccc333", map[string]any{"learning_rate": 0.1, "batch_size": 64, "optimizer": `<script>alert("x|y")</script>`},
			nil, 0),
		NewRow(3, "ddd444", map[string]any{"learning_rate": 0.1, "batch_size": 64, "optimizer": "adam"},
			&history.History{Status: history.Finished, Epochs: epochs(0.7, 0.4)}, 0.75),
	}
	rows[2].Error = `hparams: optimizer="<script>" is unknown, use "adam"`
	rows[3].Status = Pruned
	return NewResults(rows)
}

func TestResultsExports(t *testing.T) {
	r := sampleResults()
	formats := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"results.csv", func(b *bytes.Buffer) error { return r.WriteCSV(b) }},
		{"results.json", func(b *bytes.Buffer) error { return r.WriteJSON(b) }},
		{"results.md", func(b *bytes.Buffer) error { return r.WriteMarkdown(b) }},
		{"results.html", func(b *bytes.Buffer) error { return r.WriteHTML(b) }},
		{"results.txt", func(b *bytes.Buffer) error { return r.WriteText(b) }},
	}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := f.write(&b); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, f.name, b.Bytes())
		})
	}
}

func TestResultsHTMLEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := sampleResults().WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>", `"<script>"`, `alert("x`} {
		if strings.Contains(b.String(), bad) {
			t.Errorf("HTML holds %q unescaped:\n%s", bad, b.String())
		}
	}
	if !strings.Contains(b.String(), "&lt;script&gt;") {
		t.Errorf("HTML lost the escaped user string:\n%s", b.String())
	}
}

func TestResultsColumnsAndBest(t *testing.T) {
	r := sampleResults()
	if got, want := strings.Join(r.Names, ","), "batch_size,learning_rate,optimizer"; got != want {
		t.Errorf("Names = %s, want %s", got, want)
	}
	best, ok := r.Best()
	if !ok || best.ID != "ddd444" {
		t.Errorf("Best = %q, %v; want ddd444 (lowest best loss among usable rows)", best.ID, ok)
	}
	if r.Rows[0].BestEpoch != 2 || r.Rows[0].Epochs != 3 || r.Rows[0].TrainLoss != 0.6 {
		t.Errorf("row 0 = %+v; want best epoch 2 of 3, final train loss 0.6", r.Rows[0])
	}
	if r.Rows[1].Status != history.Diverged || !math.IsNaN(r.Rows[1].TrainLoss) {
		t.Errorf("diverged row = %+v", r.Rows[1])
	}
}

func TestResultsSort(t *testing.T) {
	tests := []struct {
		by   string
		want string // IDs in order
	}{
		{"best_loss", "ddd444 aaa111 bbb222 ccc333"},
		{"-best_loss", "bbb222 aaa111 ddd444 ccc333"}, // missing last either way
		{"learning_rate", "aaa111 ccc333 ddd444 bbb222"},
		{"-batch_size", "ccc333 ddd444 aaa111 bbb222"},
		{"optimizer", "ccc333 aaa111 ddd444 bbb222"},
		{"trial", "aaa111 bbb222 ccc333 ddd444"},
	}
	for _, tt := range tests {
		r := sampleResults()
		if err := r.Sort(tt.by); err != nil {
			t.Fatalf("Sort(%q): %v", tt.by, err)
		}
		var ids []string
		for _, row := range r.Rows {
			ids = append(ids, row.ID)
		}
		if got := strings.Join(ids, " "); got != tt.want {
			t.Errorf("Sort(%q) = %s, want %s", tt.by, got, tt.want)
		}
	}
	if err := sampleResults().Sort("colour"); err == nil || !strings.Contains(err.Error(), `"colour"`) {
		t.Errorf("Sort(colour) error = %v, want one naming the column", err)
	}
}

func TestResultsFromRunsSkipsIncomplete(t *testing.T) {
	done := &runstore.Run{Meta: runstore.Meta{ID: "b", Values: map[string]any{"learning_rate": 0.1}},
		History: history.History{Status: history.Finished, Epochs: epochs(0.5)}, Complete: true}
	killed := &runstore.Run{Meta: runstore.Meta{ID: "a", Values: map[string]any{"learning_rate": 0.2}},
		History: history.History{Status: history.Running, Epochs: epochs(0.9)}}
	r := ResultsFromRuns([]*runstore.Run{done, killed})
	if len(r.Rows) != 1 || r.Rows[0].ID != "b" || r.Rows[0].Seconds != 0.25 {
		t.Errorf("rows = %+v; want only the complete run b with 0.25 s", r.Rows)
	}
}

func TestResultsShowStoredValuesAsTyped(t *testing.T) {
	// Values read back from a store's JSON (float64, []any) print as a user
	// types them: the seed as digits, layer sizes in the flag syntax.
	run := func(id string, seed float64, hidden ...any) *runstore.Run {
		return &runstore.Run{Meta: runstore.Meta{ID: id, Values: map[string]any{"seed": seed, "fnn_hidden": hidden}},
			History: history.History{Status: history.Finished, Epochs: epochs(0.5)}, Complete: true}
	}
	r := ResultsFromRuns([]*runstore.Run{run("a", 123456789, 8.0, 8.0), run("b", 123456790, 16.0)})
	var text, csv strings.Builder
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{text.String(), csv.String()} {
		for _, want := range []string{"123456789", "123456790", "8,8", "16"} {
			if !strings.Contains(out, want) {
				t.Errorf("table lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "e+08") || strings.Contains(out, "[8 8]") {
			t.Errorf("table prints a value unlike the flag syntax:\n%s", out)
		}
	}
}

func TestUntimedResultsLeaveOutSecondsInTablesOnly(t *testing.T) {
	r := sampleResults()
	u := r.Untimed()
	writers := map[string]func(*Results, *bytes.Buffer) error{
		"csv":  func(x *Results, b *bytes.Buffer) error { return x.WriteCSV(b) },
		"md":   func(x *Results, b *bytes.Buffer) error { return x.WriteMarkdown(b) },
		"html": func(x *Results, b *bytes.Buffer) error { return x.WriteHTML(b) },
		"text": func(x *Results, b *bytes.Buffer) error { return x.WriteText(b) },
	}
	for name, write := range writers {
		var timed, untimed bytes.Buffer
		if err := write(r, &timed); err != nil {
			t.Fatal(err)
		}
		if err := write(u, &untimed); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(timed.String(), "seconds") || strings.Contains(untimed.String(), "seconds") {
			t.Errorf("%s: the seconds column should show in the timed table only", name)
		}
	}
	var js bytes.Buffer
	if err := u.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"seconds": 1.5`) && !strings.Contains(js.String(), `"seconds":1.5`) {
		t.Errorf("JSON of untimed results lost the seconds: %s", js.String())
	}
	if r.untimed || u.Rows[0].Seconds != 1.5 {
		t.Error("Untimed changed the original or dropped a row's Seconds")
	}
}
