package plotting

import (
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// errNilChart is what rendering a nil *Chart returns.
var errNilChart = errors.New("plotting: no chart to render (nil *Chart)")

//go:embed loader.js
var loaderJS string

// Fragment renders the chart as an HTML fragment for a notebook output or
// a page: a div holding the chart's static image (see PNG), and a script
// that loads ECharts (see Source) and draws the interactive chart in its
// place.
//
// Where scripts do not run (GitHub's preview, an untrusted notebook, VS
// Code, an HTML export opened without JavaScript) or ECharts cannot load
// (offline, blocked), the image stays: the output still shows the chart.
//
// The script declares no global variables, so the same cell can run again on
// the same page. With RequireJS on the page it loads ECharts through
// require([url]) and sets window.echarts; without it, it adds one script
// element per page and queues the charts that wait for it. An inlined Source
// is written before the script with AMD and CommonJS hidden from it, so it
// always defines window.echarts.
//
// When a chart with the same id was drawn before and its div has left the
// page (Live's output replaced in place), the script moves that chart into
// the new div and gives it the new option instead of drawing it anew, so a
// live chart does not flicker; charts of outputs that left the page
// otherwise are disposed.
func (c *Chart) Fragment() (string, error) {
	img, err := c.PNG()
	if err != nil {
		return "", err
	}
	return c.fragment(true, img, "")
}

// LiveFragment is Fragment without the static image: for an output that a
// running cell replaces in place while the page runs its scripts (a live
// frame, a playground's redraw). Drawing the PNG takes longer than
// training a small model, and only what the notebook saves needs it: save
// a Fragment or an Output, not this.
func (c *Chart) LiveFragment() (string, error) {
	return c.fragment(true, nil, "")
}

// fragment renders the div, with img inside it when given (else a sentence
// saying that the chart needs JavaScript), and the draw script, preceded by
// the inlined library when withLibrary is set and the Source is inline (a
// Page writes it once in its head instead). from is the id of a chart drawn
// before that this one replaces (a live chart's last frame), or "".
func (c *Chart) fragment(withLibrary bool, img []byte, from string) (string, error) {
	if c == nil {
		return "", errNilChart
	}
	option, err := c.OptionJSON()
	if err != nil {
		return "", err
	}
	id, width, height, err := c.box(option)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(`<div id="` + id + `" class="hyperlab-chart" style="width:` + width + `;height:` + height + `;">`)
	if img != nil {
		b.WriteString(imgTag(img, c.Title()))
	} else {
		b.WriteString(html.EscapeString(fallbackText(c.Title())))
	}
	b.WriteString("</div>\n")
	if withLibrary && c.Source.Inline() {
		writeInlineLibrary(&b, c.Source)
	}
	s, err := c.script(id, from, option)
	if err != nil {
		return "", err
	}
	b.WriteString(s)
	return b.String(), nil
}

// imgTag is the chart's static image as an img element with the image
// inline (a data: URL), so that it travels with the notebook or page. It
// fits the chart's box, keeping its proportions.
func imgTag(png []byte, title string) string {
	alt := "Chart"
	if title != "" {
		alt = "Chart: " + title
	}
	return `<img src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(png) + `" alt="` +
		html.EscapeString(alt) + `" width="` + strconv.Itoa(ImageWidth) + `" height="` + strconv.Itoa(ImageHeight) +
		`" style="display:block;max-width:100%;max-height:100%;width:auto;height:auto">`
}

// UpdateScript renders a script element that redraws the chart already
// drawn in the div with the given id (a Fragment's) with c's option, from
// another output or page element than the chart's own.
func (c *Chart) UpdateScript(id string) (string, error) {
	if c == nil {
		return "", errNilChart
	}
	if !idPattern.MatchString(id) {
		return "", fmt.Errorf("plotting: chart ID %q is not a letter followed by up to 63 letters, digits, '-' or '_'", id)
	}
	option, err := c.OptionJSON()
	if err != nil {
		return "", err
	}
	return c.script(id, "", option)
}

// script renders the script element that draws the chart into the div with
// the given id, or redraws it there when it is already drawn (or moves the
// chart drawn under the id from).
func (c *Chart) script(id, from string, option []byte) (string, error) {
	args, err := scriptJSON([]string{id, c.Source.URL(), from})
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("<script>\n(function (w, d, id, src, from, option) {\n")
	b.WriteString(loaderJS)
	b.WriteString("})(window, document, ")
	// args is the JSON array [id, src, from]; spread it into the call.
	b.Write(args[1 : len(args)-1])
	b.WriteString(", ")
	b.Write(option)
	b.WriteString(");\n</script>\n")
	return b.String(), nil
}

// writeInlineLibrary writes the inlined ECharts once per page: a later copy
// sees window.echarts and skips. The wrapper hides define, module and exports
// so the UMD build sets window.echarts even with RequireJS on the page.
func writeInlineLibrary(b *strings.Builder, s Source) {
	b.WriteString("<script>\nif (!(window.echarts && window.echarts.init)) { (function (define, module, exports) {\n")
	b.WriteString(s.script)
	b.WriteString("\n}).call(window); }\n</script>\n")
}

func fallbackText(title string) string {
	if title == "" {
		return i18n.T("Chart (ECharts) — it needs JavaScript to show.")
	}
	return i18n.Tf("Chart: %s — it needs JavaScript to show.", title)
}
