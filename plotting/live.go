package plotting

import (
	"sync"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/janpfeifer/gonb/gonbui"
)

// LiveOptions tunes a Live chart. The zero value draws Loss with default
// options and writes no file.
type LiveOptions struct {
	// Draw makes the chart from the history so far; nil means Loss with
	// Loss options below.
	Draw func(h *history.History) *Chart
	Loss LossOptions
	// Source is where the browser loads ECharts from.
	Source Source
	// File, when set, is where Done writes the final chart as a standalone
	// page outside a notebook.
	File string
	// MinInterval is the least time between two updates sent to the
	// notebook; updates that come sooner are skipped (Done always shows the
	// final chart). Zero means 250ms; a negative value sends every update.
	MinInterval time.Duration
}

// Live is a chart that follows a training run in GoNB: Update redraws it
// under the running cell, and Done replaces it with a normal output that the
// notebook saves.
//
// In GoNB, the first Update shows the chart in a transient output block
// (gonbui.UpdateHTML with a display id); later updates send only a script,
// in a second transient block, that gives the same ECharts instance the new
// option, so the chart does not flicker. Done empties both blocks and shows
// the final chart with gonbui.DisplayHTML, a plain display_data output that
// Jupyter saves in the notebook and nbconvert exports. Outside a notebook
// Update does nothing and Done writes File if set.
//
// A Live is safe for use by several goroutines.
type Live struct {
	opts                LiveOptions
	id                  string // the chart div's id while live
	chartBlock, jsBlock string // GoNB display ids
	mu                  sync.Mutex
	shown, jsShown      bool
	last                time.Time       // when the last update was sent
	h                   history.History // what Epoch accumulated
}

// NewLive returns a Live chart; nothing shows until the first Update.
func NewLive(opts LiveOptions) *Live {
	if opts.MinInterval == 0 {
		opts.MinInterval = 250 * time.Millisecond
	}
	if opts.Draw == nil {
		lo := opts.Loss
		opts.Draw = func(h *history.History) *Chart { return Loss(h, lo) }
	}
	return &Live{opts: opts, id: NewID(), chartBlock: NewID(), jsBlock: NewID()}
}

// Epoch appends e to the Live's own history and updates the chart: a ready
// callback for training's OnEpoch option.
func (l *Live) Epoch(e history.Epoch) {
	l.mu.Lock()
	l.h.Epochs = append(l.h.Epochs, e)
	h := l.h
	h.Epochs = append([]history.Epoch(nil), l.h.Epochs...)
	l.mu.Unlock()
	_ = l.Update(&h)
}

// Update redraws the chart with h. Outside a notebook it does nothing.
func (l *Live) Update(h *history.History) error {
	if !InNotebook() {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.shown && time.Since(l.last) < l.opts.MinInterval {
		return nil
	}
	l.last = time.Now()
	c := l.chart(h)
	c.ID = l.id
	if !l.shown {
		f, err := c.Fragment()
		if err != nil {
			return err
		}
		gonbui.UpdateHTML(l.chartBlock, f)
		l.shown = true
		return nil
	}
	s, err := c.script(l.id)
	if err != nil {
		return err
	}
	gonbui.UpdateHTML(l.jsBlock, s)
	l.jsShown = true
	return nil
}

// Done shows the final chart of h as a normal, saved output, removing the
// live one; outside a notebook it writes LiveOptions.File when set. A nil h
// means the history that Epoch accumulated.
func (l *Live) Done(h *history.History) error {
	if h == nil {
		l.mu.Lock()
		cp := l.h
		l.mu.Unlock()
		h = &cp
	}
	c := l.chart(h)
	if !InNotebook() {
		if l.opts.File == "" {
			return nil
		}
		p := Page{Title: c.Title(), Source: l.opts.Source}
		p.Chart(c)
		return p.WriteFile(l.opts.File)
	}
	f, err := c.Fragment()
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.jsShown {
		gonbui.UpdateHTML(l.jsBlock, "")
		l.jsShown = false
	}
	if l.shown {
		gonbui.UpdateHTML(l.chartBlock, "")
		l.shown = false
	}
	gonbui.DisplayHTML(f)
	// The cell's program may exit right after Done; Sync waits until GoNB
	// has the final output, which would otherwise be lost.
	gonbui.Sync()
	return nil
}

func (l *Live) chart(h *history.History) *Chart {
	c := l.opts.Draw(h)
	c.Source = l.opts.Source
	return c
}
