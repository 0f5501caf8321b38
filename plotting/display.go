package plotting

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// Bundle is one notebook output in several forms (a Jupyter MIME bundle):
// the viewer picks the richest it can show. A chart's bundle holds the
// interactive HTML (with the static image inside it, for viewers that show
// HTML but run no script), the PNG image (for viewers that choose by MIME
// type, such as an untrusted notebook in JupyterLab) and a line of text.
type Bundle struct {
	HTML string // text/html; every user string in it escaped
	PNG  []byte // image/png, or nil
	Text string // text/plain
	// DisplayID, when set, names an output block that later bundles with
	// the same DisplayID replace in place (GoNB's update_display_data);
	// transient, it is not saved in the notebook.
	DisplayID string
}

// Where bundles go: GoNB, or what Capture installed.
var (
	outMu      sync.Mutex
	captured   func(Bundle) // nil: GoNB
	capturedNB bool
)

// InNotebook reports whether the program runs under GoNB, where Display
// and Show send outputs under the cell. It is the one notebook detector of
// hyperlab.
func InNotebook() bool {
	outMu.Lock()
	defer outMu.Unlock()
	if captured != nil {
		return capturedNB
	}
	return gonbui.IsNotebook
}

// Capture sends every bundle that Show, Display and Live send to f instead
// of GoNB, and makes InNotebook report notebook, until restore is called:
// for tests of code that displays.
func Capture(notebook bool, f func(Bundle)) (restore func()) {
	outMu.Lock()
	defer outMu.Unlock()
	oldF, oldNB := captured, capturedNB
	captured, capturedNB = f, notebook
	return func() {
		outMu.Lock()
		defer outMu.Unlock()
		captured, capturedNB = oldF, oldNB
	}
}

// Show sends b under the running cell and waits until GoNB has it (the
// cell's program may exit next). Outside a notebook it does nothing.
func Show(b Bundle) {
	if !InNotebook() {
		return
	}
	outMu.Lock()
	f := captured
	outMu.Unlock()
	if f != nil {
		f(b)
		return
	}
	data := map[protocol.MIMEType]any{protocol.MIMETextHTML: b.HTML}
	if b.Text != "" {
		data[protocol.MIMETextPlain] = b.Text
	}
	if b.PNG != nil {
		// JSON writes []byte in base64, as Jupyter wants it. No metadata
		// (width, height): GoNB sends it by gob, which cannot carry nested
		// maps it has not registered.
		data[protocol.MIMEImagePNG] = b.PNG
	}
	gonbui.SendData(&protocol.DisplayData{Data: data, DisplayID: b.DisplayID})
	gonbui.Sync()
}

// Output renders the chart as one notebook output: its Fragment (the image
// inside), its PNG, and its title as text.
func (c *Chart) Output() (Bundle, error) {
	img, err := c.PNG()
	if err != nil {
		return Bundle{}, err
	}
	f, err := c.fragment(true, img, "")
	if err != nil {
		return Bundle{}, err
	}
	return Bundle{HTML: f, PNG: img, Text: c.text()}, nil
}

// text is the chart's plain-text form.
func (c *Chart) text() string {
	if t := c.Title(); t != "" {
		return "Chart: " + t
	}
	return "Chart"
}

// Display shows each chart under the running GoNB cell as one saved output
// (a Bundle). Outside a notebook it does nothing. The error is a rendering
// error (a bad chart ID or size).
func Display(charts ...*Chart) error {
	if !InNotebook() {
		return nil
	}
	for _, c := range charts {
		b, err := c.Output()
		if err != nil {
			return err
		}
		Show(b)
	}
	return nil
}

// DisplayRow shows the charts side by side, each width wide (a CSS length;
// empty keeps each chart's own; the row wraps on narrow pages), as one
// output whose image is theirs side by side.
func DisplayRow(width string, charts ...*Chart) error {
	if !InNotebook() || len(charts) == 0 {
		return nil
	}
	var html strings.Builder
	html.WriteString(`<div style="display:flex;flex-wrap:wrap;gap:8px">`)
	var imgs [][]byte
	var titles []string
	for _, c := range charts {
		if c == nil {
			return errNilChart
		}
		cc := *c
		if width != "" {
			cc.Width = width
		}
		b, err := cc.Output()
		if err != nil {
			return err
		}
		html.WriteString(b.HTML)
		imgs = append(imgs, b.PNG)
		titles = append(titles, b.Text)
	}
	html.WriteString(`</div>`)
	row, err := sideBySide(imgs)
	if err != nil {
		return err
	}
	Show(Bundle{HTML: html.String(), PNG: row, Text: strings.Join(titles, "\n")})
	return nil
}

// sideBySide joins PNG images left to right into one PNG.
func sideBySide(pngs [][]byte) ([]byte, error) {
	var imgs []image.Image
	w, h := 0, 0
	for _, b := range pngs {
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("plotting: re-reading a chart image: %w", err)
		}
		imgs = append(imgs, img)
		w += img.Bounds().Dx()
		h = max(h, img.Bounds().Dy())
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	x := 0
	for _, img := range imgs {
		draw.Draw(out, img.Bounds().Add(image.Point{X: x}), img, img.Bounds().Min, draw.Src)
		x += img.Bounds().Dx()
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, out); err != nil {
		return nil, fmt.Errorf("plotting: encoding the charts' image: %w", err)
	}
	return b.Bytes(), nil
}
