package notebooks

import (
	"slices"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// claims are what a tutorial promises its reader's browser draws, checked
// on the charts of its HTML export (as ECharts reports them), in either
// edition: the words a chart shows are looked up in the notebook's language.
var claims = map[string][]claim{
	"04-learning-rate": {{
		"all four learning-rate regimes on one chart, the divergent one marked",
		func(c browsertest.Chart, lang string) bool {
			return len(distinctValues(c, "learning_rate=")) >= 4 && hasMark(c, i18n.In(lang, "diverged"))
		},
	}, {
		"gradient-descent paths on a surface, one oscillating and one diverging",
		func(c browsertest.Chart, lang string) bool {
			return hasSeries(c, ": "+i18n.In(lang, "oscillating")) && hasSeries(c, ": "+i18n.In(lang, "diverging"))
		},
	}},
	"05-lr-schedules": {{
		"the validation loss of the four schedules on one chart",
		func(c browsertest.Chart, lang string) bool {
			return strings.Contains(strings.ToLower(c.Title), i18n.In(lang, "validation loss")) && len(distinctValues(c, "")) >= 4
		},
	}},
	"02-epochs": {{
		"the best epoch marked on the loss-per-epoch chart",
		func(c browsertest.Chart, lang string) bool {
			return strings.Contains(c.Title, i18n.In(lang, "Loss per epoch")) && hasMark(c, i18n.In(lang, "best"))
		},
	}},
}

// A claim holds when at least one chart of the notebook satisfies it.
type claim struct {
	what  string
	holds func(c browsertest.Chart, lang string) bool
}

// checkClaims reports every claim of the notebook name that no chart of
// its export (in lang) satisfies.
func checkClaims(t *testing.T, name, lang string, charts []browsertest.Chart) {
	t.Helper()
	for _, c := range claims[name] {
		if !slices.ContainsFunc(charts, func(ch browsertest.Chart) bool { return c.holds(ch, lang) }) {
			t.Errorf("%s (%s): no chart of its HTML export shows %s", name, lang, c.what)
		}
	}
}

// distinctValues lists the distinct series labels of c that start with prefix.
func distinctValues(c browsertest.Chart, prefix string) []string {
	var out []string
	for _, s := range c.Series {
		if strings.HasPrefix(s.Name, prefix) && s.Points > 0 && !slices.Contains(out, s.Name) {
			out = append(out, s.Name)
		}
	}
	return out
}

// hasSeries reports whether a series of c with points has a name ending in suffix.
func hasSeries(c browsertest.Chart, suffix string) bool {
	return slices.ContainsFunc(c.Series, func(s browsertest.Series) bool {
		return s.Points > 0 && strings.HasSuffix(s.Name, suffix)
	})
}

// hasMark reports whether a series of c carries a marked point named mark.
func hasMark(c browsertest.Chart, mark string) bool {
	for _, s := range c.Series {
		if slices.Contains(s.Marks, mark) {
			return true
		}
	}
	return false
}

func TestClaims(t *testing.T) {
	four := browsertest.Chart{Title: "Training loss", Series: []browsertest.Series{
		{Name: "learning_rate=0.001", Points: 30}, {Name: "learning_rate=0.1", Points: 30},
		{Name: "learning_rate=3", Points: 30}, {Name: "learning_rate=20", Points: 1, Marks: []string{"diverged"}}}}
	unmarked := four
	unmarked.Series = slices.Clone(four.Series)
	unmarked.Series[3].Marks = nil
	descent := browsertest.Chart{Title: "Gradient descent on a loss surface", Series: []browsertest.Series{
		{Name: "lr 0.01: too small", Points: 31}, {Name: "lr 0.18: oscillating", Points: 31}, {Name: "lr 0.21: diverging", Points: 31}}}
	noDivergence := descent
	noDivergence.Series = descent.Series[:2]
	var bands []browsertest.Series
	for _, name := range []string{"constant", "step", "exponential", "cosine+warmup"} {
		bands = append(bands, browsertest.Series{Name: name, Points: 40}, browsertest.Series{Name: name, Points: 40})
	}
	schedules := browsertest.Chart{Title: "Validation loss per epoch from rate 1", Series: bands}
	trainOnly := browsertest.Chart{Title: "Training loss per epoch", Series: bands}
	best := browsertest.Chart{Title: "Loss per epoch", Series: []browsertest.Series{{Name: "train loss", Points: 9, Marks: []string{"best"}}}}
	fourZh := four
	fourZh.Series = slices.Clone(four.Series)
	fourZh.Series[3].Marks = []string{"已发散"}
	descentZh := browsertest.Chart{Title: "损失曲面上的梯度下降", Series: []browsertest.Series{
		{Name: "lr 0.01: 太小", Points: 31}, {Name: "lr 0.18: 震荡", Points: 31}, {Name: "lr 0.21: 发散", Points: 31}}}
	bestZh := browsertest.Chart{Title: "每轮损失", Series: []browsertest.Series{{Name: "训练损失", Points: 9, Marks: []string{"最佳"}}}}
	tests := []struct {
		notebook, lang string
		charts         []browsertest.Chart
		holds          bool
	}{
		{"04-learning-rate", "en", []browsertest.Chart{best, four, descent}, true},
		{"04-learning-rate", "en", []browsertest.Chart{unmarked}, false},
		{"04-learning-rate", "en", []browsertest.Chart{{Series: four.Series[:3]}}, false},
		{"02-epochs", "en", []browsertest.Chart{best}, true},
		{"02-epochs", "en", []browsertest.Chart{{Title: "Loss per epoch", Series: []browsertest.Series{{Name: "train loss", Points: 9}}}}, false},
		{"04-learning-rate", "zh", []browsertest.Chart{bestZh, fourZh, descentZh}, true},
		{"04-learning-rate", "zh", []browsertest.Chart{four}, false}, // English marks in the Chinese edition
		{"02-epochs", "zh", []browsertest.Chart{bestZh}, true},
		{"02-epochs", "zh", []browsertest.Chart{best}, false},
		{"04-learning-rate", "en", []browsertest.Chart{four, descent}, true},
		{"04-learning-rate", "en", []browsertest.Chart{four, noDivergence}, false},
		{"05-lr-schedules", "en", []browsertest.Chart{schedules}, true},
		{"05-lr-schedules", "en", []browsertest.Chart{trainOnly}, false},
	}
	for _, tt := range tests {
		ok := true
		for _, c := range claims[tt.notebook] {
			if !slices.ContainsFunc(tt.charts, func(ch browsertest.Chart) bool { return c.holds(ch, tt.lang) }) {
				ok = false
			}
		}
		if ok != tt.holds {
			t.Errorf("%s (%s) on %+v: claims hold = %v, want %v", tt.notebook, tt.lang, tt.charts, ok, tt.holds)
		}
	}
}
