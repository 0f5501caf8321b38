package plotting

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"gonum.org/v1/plot/cmpimg"
)

// imageDelta is the tolerance of the golden images, as gonum/plot's own
// tests compare theirs (cmpimg.EqualApprox): font rasterising and
// antialiasing may differ a little between platforms.
const imageDelta = 0.1

// TestImageGolden draws every chart type as a PNG, checks that it is a real
// picture of the promised size, and compares it with its golden image.
func TestImageGolden(t *testing.T) {
	for _, tc := range sampleCharts(t) {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.chart.PNG()
			if err != nil {
				t.Fatal(err)
			}
			checkPicture(t, b)
			path := filepath.Join("testdata", "image", tc.name+".png")
			if testutil.Updating() {
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./plotting -update to create it)", err)
			}
			if ok, err := cmpimg.EqualApprox("png", b, want, imageDelta); err != nil || !ok {
				_ = os.WriteFile(filepath.Join(t.TempDir(), tc.name+".png"), b, 0o644)
				t.Errorf("the image of %s differs from %s (err %v); look at both, and run go test ./plotting -update if the change is intended", tc.name, path, err)
			}
		})
	}
}

// checkPicture fails unless b is a PNG of ImageWidth×ImageHeight pixels of
// at most maxImageBytes that is not blank: some of it is not background,
// in several colours.
func checkPicture(t *testing.T, b []byte) {
	t.Helper()
	if len(b) > maxImageBytes {
		t.Errorf("the image has %d bytes, more than %d", len(b), maxImageBytes)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != ImageWidth || s.Y != ImageHeight {
		t.Errorf("the image is %dx%d pixels, want %dx%d", s.X, s.Y, ImageWidth, ImageHeight)
	}
	inked, colours := testutil.Histogram(img)
	if inked < 0.002 || colours < 4 {
		t.Errorf("the image looks blank: %.1f%% of it is not white, in %d colours", 100*inked, colours)
	}
}

// TestImageOfLargeBoundaryIsSmall draws a decision boundary as the
// tutorials do (a fine grid, hundreds of points) within the size budget.
func TestImageOfLargeBoundaryIsSmall(t *testing.T) {
	const n = 80
	g := Grid{}
	for i := 0; i < n; i++ {
		g.Xs = append(g.Xs, -2+4*float64(i)/(n-1))
		g.Ys = append(g.Ys, -1.5+3*float64(i)/(n-1))
	}
	for j := 0; j < n; j++ {
		for i := 0; i < n; i++ {
			c := 0
			if g.Ys[j] > math.Sin(2*g.Xs[i]) {
				c = 1
			}
			g.Class = append(g.Class, c)
		}
	}
	var pts []Point
	for k := 0; k < 400; k++ {
		x, y := -2+4*math.Mod(float64(k)*0.618, 1), -1.5+3*math.Mod(float64(k)*0.7548, 1)
		c := 0
		if y > math.Sin(2*x) {
			c = 1
		}
		pts = append(pts, Point{x, y, c})
	}
	c, err := Boundary(g, pts, BoundaryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.PNG()
	if err != nil {
		t.Fatal(err)
	}
	checkPicture(t, b)
	if dir := os.Getenv("HYPERLAB_IMAGE_DIR"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "boundary_large.png"), b, 0o644)
	}
}

// A character the image font lacks is drawn as a question mark, not as an
// empty box or nothing; the ones it has stay.
func TestImageTextFallsBackOnMissingGlyphs(t *testing.T) {
	if got := imageText("Loss 损失 – é"); got != "Loss ?? – é" {
		t.Errorf("imageText = %q, want %q", got, "Loss ?? – é")
	}
	c := Loss(sampleHistory(), LossOptions{Title: "损失 per epoch"})
	b, err := c.PNG()
	if err != nil {
		t.Fatal(err)
	}
	checkPicture(t, b)
}

// A series type without a drawer is an error that says where to add one.
func TestImageOfUnknownSeriesType(t *testing.T) {
	c := &Chart{Option: map[string]any{"series": []any{map[string]any{"type": "sunburst"}}}}
	if _, err := c.PNG(); err == nil || !strings.Contains(err.Error(), `"sunburst"`) || !strings.Contains(err.Error(), "seriesImages") {
		t.Errorf("PNG of a sunburst: %v", err)
	}
}

// A band (a mean with its min–max range), drawn the ECharts way: the lower
// edge stacked under the width of the band, which is filled. The image
// fills the band between the edges, not down to zero.
func TestImageDrawsStackedBands(t *testing.T) {
	row := func(ys ...float64) []any {
		out := []any{}
		for i, y := range ys {
			out = append(out, []any{float64(i + 1), y})
		}
		return out
	}
	c := &Chart{Option: map[string]any{
		"title": map[string]any{"text": "Band"},
		"xAxis": []any{map[string]any{"type": "value"}}, "yAxis": []any{map[string]any{"type": "value"}},
		"series": []any{
			map[string]any{"type": "line", "name": "", "stack": "band", "data": row(1, 0.8, 0.6), "lineStyle": map[string]any{"opacity": 0.0}, "showSymbol": false},
			map[string]any{"type": "line", "name": "min–max", "stack": "band", "data": row(0.4, 0.3, 0.2),
				"lineStyle": map[string]any{"opacity": 0.0}, "areaStyle": map[string]any{"opacity": 0.3, "color": "#5470c6"}, "showSymbol": false},
			map[string]any{"type": "line", "name": "mean", "data": row(1.2, 0.95, 0.7), "color": "#5470c6"},
		},
	}}
	ic, err := newImage(c.Option)
	if err != nil {
		t.Fatal(err)
	}
	if top := ic.stacks["band"][3]; math.Abs(top-0.8) > 1e-12 {
		t.Errorf("the band's top at x=3 is %g, want 0.6+0.2", top)
	}
	if len(ic.legend) != 1 || ic.legend[0].name != "mean" {
		t.Errorf("legend %v, want only the mean (the band's edges are invisible lines)", ic.legend)
	}
	b, err := c.PNG()
	if err != nil {
		t.Fatal(err)
	}
	checkPicture(t, b)
	img, _ := png.Decode(bytes.NewReader(b))
	// Below the band, left of the middle, stays white.
	if inked, _ := testutil.Histogram(img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(150, 330, 170, 380))); inked != 0 {
		t.Errorf("the area under the band is filled (%.0f%% inked)", 100*inked)
	}
}
