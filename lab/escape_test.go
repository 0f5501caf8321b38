package lab

import (
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/training"
)

// The line under a Train cell names the dataset as the user gave it.
func TestTrainSummaryEscapesTheDataset(t *testing.T) {
	path := testutil.HostileCSV(t, t.TempDir())
	_, errOut, html, status := cell(t, true, nil, nil, func() { Train(quick(t), path, Runs("")) })
	if status != -1 {
		t.Fatalf("Train exited %d: %s", status, errOut)
	}
	testutil.AssertInert(t, "the Train summary", html)
}

// A sweep table shows hyperparameter names and values and the best trial.
func TestSweepTableEscapesUserStrings(t *testing.T) {
	res := &SweepResult{Dataset: testutil.Evil, Results: training.NewResults([]training.Row{
		training.NewRow(0, "a", map[string]any{testutil.Evil: testutil.Evil}, &history.History{Status: history.Finished,
			Epochs: []history.Epoch{{Epoch: 1, TrainLoss: 1, ValLoss: 0.5, ValAccuracy: 0.9}}}, 1),
		training.NewRow(1, "b", map[string]any{testutil.Evil: "x"}, &history.History{Status: history.Failed, Err: testutil.Evil}, 1),
	})}
	_, _, html, _ := cell(t, true, nil, nil, res.ShowTable)
	testutil.AssertInert(t, "the sweep table", html)
}
