package lab

import (
	"strconv"
	"strings"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// programStart is when the cell's program started (near enough: when this
// package was initialised), for the time to the first display that the
// playground writes on its page.
var programStart = time.Now()

// showControls shows the controls at the current run's values (the
// starting values before it has trained): live ones
// that send their changes while the cell runs, disabled ones with a note
// once it has ended (what the saved notebook keeps).
func (g *playground) showControls(live bool, note string) error {
	p := controlsPage{ID: g.id, Address: g.address(), Live: live, Note: note}
	at := g.base // before the starting point has trained
	if g.current != nil {
		at = g.current.Values
	}
	for i, c := range g.controls {
		pos := max(0, c.pos(at.Get(c.Name)))
		p.Controls = append(p.Controls, controlView{control: c, InputID: g.id + "-c" + strconv.Itoa(i), Pos: pos})
	}
	s, err := p.html()
	if err != nil {
		return err
	}
	updateHTML(g.block+"-controls", s)
	return nil
}

// argsLabel names a run in the legend by its cell arguments.
func argsLabel(r *Run) string {
	if s := strings.TrimSpace(strings.TrimPrefix(cellArgs(r.Values), "%%")); s != "" {
		return s
	}
	return "the defaults"
}

// draw redraws the charts block: the cell arguments of the current run,
// its summary (or failure, a sentence naming the values that failed), and
// its charts in place, the pinned runs beside it.
func (g *playground) draw(failure error) error {
	r := g.current
	st := statePage{Live: g.live, Args: cellArgs(r.Values), Summary: r.Summary(),
		RunID: training.RunID(r.Values, r.Data), Folder: DataKey(g.dataset, dataOptions(g.dataset, r.Values, settingsOf(g.s.train).data))}
	// Times only while live: the saved state holds no wall-clock figure,
	// so that a re-executed notebook does not differ.
	if !g.final {
		st.ElapsedMS = time.Since(programStart).Milliseconds()
		if !g.asked.IsZero() {
			st.AskedAt, st.DrawnAt = g.asked.UnixMilli(), time.Now().UnixMilli()
		}
	}
	if failure != nil {
		st.Summary = failure.Error() + " The charts still show the run before."
	}
	for _, p := range g.pins {
		st.Pins = append(st.Pins, cellArgs(p.Values))
	}
	head, err := st.html()
	if err != nil {
		return err
	}
	loss, err := g.lossChart()
	if err != nil {
		return err
	}
	charts := []*plotting.Chart{loss}
	if g.boundary > 0 && r.Boundary != nil && len(r.Boundary.Class) > 0 {
		b, err := boundaryChart(r, i18n.T("Decision boundary"))
		if err != nil {
			return err
		}
		b.ID = g.id + "-boundary"
		charts = append(charts, b)
	}
	width := "100%"
	if len(charts) > 1 {
		width = "49%"
	}
	if g.final {
		// The saved state: the charts as ordinary outputs, each with its
		// static image, under the block that keeps the cell arguments.
		updateHTML(g.block+"-charts", head)
		if isNotebook() {
			return plotting.DisplayRow(width, charts...)
		}
		return nil
	}
	updateHTML(g.block+"-charts", head+`<div style="display:flex;flex-wrap:wrap;gap:8px">`+fragments(charts, width)+`</div>`)
	return nil
}

// fragments renders charts side by side at width each, for the block the
// playground updates in place while the page runs its scripts. They carry
// no static image: drawing the two PNGs took most of a redraw of a run
// read from the store (about 0.6 s of 0.7 s), and only the final state,
// which the notebook saves, needs them (DisplayRow draws them then).
func fragments(charts []*plotting.Chart, width string) string {
	var b strings.Builder
	for _, c := range charts {
		if width != "" {
			c.Width = width
		}
		f, err := c.LiveFragment()
		Check(err)
		b.WriteString(f)
	}
	return b.String()
}

// lossChart is the loss per epoch of the current run, or, once curves are
// pinned, the validation loss of the pinned runs and the current one.
func (g *playground) lossChart() (*plotting.Chart, error) {
	var c *plotting.Chart
	if len(g.pins) == 0 {
		c = plotting.Loss(g.current.History, plotting.LossOptions{Title: i18n.T("Loss per epoch")})
	} else {
		now := *g.current
		now.Label = "now: " + argsLabel(&now)
		runs := []*Run{}
		for i, p := range g.pins {
			pinned := *p
			pinned.Label = "pin " + strconv.Itoa(i+1) + ": " + argsLabel(p)
			runs = append(runs, &pinned)
		}
		var err error
		if c, err = plotting.Compare(plottingRuns(append(runs, &now)), plotting.CompareOptions{Title: i18n.T("Validation loss per epoch, pinned curves and now")}); err != nil {
			return nil, err
		}
	}
	c.ID = g.id + "-loss"
	return c, nil
}
