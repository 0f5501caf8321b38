package notebooks

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/browsertest"
)

// untrustedNotebooks are the committed notebooks TestRealUI opens, without
// running them, as an untrusted copy.
var untrustedNotebooks = []string{"00-hyperparameters.ipynb", "04-learning-rate.ipynb"}

// untrustedPrefix names the untrusted copy of a notebook in the served folder.
const untrustedPrefix = "untrusted-"

// placeholder is the start of the sentence a chart output shows in place
// of its chart when it has no image (plotting's fallbackText).
const placeholder = "needs JavaScript to show"

// chartOutputsJS lists, for every output of the open notebook whose HTML
// holds hyperlab charts, how many charts it holds, the PNG images its
// rendered (for an untrusted notebook: sanitized) HTML shows, and its text.
// Outputs and their .output_area elements come in the same order.
const chartOutputsJS = `(function () {
  var out = [];
  Jupyter.notebook.get_cells().forEach(function (c, ci) {
    if (c.cell_type !== 'code') { return; }
    var areas = c.output_area.element[0].querySelectorAll(':scope > .output_area');
    c.output_area.outputs.forEach(function (o, oi) {
      var h = o.data && o.data['text/html'];
      if (Array.isArray(h)) { h = h.join(''); }
      if (typeof h !== 'string' || h.indexOf('class="hyperlab-chart"') < 0) { return; }
      var area = areas[oi], imgs = [];
      if (area) {
        area.querySelectorAll('img').forEach(function (im) {
          var r = im.getBoundingClientRect();
          imgs.push({src: im.src.slice(0, 22) === 'data:image/png;base64,' ? im.src : im.src.slice(0, 60),
            natural: im.complete ? im.naturalWidth : 0, width: r.width, height: r.height});
        });
      }
      out.push({cell: ci + 1, charts: h.split('class="hyperlab-chart"').length - 1, found: !!area,
        html: !!(area && area.querySelector('.output_html')), images: imgs, text: area ? area.textContent : ''});
    });
  });
  return out;
})()`

// chartOutput is one entry of chartOutputsJS.
type chartOutput struct {
	Cell   int    `json:"cell"`
	Charts int    `json:"charts"`
	Found  bool   `json:"found"`
	HTML   bool   `json:"html"` // rendered from its text/html (not its image/png)
	Text   string `json:"text"`
	Images []struct {
		Src     string  `json:"src"`
		Natural int     `json:"natural"`
		Width   float64 `json:"width"`
		Height  float64 `json:"height"`
	} `json:"images"`
}

// copyUntrusted copies the committed notebook src, outputs included, to
// dst with one byte of a markdown cell changed: its signature no longer
// matches, so the classic Notebook opens it untrusted and sanitizes its
// HTML outputs, as it does for someone else's clone or a file received by
// mail.
func copyUntrusted(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var nb map[string]any
	if err := json.Unmarshal(data, &nb); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	changed := false
	for _, c := range nb["cells"].([]any) {
		cell := c.(map[string]any)
		if cell["cell_type"] != "markdown" {
			continue
		}
		switch s := cell["source"].(type) {
		case string:
			cell["source"] = s + "."
		case []any:
			s[len(s)-1] = s[len(s)-1].(string) + "."
		}
		changed = true
		break
	}
	if !changed {
		t.Fatalf("%s has no markdown cell to change", src)
	}
	if meta, ok := nb["metadata"].(map[string]any); ok {
		delete(meta, "signature") // nbformat v3's; v4 keeps signatures in Jupyter's database
	}
	out, err := json.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkUntrusted opens the untrusted copy of notebook f (not running it)
// and checks that every chart output shows, in its sanitized HTML, one
// decoded, non-blank image per chart, and no placeholder sentence.
func checkUntrusted(t *testing.T, b *browsertest.Browser, j *browsertest.Jupyter, f string) {
	nb, err := ReadNotebook(f)
	if err != nil {
		t.Fatal(err)
	}
	want := Charts(nb)
	if want == 0 {
		t.Fatalf("%s has no chart outputs to check", f)
	}
	tab := b.OpenNotebook(t, j, untrustedPrefix+f)
	if browsertest.EvalIn[bool](t, tab, `Jupyter.notebook.trusted`) {
		t.Fatalf("%s opened trusted although a byte of its content changed; the check needs an untrusted notebook", untrustedPrefix+f)
	}
	outs := browsertest.EvalIn[[]chartOutput](t, tab, chartOutputsJS)
	charts, shown := 0, 0
	for _, o := range outs {
		charts += o.Charts
		switch {
		case !o.Found:
			t.Errorf("%s cell %d: its chart output is not on the page", f, o.Cell)
			continue
		case !o.HTML:
			t.Errorf("%s cell %d: the classic Notebook did not render the chart output's HTML (the check is about its sanitized HTML)", f, o.Cell)
		case strings.Contains(o.Text, placeholder):
			t.Errorf("%s cell %d: an untrusted chart shows the placeholder %q (screenshot %s)", f, o.Cell, strings.TrimSpace(o.Text), tab.Screenshot(t, "placeholder"))
		}
		if len(o.Images) != o.Charts {
			t.Errorf("%s cell %d: %d chart(s) but %d image(s) in the sanitized HTML", f, o.Cell, o.Charts, len(o.Images))
		}
		for i, im := range o.Images {
			if im.Natural <= 0 || im.Width <= 0 || im.Height <= 0 {
				t.Errorf("%s cell %d: image %d is not decoded or takes no room (naturalWidth %d, %gx%g; src %.60q)", f, o.Cell, i+1, im.Natural, im.Width, im.Height, im.Src)
				continue
			}
			if err := browsertest.CheckPicture(im.Src); err != nil {
				t.Errorf("%s cell %d: image %d: %v", f, o.Cell, i+1, err)
				continue
			}
			shown++
		}
	}
	if charts != want {
		t.Errorf("%s: the page lists %d charts in its outputs, the file %d", f, charts, want)
	}
	t.Logf("%s opened untrusted: %d of %d charts show their image in the sanitized HTML", f, shown, want)
	if shown != want {
		t.Logf("screenshot %s", tab.Screenshot(t, "untrusted"))
	}
}

// copyUntrustedAll puts the untrusted copies of the notebooks selected by
// -notebook into dir.
func copyUntrustedAll(t *testing.T, dir string) []string {
	var copied []string
	for _, f := range untrustedNotebooks {
		if strings.Contains(f, *only) {
			copyUntrusted(t, f, filepath.Join(dir, untrustedPrefix+f))
			copied = append(copied, f)
		}
	}
	return copied
}
