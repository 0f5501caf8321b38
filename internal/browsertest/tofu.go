package browsertest

import (
	"encoding/json"
	"testing"
)

// TitleFont and AxisFont are the CSS fonts ECharts draws a chart's title
// and axis names with (its defaults), so that Tofu measures the glyphs the
// chart shows.
const (
	TitleFont = "bolder 18px sans-serif"
	AxisFont  = "12px sans-serif"
)

// tofuJS draws each character of text on a canvas in font and lists those
// drawn like characters no font has (unassigned code points, which every
// browser draws as the .notdef box, or not at all): the tofu a reader
// would see. Characters below U+2E80 (Latin, digits, punctuation) are not
// checked; they are in every font.
const tofuJS = `(function (text, font) {
  var c = document.createElement('canvas'); c.width = 48; c.height = 48;
  var g = c.getContext('2d', {willReadFrequently: true});
  function draw(ch) {
    g.clearRect(0, 0, 48, 48); g.font = font; g.fillStyle = '#000'; g.textBaseline = 'top';
    g.fillText(ch, 4, 4);
    return Array.prototype.join.call(g.getImageData(0, 0, 48, 48).data, '');
  }
  var none = [draw('\u0378'), draw('\uFFFF'), draw('\u{10FFFD}'), draw(' ')];
  var out = '';
  for (const ch of text) {
    if (ch.codePointAt(0) < 0x2E80) { continue; }
    if (none.indexOf(draw(ch)) >= 0) { out += ch; }
  }
  return out;
})`

// Tofu returns the characters of text that the current page would draw in
// font as empty boxes (or blanks) for want of a font with their glyphs;
// "" means every character has one.
func Tofu(t testing.TB, b *Browser, text, font string) string {
	t.Helper()
	args, err := json.Marshal([]string{text, font})
	if err != nil {
		t.Fatal(err)
	}
	return Eval[string](t, b, tofuJS+".apply(null, "+string(args)+")")
}
