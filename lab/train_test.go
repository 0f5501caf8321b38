package lab

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/training"
)

// quick are hyperparameters that train in well under a second.
func quick(t *testing.T) hparams.Values {
	t.Helper()
	return testutil.With(t, training.Spec.Defaults(), "epochs", 3, "fnn_num_hidden_nodes", 4, "fnn_num_hidden_layers", 1)
}

var small = Data(datasets.Options{Size: 100, Noise: 0.2, Seed: 3, Validation: 0.2, Normalize: true})

func TestTrainStoresAndReusesRuns(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "runs")
	v := quick(t)
	first, err := TrainErr(context.Background(), v, "moons", Quiet(), Runs(dir), small)
	if err != nil {
		t.Fatal(err)
	}
	if first.Reused || len(first.Epochs) != 3 || first.Status != "finished" {
		t.Fatalf("first run: reused=%v, %d epochs, status %s; want a fresh finished run of 3 epochs", first.Reused, len(first.Epochs), first.Status)
	}
	again, err := TrainErr(context.Background(), v, "moons", Quiet(), Runs(dir), small)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Reused || len(again.Epochs) != 3 || again.Epochs[2].TrainLoss != first.Epochs[2].TrainLoss {
		t.Errorf("second run: reused=%v, epochs %v; want the stored run read back", again.Reused, again.Epochs)
	}
	// Other data, same hyperparameters: a separate run, not the stored one.
	other, err := TrainErr(context.Background(), v, "moons", Quiet(), Runs(dir),
		Data(datasets.Options{Size: 120, Noise: 0.2, Seed: 3, Validation: 0.2, Normalize: true}))
	if err != nil {
		t.Fatal(err)
	}
	if other.Reused {
		t.Error("a run on other data was read back from the store")
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitignore")); err != nil {
		t.Errorf("a new runs folder should keep itself out of git: %v", err)
	}
	forced, err := TrainErr(context.Background(), v, "moons", Quiet(), Runs(dir), small, NoCache())
	if err != nil || forced.Reused {
		t.Errorf("NoCache: reused=%v, err=%v; want a fresh run", forced.Reused, err)
	}
}

func TestTrainShowsSummaryInNotebook(t *testing.T) {
	v := quick(t)
	_, errOut, html, status := cell(t, true, nil, nil, func() {
		r := Train(v, "moons", Runs(""), small)
		if r.Status != "finished" {
			t.Errorf("status %s", r.Status)
		}
	})
	if status != -1 || errOut != "" {
		t.Fatalf("Train exited %d: %s", status, errOut)
	}
	// The summary and the chart title name the values that differ from the
	// defaults; no wall-clock time (a re-executed notebook diffs cleanly).
	changed := "fnn_num_hidden_layers=1, fnn_num_hidden_nodes=4, epochs=3"
	if !strings.Contains(html, `<p class="hyperlab-run">moons, `+changed+`: finished after 3 epochs of 3 steps: training loss `) ||
		!strings.Contains(html, "; trained in this cell.") || strings.Contains(html, " s.</p>") {
		t.Errorf("summary line missing or wrong:\n%s", html)
	}
	if got := changedText(v); got != changed {
		t.Errorf("changedText = %q, want %q (the single-run chart's title ends with it)", got, changed)
	}
	if got := changedText(v.Spec().Defaults()); got != "defaults" {
		t.Errorf("changedText(defaults) = %q", got)
	}
}

func TestTrainMistakesEndTheCellWithOneSentence(t *testing.T) {
	v := quick(t)
	big, err := v.With("batch_size", 5000)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		v       hparams.Values
		dataset string
		want    string
	}{
		{"unknown dataset", v, "moonz", "moonz"},
		{"batch larger than the data", big, "moons", "batch_size=5000"},
		{"empty values", hparams.Values{}, "moons", "lab: Train got empty hyperparameters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, _, status := cell(t, true, nil, nil, func() { Train(tc.v, tc.dataset, Runs(""), small) })
			msg := strings.TrimSpace(errOut)
			if status != 1 || !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") || strings.Contains(msg, "goroutine") {
				t.Errorf("status %d, stderr %q; want exit 1 and one line containing %q", status, errOut, tc.want)
			}
		})
	}
}

func TestDataOptionsFromValues(t *testing.T) {
	spec := hparams.MustSpecOf(struct {
		Size  int     `hp:"data_size" default:"300"`
		Noise float64 `hp:"data_noise" default:"0.4"`
		Val   float64 `hp:"data_validation" default:"0.5"`
	}{})
	o := dataOptions("moons", spec.Defaults(), nil)
	if o.Size != 300 || o.Noise != 0.4 || o.Validation != 0.5 || !o.Normalize {
		t.Errorf("dataOptions = %+v; want size 300, noise 0.4, validation 0.5, normalized", o)
	}
	m := dataOptions("mnist", spec.Defaults(), nil)
	if m.MNIST.Limit != 300 || m.Size != 0 {
		t.Errorf("mnist: data_size should become the image limit, got %+v", m)
	}
	if m.Normalize {
		t.Error("mnist: pixels in [0, 1] should not be standardised (rare pixels would blow up on validation)")
	}
	if a, b := DataKey("moons", o), DataKey("mnist", m); a == b || strings.ContainsAny(a, "/ ") {
		t.Errorf("dataKey: %q and %q", a, b)
	}
	if k := DataKey("../x/<evil> data.csv", o); strings.ContainsAny(k, "/<> ") {
		t.Errorf("dataKey of a path = %q; want one safe path element", k)
	}
}
