package browsertest

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image/png"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// Shown is an image a page shows, and whether it sits in a hyperlab chart's
// div that holds an interactive chart.
type Shown struct {
	ChartID string `json:"chart"`   // the id of the hyperlab chart div around it, "" if none
	Drawn   bool   `json:"drawn"`   // that div holds an ECharts instance
	Src     string `json:"src"`     // the image's URL (a data: URL for chart images)
	Visible bool   `json:"visible"` // loaded, and takes room on the page
}

// staticJS lists the PNG images of the page (chart images are inline data:
// URLs) and the hyperlab chart divs, drawn or not. Sanitizers may strip the
// div's class; the images stay.
const staticJS = `(function () {
  var out = {images: [], charts: 0, drawn: 0};
  var divs = document.querySelectorAll('.hyperlab-chart');
  out.charts = divs.length;
  for (var i = 0; i < divs.length; i++) {
    if (window.echarts && window.echarts.getInstanceByDom(divs[i])) { out.drawn++; }
  }
  var imgs = document.querySelectorAll('img');
  for (var i = 0; i < imgs.length; i++) {
    var im = imgs[i];
    if (im.src.indexOf('data:image/png') !== 0) { continue; }
    var div = im.closest('.hyperlab-chart');
    var r = im.getBoundingClientRect();
    out.images.push({chart: div ? div.id : '', drawn: !!(div && window.echarts && window.echarts.getInstanceByDom(div)),
      src: im.src, visible: im.complete && im.naturalWidth > 0 && r.width > 0 && r.height > 0});
  }
  return out;
})()`

// StaticPage is what a page shows of its charts without (or before) their
// interactive version.
type StaticPage struct {
	Images []Shown // every PNG image shown inline, in document order
	Charts int     // hyperlab chart divs (0 if a sanitizer stripped their class)
	Drawn  int     // of them, those that hold an interactive chart
}

// Static loads file (served as Open serves it), waits until the page has
// loaded and, with scripts on, its charts were drawn or ECharts failed to
// load, and reports the images it shows.
func (b *Browser) Static(t testing.TB, file string) *StaticPage {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout+30*time.Second)
	defer cancel()
	var mu sync.Mutex
	b.navigate(ctx, t, file, &mu)
	if !b.opts.NoScripts && !b.opts.Offline {
		_, _ = chromedp.Run(ctx, chromedp.Poll[bool](readyJS, chromedp.WithPollingTimeout(Timeout),
			chromedp.WithPollingInterval(100*time.Millisecond)))
	} else {
		time.Sleep(time.Second) // a failed script request settles
	}
	type listing struct {
		Images []Shown `json:"images"`
		Charts int     `json:"charts"`
		Drawn  int     `json:"drawn"`
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[listing](staticJS))
	if err != nil {
		t.Fatalf("browsertest: listing the images of %s: %v", file, err)
	}
	return &StaticPage{Images: raw.Images, Charts: raw.Charts, Drawn: raw.Drawn}
}

// CheckPicture returns an error unless the data: URL src holds a PNG that
// is a real picture: it decodes, and some of it is not background, in
// several colours (a blank or one-colour image is not a chart).
func CheckPicture(src string) error {
	const prefix = "data:image/png;base64,"
	if !strings.HasPrefix(src, prefix) {
		return fmt.Errorf("the image is not an inline PNG: %.40q", src)
	}
	b, err := base64.StdEncoding.DecodeString(src[len(prefix):])
	if err != nil {
		return fmt.Errorf("the image's base64 does not decode: %w", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("the image is not a PNG: %w", err)
	}
	inked, colours := testutil.Histogram(img)
	if inked < 0.002 || colours < 4 {
		return fmt.Errorf("the image (%dx%d) looks blank: %.2f%% of it is not white, in %d colours",
			img.Bounds().Dx(), img.Bounds().Dy(), 100*inked, colours)
	}
	return nil
}

// CheckStatic fails t unless page shows want chart images, each a visible
// real picture; drawn says whether they should have been replaced by
// interactive charts (scripts on and ECharts loaded) or not.
func CheckStatic(t testing.TB, what string, page *StaticPage, want int) {
	t.Helper()
	if len(page.Images) != want {
		t.Errorf("%s shows %d chart images, want %d (one per chart)", what, len(page.Images), want)
	}
	for i, im := range page.Images {
		if !im.Visible {
			t.Errorf("%s: image %d (chart %q) is not visible", what, i+1, im.ChartID)
		}
		if err := CheckPicture(im.Src); err != nil {
			t.Errorf("%s: image %d (chart %q): %v", what, i+1, im.ChartID, err)
		}
	}
}
