package lab

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/comms"
)

// PlayOption tunes Playground.
type PlayOption func(*play)

type play struct {
	only   []string
	ranges map[string][2]float64
	idle   time.Duration
	answer time.Duration
	train  []Option
}

// Only gives controls to the named hyperparameters, in this order. Without
// it every hyperparameter that can have one gets a control: bools, strings
// with choices, and numbers with a declared minimum and maximum (or a
// Range).
func Only(names ...string) PlayOption { return func(p *play) { p.only = append(p.only, names...) } }

// Range sets the ends of a number's slider, within its declared range.
func Range(name string, min, max float64) PlayOption {
	return func(p *play) { p.ranges[name] = [2]float64{min, max} }
}

// IdleAfter ends the playground when no control has moved for d (default
// 10 minutes); the Done button ends it at once.
func IdleAfter(d time.Duration) PlayOption { return func(p *play) { p.idle = d } }

// TrainWith passes options to every Train of the playground (Data, Runs,
// AllowLarge, ...). Quiet and Boundary are set by the playground itself.
func TrainWith(opts ...Option) PlayOption {
	return func(p *play) { p.train = append(p.train, opts...) }
}

// answerWait is how long a playground waits, once its starting point has
// trained, for the page to answer before it concludes that no front-end
// runs its script (nbconvert, a test). GoNB gives the page 3 s to open its
// connection, counted from the subscription, which comes before the
// training: the page has the training time and answerWait to answer.
var answerWait = 4 * time.Second

// Playground shows one control per hyperparameter of v (a slider for
// numbers, on a 1-2-5 grid for log-scale ones, a select for choices, a
// checkbox for bools) above the loss per epoch of the run with the
// controls' values and, for a 2-D classification set, its decision
// boundary. Moving a control trains with the new values, or reads the run
// from the run store, and redraws the charts in place; moves made while a
// run trains coalesce, so only the latest trains next. A line above the
// charts gives the cell arguments that reproduce them, and "Pin this curve"
// keeps the current curve on the chart as a reference.
//
// The cell ends on the Done button or after IdleAfter without a move; what
// it shows then is saved with the notebook as ordinary outputs. Where no
// front-end answers (nbconvert, go test, the CLI) it shows the starting
// point and returns at once. It returns the run the charts show last.
func Playground(v hparams.Values, dataset string, opts ...PlayOption) *Run {
	return inCell(func(ctx context.Context) (*Run, error) { return PlaygroundErr(ctx, v, dataset, opts...) })
}

// PlaygroundErr is Playground for Go code: it returns the error.
func PlaygroundErr(ctx context.Context, v hparams.Values, dataset string, opts ...PlayOption) (*Run, error) {
	g, err := newPlayground(v, dataset, opts)
	if err != nil {
		return nil, err
	}
	if !isNotebook() {
		return g.train(ctx, v)
	}
	// Subscribe and show the controls (at the starting values) before the
	// starting point trains: GoNB connects the page meanwhile, so a loaded
	// machine has the training time on top of answerWait to answer, and the
	// controls show at once.
	msgs, stop := listen(g.address())
	defer stop()
	if err := g.showControls(true, ""); err != nil {
		return nil, err
	}
	if g.current, err = g.train(ctx, v); err != nil {
		_ = g.showControls(false, "The starting point did not train: "+err.Error())
		return nil, err
	}
	if err := g.draw(nil); err != nil {
		return nil, err
	}
	note := g.loop(ctx, msgs)
	g.final, g.id = true, g.savedID()
	err = g.showControls(false, note)
	if derr := g.draw(nil); err == nil {
		err = derr
	}
	syncDisplay()
	return g.current, err
}

// playground is the state of one Playground cell.
type playground struct {
	final    bool // the cell is ending: draw the saved state
	base     hparams.Values
	dataset  string
	s        play
	controls []control
	id       string // the HTML ids' prefix: random while live, savedID once final
	block    string // the GoNB display blocks' ids and the comms address: random
	boundary int    // grid steps of the decision boundary; 0 when the data is not 2-D
	current  *Run
	pins     []*Run
	live     bool      // the page answered: its controls work
	asked    time.Time // when the page asked for the values training now, written on the page
	// train trains v or reads its run from the store (trainRun); tests
	// replace it.
	train func(ctx context.Context, v hparams.Values) (*Run, error)
}

func newPlayground(v hparams.Values, dataset string, opts []PlayOption) (*playground, error) {
	if v.Spec() == nil {
		return nil, fmt.Errorf("lab: Playground got empty hyperparameters; pass hp.Values()")
	}
	s := play{ranges: map[string][2]float64{}, idle: 10 * time.Minute, answer: answerWait}
	for _, o := range opts {
		o(&s)
	}
	cs, err := controlsFor(v, s.only, s.ranges)
	if err != nil {
		return nil, err
	}
	block := "hyperlab-play-" + plotting.NewID()
	g := &playground{base: v, dataset: dataset, s: s, controls: cs, id: block, block: block}
	ts := settingsOf(s.train)
	_, split, err := Setup{Dataset: dataset, Data: ts.data}.Load(v)
	if err != nil {
		return nil, err
	}
	g.train = g.trainRun
	if tr := split.Train; tr.Task == datasets.Classification && tr.NumFeatures == 2 {
		g.boundary = 40 // 1600 cells: a redraw stays well under 100 kB
	}
	return g, nil
}

func (g *playground) address() string { return "/hyperlab/playground/" + g.block }

