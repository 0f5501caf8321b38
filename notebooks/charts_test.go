package notebooks

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// checkCharts opens the HTML export in headless Chromium: every chart the
// notebook displayed must be drawn, with points. When
// testdata/<notebook>.charts.json exists (a JSON list of browsertest.Chart),
// the drawn charts must match it: titles, series names and point counts
// (testdata/zh/<notebook>.charts.json for the Chinese edition). The charts
// of the Chinese edition must have Chinese titles drawn without tofu.
func checkCharts(t *testing.T, executed, page, lang string) {
	t.Helper()
	nb, err := ReadNotebook(executed)
	if err != nil {
		t.Fatal(err)
	}
	displayed := Charts(nb)
	name := strings.TrimSuffix(filepath.Base(executed), ".ipynb")
	want, err := expectedCharts(filepath.Join("testdata", strings.TrimPrefix(lang, i18n.English), name+".charts.json"))
	if err != nil {
		t.Fatal(err)
	}
	if displayed == 0 && want == nil {
		return // nothing for a browser to check
	}
	b := browsertest.Start(t)
	var p *browsertest.Page
	if want != nil {
		p = b.Check(t, page, want)
	} else {
		p = b.Open(t, page)
		for _, d := range p.Dialogs {
			t.Errorf("%s opened a dialog: %q", page, d)
		}
	}
	if len(p.Charts) != displayed {
		t.Errorf("%s displayed %d charts but its HTML export draws %d (blocked requests: %v; screenshot %s)",
			name, displayed, len(p.Charts), p.Blocked, p.Screenshot)
	}
	t.Logf("%s: %d of %d charts drawn in the HTML export", name, len(p.Charts), displayed)
	checkClaims(t, name, lang, p.Charts)
	if lang == i18n.Chinese {
		checkChinese(t, b, name, p)
	}
	for i, c := range p.Charts {
		if browsertest.Points(c.Series...) == 0 {
			t.Errorf("%s: chart %d (%q) is drawn without any points (screenshot %s)", name, i+1, c.Title, p.Screenshot)
		}
	}
}

// expectedCharts reads a charts file; a missing file means no expectation (nil).
func expectedCharts(path string) ([]browsertest.Chart, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	want := []browsertest.Chart{}
	if err := json.Unmarshal(data, &want); err != nil {
		return nil, errors.New("notebooks: " + path + ": " + err.Error())
	}
	return want, nil
}

// checkImages opens the HTML exports of an executed notebook with
// JavaScript off (the plain export, and the sanitized one): every chart the
// notebook displayed must show as its image, a real picture, as on GitHub,
// in an untrusted notebook or in VS Code.
func checkImages(t *testing.T, executed string, pages ...string) {
	t.Helper()
	nb, err := ReadNotebook(executed)
	if err != nil {
		t.Fatal(err)
	}
	displayed := Charts(nb)
	if displayed == 0 {
		return
	}
	b := browsertest.StartWith(t, browsertest.Options{NoScripts: true})
	for _, page := range pages {
		p := b.Static(t, page)
		browsertest.CheckStatic(t, filepath.Base(page)+" without scripts", p, displayed)
	}
}

// labelsOnly matches a title made of hyperparameter labels only
// ("hidden_layers=4", "learning_rate=0.1, optimizer=adam"): code, the same
// in every language.
var labelsOnly = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=\S*(, [A-Za-z_][A-Za-z0-9_]*=\S*)*$`)

// chineseTitle reports whether a chart title of the Chinese edition is
// Chinese or made of hyperparameter labels.
func chineseTitle(title string) bool {
	return strings.ContainsFunc(title, func(r rune) bool { return unicode.Is(unicode.Han, r) }) || labelsOnly.MatchString(title)
}

// checkChinese checks that every chart of a Chinese notebook has a Chinese
// title (or one made of hyperparameter labels), and that its Chinese
// characters are drawn with a font that has them: no tofu boxes.
func checkChinese(t *testing.T, b *browsertest.Browser, name string, p *browsertest.Page) {
	t.Helper()
	var titles strings.Builder
	for i, c := range p.Charts {
		if !chineseTitle(c.Title) {
			t.Errorf("zh/%s: chart %d is titled %q, not in Chinese (is the text missing from internal/i18n/zh.go, or does the notebook set its own title?)",
				name, i+1, c.Title)
		}
		titles.WriteString(c.Title)
	}
	if tofu := browsertest.Tofu(t, b, titles.String(), browsertest.TitleFont); tofu != "" {
		t.Errorf("zh/%s: the chart titles draw %q as empty boxes (no CJK font: scripts/setup-tests.sh installs one); screenshot %s",
			name, tofu, p.Screenshot)
	}
}

func TestChineseTitle(t *testing.T) {
	for title, want := range map[string]bool{
		"每轮损失": true, "每轮训练损失": true, "hidden_layers=4": true, "learning_rate=0.1, optimizer=adam": true,
		"Loss per epoch": false, "": false, "Decision boundary": false, "hidden_layers=4 after training": false,
	} {
		if got := chineseTitle(title); got != want {
			t.Errorf("chineseTitle(%q) = %v, want %v", title, got, want)
		}
	}
}
