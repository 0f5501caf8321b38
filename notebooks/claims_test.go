package notebooks

import (
	"slices"
	"strconv"
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
	}, {
		"the range test with fastai's four suggestions in its legend, the one used named",
		func(c browsertest.Chart, lang string) bool {
			for _, rule := range []string{"valley ", "slide ", "steep ", "minimum "} {
				if !slices.ContainsFunc(c.Series, func(s browsertest.Series) bool { return strings.HasPrefix(s.Name, rule) }) {
					return false
				}
			}
			return c.Title == i18n.In(lang, "Learning-rate range test") &&
				slices.ContainsFunc(c.Series, func(s browsertest.Series) bool { return strings.HasSuffix(s.Name, i18n.In(lang, " (used)")) })
		},
	}, {
		"training at the suggested rate, a tenth of it and ten times it, side by side",
		func(c browsertest.Chart, lang string) bool { return tenfold(distinctValues(c, "learning_rate="), 3) },
	}},
	"05-lr-schedules": {{
		"the validation loss of the four schedules on one chart",
		func(c browsertest.Chart, lang string) bool {
			return strings.Contains(strings.ToLower(c.Title), i18n.In(lang, "validation loss")) && len(distinctValues(c, "")) >= 4
		},
	}},
	"09-hyperparameter-search": {{
		"the importance bar chart of the search",
		func(c browsertest.Chart, lang string) bool {
			return c.Title == i18n.In(lang, "Hyperparameter importance") && len(c.Series) == 1 && c.Series[0].Points >= 2
		},
	}, {
		"the linked views' curves, one per trial of the search",
		func(c browsertest.Chart, lang string) bool {
			return strings.HasSuffix(c.ID, "-curves") && len(distinctValues(c, "")) >= 20
		},
	}, {
		"the linked views' parallel coordinates",
		func(c browsertest.Chart, lang string) bool { return strings.HasSuffix(c.ID, "-parallel") },
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

// tenfold reports whether labels are n values "name=x" that rise tenfold
// from one to the next (within rounding to three digits).
func tenfold(labels []string, n int) bool {
	if len(labels) != n {
		return false
	}
	xs := make([]float64, n)
	for i, l := range labels {
		_, v, _ := strings.Cut(l, "=")
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || x <= 0 {
			return false
		}
		xs[i] = x
	}
	slices.Sort(xs)
	for i := 1; i < n; i++ {
		if r := xs[i] / xs[i-1]; r < 9.9 || r > 10.1 {
			return false
		}
	}
	return true
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
	rangeTest := browsertest.Chart{Title: "Learning-rate range test", Series: []browsertest.Series{{Name: "loss of the step", Points: 300},
		{Name: "smoothed loss", Points: 300}, {Name: "valley 0.0367 (used)"}, {Name: "slide 0.12"}, {Name: "steep 0.05"}, {Name: "minimum 0.2"}}}
	threeOnly := rangeTest
	threeOnly.Series = rangeTest.Series[:5]
	rangeZh := rangeTest
	rangeZh.Title = "学习率范围测试"
	rangeZh.Series = slices.Clone(rangeTest.Series)
	rangeZh.Series[2].Name = "valley 0.0367（采用）"
	tenfoldRates := browsertest.Chart{Title: "Validation loss at the suggested rate, ×0.1 and ×10", Series: []browsertest.Series{
		{Name: "learning_rate=0.00367", Points: 30}, {Name: "learning_rate=0.0367", Points: 30}, {Name: "learning_rate=0.367", Points: 30}}}
	twofold := tenfoldRates
	twofold.Series = slices.Clone(tenfoldRates.Series)
	twofold.Series[2].Name = "learning_rate=0.0734"
	complete04 := []browsertest.Chart{four, descent, rangeTest, tenfoldRates}
	importance := browsertest.Chart{Title: "Hyperparameter importance", Series: []browsertest.Series{{Name: "importance", Points: 2}}}
	importanceZh := importance
	importanceZh.Title = "超参数重要性"
	var trials []browsertest.Series
	for i := range 30 {
		trials = append(trials, browsertest.Series{Name: "learning_rate=" + strconv.Itoa(i), Points: 30 - i})
	}
	curves := browsertest.Chart{ID: "s1-curves", Series: trials}
	parallel := browsertest.Chart{ID: "s1-parallel", Series: []browsertest.Series{{Name: "trials", Points: 30}}}
	unlinked := curves
	unlinked.ID = "c9"
	tests := []struct {
		notebook, lang string
		charts         []browsertest.Chart
		holds          bool
	}{
		{"04-learning-rate", "en", append([]browsertest.Chart{best}, complete04...), true},
		{"04-learning-rate", "en", []browsertest.Chart{four, descent, threeOnly, tenfoldRates}, false}, // a rule missing
		{"04-learning-rate", "en", []browsertest.Chart{four, descent, rangeTest, twofold}, false},      // not ×10 apart
		{"04-learning-rate", "en", []browsertest.Chart{four, descent, rangeTest}, false},
		{"04-learning-rate", "zh", []browsertest.Chart{fourZh, descentZh, rangeTest, tenfoldRates}, false}, // English range chart
		{"09-hyperparameter-search", "en", []browsertest.Chart{importance, curves, parallel}, true},
		{"09-hyperparameter-search", "en", []browsertest.Chart{curves, parallel}, false},
		{"09-hyperparameter-search", "en", []browsertest.Chart{importance, unlinked, parallel}, false},
		{"09-hyperparameter-search", "zh", []browsertest.Chart{importanceZh, curves, parallel}, true},
		{"09-hyperparameter-search", "zh", []browsertest.Chart{importance, curves, parallel}, false},
		{"04-learning-rate", "en", []browsertest.Chart{unmarked}, false},
		{"04-learning-rate", "en", []browsertest.Chart{{Series: four.Series[:3]}}, false},
		{"02-epochs", "en", []browsertest.Chart{best}, true},
		{"02-epochs", "en", []browsertest.Chart{{Title: "Loss per epoch", Series: []browsertest.Series{{Name: "train loss", Points: 9}}}}, false},
		{"04-learning-rate", "zh", []browsertest.Chart{bestZh, fourZh, descentZh, rangeZh, tenfoldRates}, true},
		{"04-learning-rate", "zh", []browsertest.Chart{four}, false}, // English marks in the Chinese edition
		{"02-epochs", "zh", []browsertest.Chart{bestZh}, true},
		{"02-epochs", "zh", []browsertest.Chart{best}, false},
		{"04-learning-rate", "en", complete04, true},
		{"04-learning-rate", "en", []browsertest.Chart{four, noDivergence, rangeTest, tenfoldRates}, false},
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
