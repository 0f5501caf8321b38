package main

import (
	"math"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training"
)

// feed plays one trial of two epochs into p.
func feed(t *testing.T, p *progress) {
	t.Helper()
	v, err := training.Spec.Defaults().With("epochs", 2)
	if err != nil {
		t.Fatal(err)
	}
	p.total = 1
	p.trialEvent(training.TrialEvent{Trial: 0, Values: v}, "learning_rate=0.01")
	for e := 1; e <= 2; e++ {
		p.epoch(0, history.Epoch{Epoch: e, TrainLoss: 0.5 / float64(e), ValLoss: 0.6, ValAccuracy: 0.9,
			ValError: math.NaN(), LearningRate: 0.01, Seconds: 0.1})
	}
	h := &history.History{Status: history.Finished}
	p.trialEvent(training.TrialEvent{Trial: 0, Values: v, Done: true,
		Row: training.NewRow(0, "abc", v.Map(), h, 1.5)}, "learning_rate=0.01")
	p.finish()
}

func TestProgressPlainHasNoControlCodes(t *testing.T) {
	var b strings.Builder
	feed(t, newProgress(&b))
	out := b.String()
	if strings.ContainsAny(out, "\r\x1b") {
		t.Errorf("plain progress holds control codes: %q", out)
	}
	for _, want := range []string{"trial 0: start learning_rate=0.01", "trial 0: epoch 1/2 train_loss=0.5 val_loss=0.6 val_accuracy=0.9", "trial 0: epoch 2/2", "finished after 0 epochs"} {
		if !strings.Contains(out, want) {
			t.Errorf("plain progress lacks %q:\n%s", want, out)
		}
	}
}

func TestProgressTerminalRewritesOneLine(t *testing.T) {
	var b strings.Builder
	p := newProgress(&b)
	p.tty = true
	feed(t, p)
	out := b.String()
	if !strings.Contains(out, "\r\x1b[K[0/1 done]  #0 epoch 2/2 loss 0.25") {
		t.Errorf("no in-place status line for the running trial: %q", out)
	}
	if !strings.Contains(out, "trial 0: learning_rate=0.01  finished") {
		t.Errorf("no permanent line for the finished trial: %q", out)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("a terminal should get one permanent line per finished trial, got %d: %q", strings.Count(out, "\n"), out)
	}
	if !strings.HasSuffix(out, "\n") {
		t.Errorf("the status line was not cleared at the end: %q", out)
	}
}
