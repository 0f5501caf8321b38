package plotting

import (
	"fmt"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/fileread"
)

// EChartsVersion is the ECharts release this package targets and pins.
// scripts/install-browser.sh installs the same version for the browser tests.
const EChartsVersion = "5.6.0"

// DefaultURL is the pinned CDN copy of ECharts that the zero Source loads.
const DefaultURL = "https://cdn.jsdelivr.net/npm/echarts@" + EChartsVersion + "/dist/echarts.min.js"

// Source says where the browser gets ECharts from. The zero Source loads
// DefaultURL.
type Source struct {
	url    string
	script string // the library itself, inlined; wins over url
}

// ScriptURL is a Source that loads ECharts from url, for example a local
// copy served next to a report ("echarts.min.js", "/static/echarts.min.js").
// With RequireJS on the page the URL must end in .js, contain ':' or '?', or
// start with '/', so that RequireJS takes it as a URL and not a module name.
func ScriptURL(url string) Source { return Source{url: url} }

// InlineScript is a Source that writes the ECharts library js into the page
// itself, for a file that works offline. js is trusted code: it must not
// contain "</script".
func InlineScript(js []byte) (Source, error) {
	if strings.Contains(strings.ToLower(string(js)), "</script") {
		return Source{}, fmt.Errorf("plotting: the inlined ECharts script contains \"</script\", which would end its script element")
	}
	return Source{script: string(js)}, nil
}

// InlineFile is InlineScript with the library read from path, for example
// node_modules/echarts/dist/echarts.min.js.
// Only a regular file of at most 32 MiB is read (the library is about
// 1 MiB), so a named pipe or a device is refused at once.
func InlineFile(path string) (Source, error) {
	js, err := fileread.ReadFile(path, maxScript, true)
	if err != nil {
		return Source{}, fmt.Errorf("plotting: reading the ECharts script: %w", err)
	}
	return InlineScript(js)
}

// maxScript bounds the ECharts file InlineFile reads.
const maxScript = 32 << 20

// URL returns the URL the Source loads ECharts from ("" when inlined).
func (s Source) URL() string {
	switch {
	case s.script != "":
		return ""
	case s.url == "":
		return DefaultURL
	}
	return s.url
}

// Inline reports whether the Source writes the library into the page.
func (s Source) Inline() bool { return s.script != "" }

// String describes the Source for messages.
func (s Source) String() string {
	if s.Inline() {
		return fmt.Sprintf("inlined ECharts (%d bytes)", len(s.script))
	}
	return s.URL()
}
