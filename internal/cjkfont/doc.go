// Package cjkfont finds an installed font file that has Chinese glyphs, for
// the code that draws text itself (the static chart images embed it) and
// for the tests that check Chinese renders without tofu boxes. Browsers
// find such a font on their own through fontconfig; they too need one
// installed (scripts/setup-tests.sh installs fonts-wqy-microhei on Debian).
//
// Find looks at HYPERLAB_CJK_FONT first, then for well-known CJK font files
// (WenQuanYi, Noto/Source Han CJK, Droid Sans Fallback, PingFang, AR PL)
// under the usual font folders of Linux and macOS.
package cjkfont