// savedID is the HTML id of the final, saved state: made from what it
// shows (the data set, the controls and the values), so that re-executing
// the notebook with nothing changed changes no output. While the cell runs
// the id is random instead, so that the page's script finds this cell's
// controls and not those of an equal playground saved above it.
func (g *playground) savedID() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n", g.dataset, cellArgs(g.current.Values))
	for _, c := range g.controls {
		fmt.Fprintf(h, "%s %s %q\n", c.Name, c.Kind, c.Labels)
	}
	return "hyperlab-play-" + hex.EncodeToString(h.Sum(nil))[:16]
}

// trainRun trains v, or reads its run from the store.
func (g *playground) trainRun(ctx context.Context, v hparams.Values) (*Run, error) {
	opts := append(append([]Option{}, g.s.train...), Quiet())
	if g.boundary > 0 {
		opts = append(opts, Boundary(g.boundary))
	}
	return TrainErr(ctx, v, g.dataset, opts...)
}

// valuesAt returns the cell's values with each control at the position given.
func (g *playground) valuesAt(pos []int) (hparams.Values, error) {
	if len(pos) != len(g.controls) {
		return hparams.Values{}, fmt.Errorf("lab: the page sent %d positions for %d controls", len(pos), len(g.controls))
	}
	v := g.base
	for i, c := range g.controls {
		if pos[i] < 0 || pos[i] >= len(c.Values) {
			return hparams.Values{}, fmt.Errorf("lab: position %d of %s is off its %d values", pos[i], c.Name, len(c.Values))
		}
		var err error
		if v, err = v.With(c.Name, c.Values[pos[i]]); err != nil {
			return hparams.Values{}, err
		}
	}
	return v, nil
}

// message is one message of the page (see controlsTemplate).
type message struct {
	seq  int
	what string // hello, set, pin or done
	pos  []int  // for set
}

func parseMessage(s string) (message, error) {
	n, rest, _ := strings.Cut(s, " ")
	seq, err := strconv.Atoi(n)
	if err != nil {
		return message{}, fmt.Errorf("lab: the page sent %q, which does not start with a number", s)
	}
	what, arg, _ := strings.Cut(rest, " ")
	m := message{seq: seq, what: what}
	switch what {
	case "hello", "pin", "done":
	case "set":
		for _, f := range strings.Split(arg, ",") {
			p, err := strconv.Atoi(f)
			if err != nil {
				return message{}, fmt.Errorf("lab: the page sent positions %q, not whole numbers", arg)
			}
			m.pos = append(m.pos, p)
		}
	default:
		return message{}, fmt.Errorf("lab: the page sent %q, an unknown message", s)
	}
	return m, nil
}

// trained is what the training goroutine hands back.
type trained struct {
	v   hparams.Values
	run *Run
	err error
}

// loop answers the page until Done, the idle time or ctx ends it, and
// returns the note the final controls show. While a run trains, newer
// positions replace older ones in the one-slot queue want, so the
// training goroutine always takes the latest.
func (g *playground) loop(ctx context.Context, msgs <-chan string) string {
	select {
	case <-msgs: // any message shows that the page runs
		g.live = true
		_ = g.draw(nil)
	case <-time.After(g.s.answer):
		return "No notebook front-end answered, so this shows the starting point; run the cell in Jupyter to move the controls."
	case <-ctx.Done():
		return "Interrupted."
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	want, done := make(chan hparams.Values, 1), make(chan trained)
	go func() {
		for {
			select {
			case v := <-want:
				r, err := g.train(ctx, v)
				select {
				case done <- trained{v, r, err}:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	idle := time.NewTimer(g.s.idle)
	defer idle.Stop()
	last := 0
	for {
		select {
		case s := <-msgs:
			idle.Reset(g.s.idle)
			m, err := parseMessage(s)
			if err != nil || m.seq <= last && m.what == "set" {
				continue // a stale or garbled message; the next one carries the whole state
			}
			switch m.what {
			case "done":
				return "Ended with Done; the charts below show these values."
			case "pin":
				g.pins = append(g.pins, g.current)
				_ = g.draw(nil)
			case "set":
				last = m.seq
				g.asked = time.Now()
				v, err := g.valuesAt(m.pos)
				if err != nil {
					_ = g.draw(err)
					continue
				}
				select { // drop a queued, not yet started, older request
				case <-want:
				default:
				}
				want <- v
			}
		case t := <-done:
			if t.err != nil {
				_ = g.draw(fmt.Errorf("%s: %w", cellArgs(t.v), t.err))
				continue
			}
			g.current = t.run
			_ = g.draw(nil)
		case <-idle.C:
			return fmt.Sprintf("Ended after %s without a move; the charts below show these values.", g.s.idle)
		case <-ctx.Done():
			return "Interrupted; the charts below show these values."
		}
	}
}

// listen subscribes to the page's messages; stop unsubscribes. Tests
// replace it.
var listen = func(address string) (<-chan string, func()) {
	ch := make(chan string, 64)
	id := comms.Subscribe(address, func(_ string, v string) { ch <- v })
	return ch, func() { comms.Unsubscribe(id) }
}

// updateHTML replaces the content of a display block (creating it the
// first time). Tests replace it.
var updateHTML = gonbui.UpdateHTML

// syncDisplay waits until GoNB has the outputs sent so far (the cell's
// program may exit next); tests replace it.
var syncDisplay = gonbui.Sync
