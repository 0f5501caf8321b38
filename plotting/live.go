package plotting

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
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
// under the running cell, and Done turns it into the final chart, which the
// notebook saves.
//
// In GoNB the chart lives in one output block with a display id
// (gonbui.UpdateHTML): the first Update creates the block (a display_data
// message), later ones and Done replace its content in place
// (update_display_data). Every update is the chart's fragment with the same
// div id; the loader then moves the chart already drawn into the new div
// and gives it the new option, so the chart does not flicker. Done writes
// the final chart, with its static image and a content-made id (so that
// re-running the notebook changes nothing), into that same block, so the
// saved notebook (and nbconvert's export) holds exactly one output for the
// run: the final chart, with no empty block before it. Outside a notebook Update does nothing and
// Done writes File if set.
//
// A Live is safe for use by several goroutines. A nil *Live does nothing:
// Epoch, Update and Done return at once (with a nil error), so code can
// call them whether or not it made a live chart.
type Live struct {
	opts  LiveOptions
	id    string // the chart div's id
	block string // the GoNB display id of its output block
	mu    sync.Mutex
	shown bool
	last  time.Time       // when the last update was sent
	h     history.History // what Epoch accumulated
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
	// The div id of the frames is a count, not random: the final frame
	// names it (it takes over the chart the frames drew), and the saved
	// notebook must not change when it re-executes. Each cell is a fresh
	// process, and the final frame's own id is made from its content.
	return &Live{opts: opts, id: fmt.Sprintf("hyperlab-live-%d", lives.Add(1)), block: NewID()}
}

// lives counts the Live charts of the process.
var lives atomic.Int64

// Epoch appends e to the Live's own history and updates the chart: a ready
// callback for training's OnEpoch option.
func (l *Live) Epoch(e history.Epoch) {
	if l == nil {
		return
	}
	l.mu.Lock()
	l.h.Epochs = append(l.h.Epochs, e)
	h := l.h
	h.Epochs = append([]history.Epoch(nil), l.h.Epochs...)
	l.mu.Unlock()
	_ = l.Update(&h)
}

// Update redraws the chart with h. Outside a notebook it does nothing.
func (l *Live) Update(h *history.History) error {
	if l == nil {
		return nil
	}
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
	// Frames in between carry no image: the next one replaces them, and
	// drawing it would slow training down.
	f, err := c.fragment(true, nil, "")
	if err != nil {
		return err
	}
	Show(Bundle{HTML: f, Text: c.text(), DisplayID: l.block})
	l.shown = true
	return nil
}

// Done shows the final chart of h in the live chart's output block (or in a
// new output if no Update showed it), which the notebook saves; outside a
// notebook it writes LiveOptions.File when set. A nil h means the history
// that Epoch accumulated.
func (l *Live) Done(h *history.History) error {
	if l == nil {
		return nil
	}
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
	// The final frame is a saved output like Display's, with its image and
	// an id made from its content; the loader moves the chart that the
	// earlier frames drew (under l.id) into it.
	img, err := c.PNG()
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	from := ""
	if l.shown {
		from = l.id
	}
	f, err := c.fragment(true, img, from)
	if err != nil {
		return err
	}
	b := Bundle{HTML: f, PNG: img, Text: c.text()}
	if l.shown {
		b.DisplayID = l.block // the live block becomes the final chart, in place
	}
	Show(b) // waits until GoNB has it: the cell's program may exit right after Done
	return nil
}

func (l *Live) chart(h *history.History) *Chart {
	c := l.opts.Draw(h)
	c.Source = l.opts.Source
	return c
}
