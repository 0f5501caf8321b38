package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training"
)

// progress shows trials and epochs as they happen. On a terminal it keeps
// one status line, rewritten in place, for the trials running now, and
// prints a line per finished trial above it. Elsewhere (a pipe, a file, a
// CI log) it prints plain lines only, without control codes: one per trial
// start and end, and one per epoch at most every `every` epochs.
type progress struct {
	w     io.Writer
	tty   bool
	every int  // plain mode: print every n-th epoch (and the last)
	one   bool // a single run (train): no "trial n:" prefix

	mu      sync.Mutex
	running map[int]string // trial → its status (tty)
	shown   bool           // a status line is on screen
	total   int
	done    int
	labels  map[int]string
	epochs  map[int]int       // trial → its epochs
	tracker training.Progress // done/total, best so far, time left
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, tty: isTerminal(w), every: 1, running: map[int]string{}, labels: map[int]string{}, epochs: map[int]int{}}
}

// isTerminal reports whether w is a character device (a terminal) and the
// terminal understands cursor control.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// println prints a permanent line, keeping the status line below it.
func (p *progress) println(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearStatus()
	fmt.Fprintf(p.w, format+"\n", args...)
	p.drawStatus()
}

func (p *progress) clearStatus() {
	if p.tty && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

func (p *progress) drawStatus() {
	if !p.tty || len(p.running) == 0 {
		return
	}
	ids := make([]int, 0, len(p.running))
	for id := range p.running {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	parts := []string{fmt.Sprintf("[%d/%d done]", p.done, p.total)}
	if p.tracker.Done() > 0 {
		parts[0] = "[" + p.tracker.String() + "]"
	}
	for _, id := range ids {
		parts = append(parts, p.running[id])
	}
	line := strings.Join(parts, "  ")
	if r := []rune(line); len(r) > 150 {
		line = string(r[:149]) + "…"
	}
	fmt.Fprint(p.w, "\r\x1b[K"+line)
	p.shown = true
}

// trialEvent is the Sweep's OnTrial.
func (p *progress) trialEvent(ev training.TrialEvent, label string) {
	p.mu.Lock()
	if p.tracker.Total == 0 {
		p.tracker.Total = p.total
	}
	p.tracker.Add(ev)
	p.labels[ev.Trial] = label
	p.epochs[ev.Trial] = ev.Values.Int(training.ParamEpochs)
	rung := ""
	if ev.Rung > 0 {
		rung = fmt.Sprintf(" rung %d", ev.Rung)
	}
	if !ev.Done {
		if p.tty {
			p.running[ev.Trial] = fmt.Sprintf("#%d starting", ev.Trial)
			p.clearStatus()
			p.drawStatus()
		} else {
			fmt.Fprintf(p.w, "trial %d%s: start %s\n", ev.Trial, rung, label)
		}
		p.mu.Unlock()
		return
	}
	delete(p.running, ev.Trial)
	p.done++
	p.mu.Unlock()
	how := ""
	if ev.Reused {
		how = " (stored, not retrained)"
	}
	p.println("trial %d%s: %s  %s%s", ev.Trial, rung, label, rowSummary(ev.Row), how)
	if !p.tty && !p.one {
		p.println("progress: %s", p.tracker.String())
	}
}

// epoch is the Sweep's OnEpoch (and train's).
func (p *progress) epoch(trial int, e history.Epoch) {
	p.mu.Lock()
	defer p.mu.Unlock()
	total := p.epochs[trial]
	if p.tty {
		p.running[trial] = fmt.Sprintf("#%d epoch %d/%d loss %s", trial, e.Epoch, total, history.Format(e.TrainLoss))
		if p.one {
			p.running[trial] = fmt.Sprintf("epoch %d/%d %s", e.Epoch, total, epochSummary(e))
		}
		p.clearStatus()
		p.drawStatus()
		return
	}
	if e.Epoch%p.every == 0 || e.Epoch == total {
		prefix := fmt.Sprintf("trial %d: ", trial)
		if p.one {
			prefix = ""
		}
		fmt.Fprintf(p.w, "%sepoch %d/%d %s\n", prefix, e.Epoch, total, epochSummary(e))
	}
}

// finish removes the status line.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearStatus()
}

func epochSummary(e history.Epoch) string {
	parts := []string{"train_loss=" + history.Format(e.TrainLoss)}
	if !math.IsNaN(e.ValLoss) {
		parts = append(parts, "val_loss="+history.Format(e.ValLoss))
	}
	if !math.IsNaN(e.ValAccuracy) {
		parts = append(parts, "val_accuracy="+history.Format(e.ValAccuracy))
	}
	if !math.IsNaN(e.ValError) {
		parts = append(parts, "val_error="+history.Format(e.ValError))
	}
	// The losses above are data losses; a regularized run's penalty is its own number.
	if e.TrainPenalty > 0 {
		parts = append(parts, "train_penalty="+history.Format(e.TrainPenalty))
	}
	if e.ValPenalty > 0 {
		parts = append(parts, "val_penalty="+history.Format(e.ValPenalty))
	}
	parts = append(parts, "lr="+history.Format(e.LearningRate), fmt.Sprintf("%.2fs", e.Seconds))
	return strings.Join(parts, " ")
}

func rowSummary(r training.Row) string {
	s := fmt.Sprintf("%s after %d epochs, best loss %s, %.1fs", r.Status, r.Epochs, history.Format(r.BestLoss), r.Seconds)
	if r.Error != "" {
		s += ": " + r.Error
	}
	return s
}

// trialLabels names each trial by the hyperparameters that differ between
// the trials ("batch_size=16 learning_rate=0.01"), from hparams.Differing.
func trialLabels(trials []hparams.Values) []string {
	values := make([]map[string]any, len(trials))
	for i, v := range trials {
		values[i] = v.Map()
	}
	names := hparams.Differing(values...)
	labels := make([]string, len(trials))
	for i, m := range values {
		labels[i] = strings.Join(hparams.Pairs(m, names), " ")
	}
	return labels
}
