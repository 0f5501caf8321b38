package plotting

import (
	_ "embed"
	"fmt"
	"html"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

//go:embed loader.js
var loaderJS string

// Fragment renders the chart as an HTML fragment for a notebook output: a
// div and a script that loads ECharts (see Source) and draws the chart.
//
// The script declares no global variables, so the same cell can run again on
// the same page. With RequireJS on the page it loads ECharts through
// require([url]) and sets window.echarts; without it, it adds one script
// element per page and queues the charts that wait for it. An inlined Source
// is written before the script with AMD and CommonJS hidden from it, so it
// always defines window.echarts.
//
// Without JavaScript (a host that strips scripts) the div shows the chart's
// title and a sentence saying it needs JavaScript.
//
// When a chart with the same id was drawn before and its div has left the
// page (Live's output replaced in place), the script moves that chart into
// the new div and gives it the new option instead of drawing it anew, so a
// live chart does not flicker; charts of outputs that left the page
// otherwise are disposed.
func (c *Chart) Fragment() (string, error) {
	return c.fragment(true)
}

// fragment renders the div and the draw script, and the inlined library when
// withLibrary is set and the Source is inline (a Page writes it once in its
// head instead).
func (c *Chart) fragment(withLibrary bool) (string, error) {
	id, width, height, err := c.box()
	if err != nil {
		return "", err
	}
	script, err := c.script(id)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(`<div id="` + id + `" class="hyperlab-chart" style="width:` + width + `;height:` + height + `;">`)
	b.WriteString(html.EscapeString(fallbackText(c.Title())))
	b.WriteString("</div>\n")
	if withLibrary && c.Source.Inline() {
		writeInlineLibrary(&b, c.Source)
	}
	b.WriteString(script)
	return b.String(), nil
}

// UpdateScript renders a script element that redraws the chart already
// drawn in the div with the given id (a Fragment's) with c's option, from
// another output or page element than the chart's own.
func (c *Chart) UpdateScript(id string) (string, error) {
	if !idPattern.MatchString(id) {
		return "", fmt.Errorf("plotting: chart ID %q is not a letter followed by up to 63 letters, digits, '-' or '_'", id)
	}
	return c.script(id)
}

// script renders the script element that draws the chart into the div with
// the given id, or redraws it there when it is already drawn.
func (c *Chart) script(id string) (string, error) {
	option, err := c.OptionJSON()
	if err != nil {
		return "", err
	}
	args, err := scriptJSON([]string{id, c.Source.URL()})
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("<script>\n(function (w, d, id, src, option) {\n")
	b.WriteString(loaderJS)
	b.WriteString("})(window, document, ")
	// args is the JSON array [id, src]; spread it into the call.
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
