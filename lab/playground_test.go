package lab

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
)

type playConfig struct {
	LearningRate float64 `hp:"learning_rate" default:"0.1" min:"0.001" max:"1" scale:"log" help:"step <b>size</b>"`
	Nodes        int     `hp:"fnn_num_hidden_nodes" default:"16" min:"1" max:"64" help:"units per layer"`
	Layers       int     `hp:"fnn_num_hidden_layers" default:"1" min:"0" max:"8" help:"hidden layers"`
	Optimizer    string  `hp:"optimizer" default:"adam" choices:"sgd,adam" help:"update rule"`
	Shuffle      bool    `hp:"shuffle" default:"true" own:"true" help:"shuffle the batches"`
	Epochs       int     `hp:"epochs" default:"5" min:"1" help:"passes"`
	Note         string  `hp:"note" default:"" own:"true" help:"free text"`
}

func playValues(t *testing.T) hparams.Values {
	t.Helper()
	spec, err := specOf(playConfig{})
	if err != nil {
		t.Fatal(err)
	}
	return spec.Defaults()
}

func TestControlsFromTheDeclaration(t *testing.T) {
	v := playValues(t)
	cs, err := controlsFor(v, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, c.Name+" "+c.Kind+" "+strings.Join(c.Labels, ","))
	}
	want := []string{
		// a log scale on the 1-2-5 grid, showing the real values
		"learning_rate slider 0.001,0.002,0.005,0.01,0.02,0.05,0.1,0.2,0.5,1",
		// a linear int slider: every whole number (16 is among them)
		"fnn_num_hidden_nodes slider " + intsText(1, 64),
		"fnn_num_hidden_layers slider 0,1,2,3,4,5,6,7,8",
		"optimizer select sgd,adam",
		"shuffle checkbox false,true",
		// epochs has no maximum and note no choices: no control
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("controls:\n got %q\nwant %q", got, want)
	}
}

func intsText(lo, hi int) string {
	var s []string
	for i := lo; i <= hi; i++ {
		s = append(s, fmt.Sprint(i))
	}
	return strings.Join(s, ",")
}

