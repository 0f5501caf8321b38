package plotting

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// Chart is one ECharts chart: its option (plain JSON data) and how its box
// looks on the page. Chart constructors in this package fill Option; the
// zero ID, Width and Height take defaults when rendered.
type Chart struct {
	// ID is the id of the chart's div. Empty means an id made from the
	// chart's content (its option and title), so that re-running a notebook
	// gives the same output; two equal charts on one page share it, and each
	// is drawn into its own div all the same.
	ID string
	// Width and Height are CSS lengths ("100%", "420px"); empty means 100%
	// and 400px.
	Width, Height string
	// Source says where the browser loads ECharts from; the zero Source is
	// the pinned CDN copy.
	Source Source
	// Option is the ECharts option, marshalled as JSON. The constructors of
	// this package build it with go-echarts (see FromECharts) and keep it as
	// plain JSON data.
	Option map[string]any

	err error // building the option failed; rendering returns it
}

// Title returns the chart's title text, or "" if it has none.
func (c *Chart) Title() string {
	if t, ok := c.Option["title"].(map[string]any); ok {
		s, _ := t["text"].(string)
		return s
	}
	return ""
}

// Series describes one series of a chart: its name, ECharts type and number
// of data points. Tests compare it with what the browser reports.
type Series struct {
	Name   string `json:"name"`
	Type   string `json:"type"`
	Points int    `json:"points"`
}

// Series lists the chart's series in drawing order; Points is the length
// of a series' data, as ECharts' getOption() reports it.
func (c *Chart) Series() []Series {
	b, err := json.Marshal(c.Option["series"]) // whatever Go types hold it
	var list []struct {
		Name string            `json:"name"`
		Type string            `json:"type"`
		Data []json.RawMessage `json:"data"`
	}
	if err != nil || json.Unmarshal(b, &list) != nil {
		return nil
	}
	out := make([]Series, len(list))
	for i, s := range list {
		out[i] = Series{Name: s.Name, Type: s.Type, Points: len(s.Data)}
	}
	return out
}

// OptionJSON returns the chart's ECharts option as JSON that is safe inside
// an HTML script element: <, > and & are written as \u003c, \u003e, \u0026.
// Object keys are sorted, so equal options give equal bytes.
func (c *Chart) OptionJSON() ([]byte, error) {
	if c.err != nil {
		return nil, c.err
	}
	return scriptJSON(c.Option)
}

// scriptJSON marshals v for a script element; encoding/json escapes <, >, &,
// U+2028 and U+2029, so no string in v can end the script or the JS string.
func scriptJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("plotting: the chart option cannot be written as JSON: %w", err)
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

var (
	idPattern  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,63}$`)
	cssPattern = regexp.MustCompile(`^[0-9]{1,5}(\.[0-9]{1,3})?(px|%|em|rem|vh|vw)$`)
)

// box returns the chart's id, width and height, checked or defaulted;
// option is the chart's option JSON, which the default id is made from.
func (c *Chart) box(option []byte) (id, width, height string, err error) {
	id, width, height = c.ID, c.Width, c.Height
	if id == "" {
		id = contentID(c.Title(), option)
	} else if !idPattern.MatchString(id) {
		return "", "", "", fmt.Errorf("plotting: chart ID %q is not a letter followed by up to 63 letters, digits, '-' or '_'", id)
	}
	if width == "" {
		width = "100%"
	}
	if height == "" {
		height = "400px"
	}
	for _, l := range []string{width, height} {
		if !cssPattern.MatchString(l) {
			return "", "", "", fmt.Errorf("plotting: chart size %q is not a CSS length such as 400px or 100%%", l)
		}
	}
	return id, width, height, nil
}

// contentID is "hyperlab-" and 16 hex digits of the SHA-256 of the chart's
// title and option: equal charts get equal ids, so re-executing a notebook
// with nothing changed changes none of its outputs.
func contentID(title string, option []byte) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write(option)
	return "hyperlab-" + hex.EncodeToString(h.Sum(nil)[:8])
}

// NewID returns a fresh random chart ID ("hyperlab-" and 16 hex digits).
func NewID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return "hyperlab-" + hex.EncodeToString(b[:])
}

// num returns f rounded to 6 significant digits for JSON (tooltips show
// 0.4, not 0.39999999999999997), or nil (null, a gap in ECharts) when f is
// NaN or infinite, which JSON cannot hold.
func num(f float64) any {
	if !history.Finite(f) {
		return nil
	}
	return hparams.Significant(f, 6)
}

// drawn returns the chart of d, or err when collecting d failed: the one
// body of every draw function whose Info step can fail.
func drawn[D interface{ Chart() *Chart }](d D, err error) (*Chart, error) {
	if err != nil {
		return nil, err
	}
	return d.Chart(), nil
}
