package plotting

import (
	"strings"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// imageFont is the one typeface of every chart image, and imageFonts the
// cache it is looked up in. gonum/plot embeds Liberation Sans, which covers
// Latin, Greek and Cyrillic; to draw another script (Chinese) add a face
// that covers it to imageFonts and name it here: nothing else changes.
var (
	imageFont  = font.Font{Typeface: "Liberation", Variant: "Sans"}
	imageFonts = font.DefaultCache
)

// imageFace returns the image font at size points.
func imageFace(size vg.Length) font.Font { return font.From(imageFont, size) }

// missingGlyph replaces a character the image font cannot draw: a plain
// question mark rather than an empty box or nothing, so a label keeps its
// length and the reader sees that something is not shown.
const missingGlyph = '?'

// imageText returns s with every character the image font lacks replaced by
// missingGlyph, so that a title in a script the font does not cover still
// renders cleanly (the interactive chart, drawn by the browser, shows it).
func imageText(s string) string {
	face := imageFonts.Lookup(imageFont, 10)
	if face.Face == nil {
		return s
	}
	var buf sfnt.Buffer
	return strings.Map(func(r rune) rune {
		if r < 0x80 {
			return r
		}
		if i, err := face.Face.GlyphIndex(&buf, r); err != nil || i == 0 {
			return missingGlyph
		}
		return r
	}, s)
}

// useImageFont sets the image font on every text of p: title, axes, ticks
// and legend.
func useImageFont(p *plot.Plot) {
	p.Title.TextStyle.Font = imageFace(13)
	p.Legend.TextStyle.Font = imageFace(9)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = imageFace(10)
		a.Tick.Label.Font = imageFace(9)
	}
}