func TestControlsOnlyAndRange(t *testing.T) {
	v := Set(playValues(t), "learning_rate", 0.3) // off the grid: gets a position of its own
	cs, err := controlsFor(v, []string{"epochs", "learning_rate"}, map[string][2]float64{"epochs": {1, 1000}, "learning_rate": {0.01, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Name != "epochs" || cs[1].Name != "learning_rate" {
		t.Fatalf("controls %+v; want epochs then learning_rate", cs)
	}
	// an int range over 100 wide goes on the 1-2-5 grid
	if got := strings.Join(cs[0].Labels, ","); got != "1,2,5,10,20,50,100,200,500,1000" {
		t.Errorf("epochs positions %s", got)
	}
	if got := strings.Join(cs[1].Labels, ","); got != "0.01,0.02,0.05,0.1,0.2,0.3,0.5,1" {
		t.Errorf("learning_rate positions %s", got)
	}
	if cs[0].pos(5) != 0 && cs[1].pos(0.3) != 5 {
		t.Errorf("the current values are not at their positions")
	}
}

func TestControlsRefuseWithASentence(t *testing.T) {
	v := playValues(t)
	for _, c := range []struct {
		only   []string
		ranges map[string][2]float64
		want   string
	}{
		{[]string{"learnig_rate"}, nil, `no hyperparameter "learnig_rate"`},
		{[]string{"epochs"}, nil, `give them with lab.Range("epochs", min, max)`},
		{[]string{"note"}, nil, `declare choices`},
		{nil, map[string][2]float64{"learning_rate": {0.0001, 1}}, "within the declared 0.001..1 (log)"},
		{nil, map[string][2]float64{"fnn_num_hidden_nodes": {8, 4}}, "must be increasing"},
		{[]string{"optimizer"}, map[string][2]float64{"epochs": {1, 9}}, "add it to Only"},
	} {
		_, err := controlsFor(v, c.only, c.ranges)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("controlsFor(%v, %v) = %v; want an error with %q", c.only, c.ranges, err, c.want)
		}
	}
}

func TestCellArgs(t *testing.T) {
	v := playValues(t)
	if got := cellArgs(v); got != "%%" {
		t.Errorf("defaults: %q", got)
	}
	v = Set(Set(v, "learning_rate", 0.3), "fnn_num_hidden_nodes", 8)
	if got, want := cellArgs(v), "%% --learning_rate=0.3 --fnn_num_hidden_nodes=8"; got != want {
		t.Errorf("cellArgs = %q; want %q", got, want)
	}
}

func TestParseMessage(t *testing.T) {
	m, err := parseMessage("7 set 3,0,1")
	if err != nil || m.seq != 7 || m.what != "set" || fmt.Sprint(m.pos) != "[3 0 1]" {
		t.Errorf("parseMessage = %+v, %v", m, err)
	}
	for _, bad := range []string{"", "x hello", "3 jump", "4 set a,b"} {
		if _, err := parseMessage(bad); err == nil {
			t.Errorf("parseMessage(%q) accepted", bad)
		}
	}
}

// fakePage records the display blocks and feeds the playground messages.
type fakePage struct {
	mu     sync.Mutex
	blocks map[string]string
	order  []string
	msgs   chan string
}

func usePage(t *testing.T) *fakePage {
	p := &fakePage{blocks: map[string]string{}, msgs: make(chan string, 16)}
	oldUpdate, oldListen, oldSync := updateHTML, listen, syncDisplay
	restore := plotting.Capture(true, func(plotting.Bundle) {}) // in a notebook
	t.Cleanup(func() { restore(); updateHTML, listen, syncDisplay = oldUpdate, oldListen, oldSync })
	syncDisplay = func() {}
	updateHTML = func(id, html string) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.blocks[id] = html
		p.order = append(p.order, id)
	}
	listen = func(string) (<-chan string, func()) { return p.msgs, func() {} }
	return p
}

func (p *fakePage) block(suffix string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	for id, h := range p.blocks {
		if strings.HasSuffix(id, suffix) {
			return h
		}
	}
	return ""
}

// fakeRunOf is a run of v whose loss is its learning rate, made at once.
func fakeRunOf(v hparams.Values) *Run {
	lr := v.Float("learning_rate")
	return &Run{Values: v, Dataset: "moons", History: &history.History{Status: history.Finished,
		Epochs: []history.Epoch{{Epoch: 1, Steps: 1, TrainLoss: lr, ValLoss: lr}}}}
}

func TestPlaygroundCoalescesMovesToTheLatest(t *testing.T) {
	p := usePage(t)
	v := playValues(t)
	g, err := newPlayground(v, "moons", []PlayOption{Only("learning_rate", "optimizer")})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var trainedLR []float64
	release, started := make(chan struct{}), make(chan struct{})
	g.train = func(ctx context.Context, v hparams.Values) (*Run, error) {
		mu.Lock()
		trainedLR = append(trainedLR, v.Float("learning_rate"))
		first := len(trainedLR) == 1
		mu.Unlock()
		if first {
			close(started)
			<-release // the first move trains while the next ones arrive
		}
		return fakeRunOf(v), nil
	}
	g.current = fakeRunOf(v)
	done := make(chan string)
	go func() { done <- g.loop(context.Background(), p.msgs) }()
	p.msgs <- "1 hello"
	p.msgs <- "2 set 0,0" // 0.001, trains (blocked)
	<-started
	p.msgs <- "4 set 2,1" // 0.005
	p.msgs <- "3 set 1,1" // older than 4: dropped
	p.msgs <- "5 set 9,0" // 1 and sgd: replaces 4 in the queue
	for len(p.msgs) > 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // the loop handles the last message it took
	close(release)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(p.block("-charts"), "--learning_rate=1 --optimizer=sgd") {
		if time.Now().After(deadline) {
			t.Fatalf("the charts never showed the latest move: %s", p.block("-charts"))
		}
		time.Sleep(10 * time.Millisecond)
	}
	p.msgs <- "6 pin"
	p.msgs <- "7 done"
	if note := <-done; !strings.Contains(note, "Done") {
		t.Errorf("note %q", note)
	}
	mu.Lock()
	defer mu.Unlock()
	if fmt.Sprint(trainedLR) != "[0.001 1]" {
		t.Errorf("trained %v; want the first move and the latest only", trainedLR)
	}
	if h := p.block("-charts"); !strings.Contains(h, "pinned: <code>%% --learning_rate=1 --optimizer=sgd</code>") {
		t.Errorf("the pin is not listed: %s", h)
	}
}

func TestPlaygroundWithoutFrontEndReturns(t *testing.T) {
	p := usePage(t)
	v := playValues(t)
	g, err := newPlayground(v, "moons", []PlayOption{Only("learning_rate"), IdleAfter(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	g.s.answer = 50 * time.Millisecond
	g.current = fakeRunOf(v)
	start := time.Now()
	if err := g.showControls(true, ""); err != nil {
		t.Fatal(err)
	}
	note := g.loop(context.Background(), p.msgs)
	if err := g.showControls(false, note); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v without a front-end", d)
	}
	h := p.block("-controls")
	if strings.Contains(h, "<script") || !strings.Contains(h, "disabled") || !strings.Contains(h, "No notebook front-end answered") {
		t.Errorf("the final controls are not static with a note: %s", h)
	}
	if !strings.Contains(h, "step &lt;b&gt;size&lt;/b&gt;") {
		t.Errorf("the help text is not escaped: %s", h)
	}
}

func TestPlaygroundOutsideANotebookTrainsTheStart(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model; skipped with -short")
	}
	_, _, _, _ = cell(t, false, nil, nil, func() {})
	v := Set(playValues(t), "epochs", 2)
	start := time.Now()
	r, err := PlaygroundErr(context.Background(), v, "moons", Only("learning_rate"), TrainWith(Runs("")))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Epochs) != 2 || r.Boundary == nil || len(r.Boundary.Class) == 0 {
		t.Errorf("run %+v: want 2 epochs and a decision boundary", r.History)
	}
	t.Logf("outside a notebook: %v", time.Since(start))
}

func TestPlaygroundDrawsImagesOnlyForTheSavedState(t *testing.T) {
	p := usePage(t)
	var saved []plotting.Bundle
	restore := plotting.Capture(true, func(b plotting.Bundle) { saved = append(saved, b) })
	defer restore()
	v := playValues(t)
	g, err := newPlayground(v, "moons", []PlayOption{Only("learning_rate")})
	if err != nil {
		t.Fatal(err)
	}
	g.current = fakeRunOf(v)
	if err := g.draw(nil); err != nil {
		t.Fatal(err)
	}
	// A live redraw: the charts, but no PNG (the page draws them with ECharts).
	if h := p.block("-charts"); !strings.Contains(h, `class="hyperlab-chart"`) || strings.Contains(h, "data:image/png") {
		t.Errorf("a live redraw should carry the charts without their images: %.300s", h)
	}
	if len(saved) != 0 {
		t.Fatalf("a live redraw saved %d outputs", len(saved))
	}
	g.final = true
	if err := g.draw(nil); err != nil {
		t.Fatal(err)
	}
	// The saved state: an ordinary output with the image in its HTML and as image/png.
	if len(saved) != 1 || saved[0].PNG == nil || !strings.Contains(saved[0].HTML, "data:image/png") {
		t.Fatalf("the final state should be saved as one output with its image; got %d outputs", len(saved))
	}
}

// The saved state is the same at every execution: no random id, no time.
func TestPlaygroundSavedStateIsReproducible(t *testing.T) {
	v := playValues(t)
	saved := func() string {
		p := usePage(t)
		var out []string
		restore := plotting.Capture(true, func(b plotting.Bundle) { out = append(out, b.HTML) })
		defer restore()
		g, err := newPlayground(v, "moons", []PlayOption{Only("learning_rate")})
		if err != nil {
			t.Fatal(err)
		}
		g.current = fakeRunOf(v)
		if err := g.draw(nil); err != nil { // a live frame first, with its times
			t.Fatal(err)
		}
		if h := p.block("-charts"); !strings.Contains(h, "data-elapsed-ms=") || !strings.Contains(h, g.id) {
			t.Errorf("a live frame should carry its time and the random id %s: %.300s", g.id, h)
		}
		g.final, g.id = true, g.savedID()
		if err := g.showControls(false, "Ended."); err != nil {
			t.Fatal(err)
		}
		if err := g.draw(nil); err != nil {
			t.Fatal(err)
		}
		return p.block("-controls") + p.block("-charts") + strings.Join(out, "")
	}
	a, b := saved(), saved()
	if a != b {
		t.Errorf("two executions saved different outputs:\n%.600s\n---\n%.600s", a, b)
	}
	if strings.Contains(a, "data-elapsed-ms") || strings.Contains(a, "data-asked-at") {
		t.Errorf("the saved state holds wall-clock times: %.600s", a)
	}
}
