package plotting

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
)

// capture collects the bundles sent while it is installed.
func capture(t *testing.T) *[]Bundle {
	var got []Bundle
	t.Cleanup(Capture(true, func(b Bundle) { got = append(got, b) }))
	return &got
}

// Display sends one bundle per chart: the fragment with the image inside
// it, the same image as image/png, and the title as text.
func TestDisplaySendsOneBundlePerChart(t *testing.T) {
	got := capture(t)
	a, b := Loss(sampleHistory(), LossOptions{}), Loss(divergedHistory(), LossOptions{Title: "Diverged"})
	if err := Display(a, b); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 2 {
		t.Fatalf("Display sent %d bundles, want 2", len(*got))
	}
	for i, want := range []string{"Chart: Loss per epoch", "Chart: Diverged"} {
		bd := (*got)[i]
		if bd.Text != want {
			t.Errorf("bundle %d text %q, want %q", i, bd.Text, want)
		}
		if _, err := png.Decode(bytes.NewReader(bd.PNG)); err != nil {
			t.Errorf("bundle %d image/png: %v", i, err)
		}
		if !strings.Contains(bd.HTML, `class="hyperlab-chart"`) || !strings.Contains(bd.HTML, `<img src="data:image/png;base64,`) {
			t.Errorf("bundle %d HTML lacks the chart div or its image:\n%.300s", i, bd.HTML)
		}
		if bd.DisplayID != "" {
			t.Errorf("bundle %d has display id %q; Display's outputs are plain saved outputs", i, bd.DisplayID)
		}
	}
}

// DisplayRow sends one bundle whose image holds the charts side by side.
func TestDisplayRowJoinsImages(t *testing.T) {
	got := capture(t)
	if err := DisplayRow("48%", Loss(sampleHistory(), LossOptions{}), Loss(sampleHistory(), LossOptions{LogY: true})); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 1 {
		t.Fatalf("DisplayRow sent %d bundles, want 1", len(*got))
	}
	img, err := png.Decode(bytes.NewReader((*got)[0].PNG))
	if err != nil {
		t.Fatal(err)
	}
	if w := img.Bounds().Dx(); w != 2*ImageWidth {
		t.Errorf("the row's image is %d pixels wide, want %d", w, 2*ImageWidth)
	}
	if n := strings.Count((*got)[0].HTML, "<img "); n != 2 {
		t.Errorf("the row's HTML holds %d images, want 2", n)
	}
}

// A live chart's updates replace one block and carry no image; Done's final
// frame carries the image, an id made from its content, and takes over the
// chart of the updates.
func TestLiveFinalFrameHasItsImage(t *testing.T) {
	got := capture(t)
	l := NewLive(LiveOptions{MinInterval: -1})
	for _, e := range sampleHistory().Epochs {
		l.Epoch(e)
	}
	if err := l.Done(nil); err != nil {
		t.Fatal(err)
	}
	n := len(*got)
	if n != len(sampleHistory().Epochs)+1 {
		t.Fatalf("Live sent %d bundles, want one per epoch and the final one", n)
	}
	block := (*got)[0].DisplayID
	for i, b := range *got {
		if b.DisplayID != block || block == "" {
			t.Errorf("bundle %d goes to block %q, want every one in %q", i, b.DisplayID, block)
		}
		if last := i == n-1; (b.PNG != nil) != last || strings.Contains(b.HTML, "<img ") != last {
			t.Errorf("bundle %d: image %v, want an image on the final frame only", i, b.PNG != nil)
		}
	}
	final := (*got)[n-1]
	c := Loss(sampleHistory(), LossOptions{})
	want := fragment(t, c)
	id := want[strings.Index(want, `id="`)+4:]
	id = id[:strings.Index(id, `"`)]
	if !strings.Contains(final.HTML, `id="`+id+`"`) || !strings.Contains(final.HTML, `"`+l.id+`"`) {
		t.Errorf("the final frame is not drawn in div %q taking over %q:\n%.400s", id, l.id, final.HTML)
	}
}
