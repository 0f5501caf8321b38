package browsertest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/internal/ipynb"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/notebooks"
)

// liveCell trains nothing: it feeds a Live chart five epochs, as training's
// OnEpoch callback would (MinInterval -1: every epoch updates the chart),
// then shows a second chart with Display.
const liveCell = `import (
	"math"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/plotting"
)

%%
live := plotting.NewLive(plotting.LiveOptions{Loss: plotting.LossOptions{Title: "Live <b>run</b>"}, MinInterval: -1})
for e := 1; e <= 5; e++ {
	live.Epoch(history.Epoch{Epoch: e, TrainLoss: 1 / float64(e), ValLoss: 1.2 / float64(e),
		ValAccuracy: math.NaN(), ValError: math.NaN(), TrainAccuracy: math.NaN()})
}
if err := live.Done(nil); err != nil {
	panic(err)
}
sched := plotting.Schedule([]plotting.Curve{{Name: "cosine", Y: []float64{0.1, 0.07, 0.03, 0}}}, plotting.ScheduleOptions{})
if err := plotting.Display(sched); err != nil {
	panic(err)
}
`

// TestGoNBExport runs a notebook with a Live chart in Jupyter with the GoNB
// kernel, checks that the executed notebook saved the final charts as
// normal outputs, and loads its nbconvert HTML export (RequireJS present)
// in the browser.
func TestGoNBExport(t *testing.T) {
	if testing.Short() {
		t.Skip("executes a notebook with Jupyter and GoNB; skipped with -short")
	}
	env, missing := notebooks.JupyterEnv()
	testutil.Require(t, missing, notebooks.SetupHint)
	b := browsertest.Start(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	src := "-- code\n!*rm -f go.work && go work init && go work use . \"" + root + "\" && go get github.com/janpfeifer/gonb@v0.11.1\n%goworkfix\n" +
		"-- code\n" + liveCell
	cells, err := ipynb.Parse(strings.NewReader(src), "live")
	if err != nil {
		t.Fatal(err)
	}
	data, err := ipynb.Marshal(cells)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	testutil.WriteFile(t, filepath.Join(dir, "live.ipynb"), string(data))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	ex, err := notebooks.Run(ctx, env, filepath.Join(dir, "live.ipynb"), t.TempDir(), 4*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ex.Problems {
		t.Errorf("live.ipynb %s", p)
	}
	page, err := notebooks.ExportHTML(ctx, env, ex.Path, dir)
	if err != nil {
		t.Fatal(err)
	}
	// The live chart's block was updated in place: the notebook holds it
	// once, with the final (5th) epoch, and no emptied block.
	saved := savedHTML(t, ex.Path)
	if len(saved) != 2 || !strings.Contains(saved[0], "Live \\u003cb\\u003erun") || !strings.Contains(saved[0], "[5,0.2,0.24,") ||
		!strings.Contains(saved[1], "cosine") {
		t.Errorf("the executed notebook saved %d HTML outputs, want the final live chart and the schedule:\n%q", len(saved), saved)
	}
	b.Check(t, page, []browsertest.Chart{
		{Title: "Live <b>run</b>", Series: []browsertest.Series{{Name: "train loss", Points: 5}, {Name: "validation loss", Points: 5}}},
		{Title: "Learning rate schedule", Series: []browsertest.Series{{Name: "cosine", Points: 4}}},
	})
	if !browsertest.Eval[bool](t, b, `typeof define === 'function' && !!define.amd`) {
		t.Error("RequireJS was not active in the nbconvert export")
	}
}

// savedHTML returns the text/html outputs of the notebook's last cell,
// empty ones included.
func savedHTML(t *testing.T, path string) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cells, err := ipynb.HTMLOutputs(raw)
	if err != nil {
		t.Fatal(err)
	}
	return cells[len(cells)-1]
}
