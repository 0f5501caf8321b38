package plotting

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// In Chinese, a loss chart's title, axis names, legend and marker are
// Chinese; in English they are as before.
func TestLossChartInChinese(t *testing.T) {
	t.Cleanup(func() { i18n.Set("") })
	for lang, want := range map[string][]string{
		i18n.English: {`"Loss per epoch"`, `"epoch"`, `"loss"`, `"train loss"`, `"validation loss"`, `"best"`},
		i18n.Chinese: {`"每轮损失"`, `"轮次"`, `"损失"`, `"训练损失"`, `"验证损失"`, `"最佳"`},
	} {
		if err := i18n.Set(lang); err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(Loss(sampleHistory(), LossOptions{}).Option)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(js), w) {
				t.Errorf("%s: the loss chart's option has no %s:\n%s", lang, w, js)
			}
		}
	}
}

// Markers and metric labels reach the catalog at run time, not as
// literals the catalog test reads, so they are listed here.
func TestMarkersAndMetricsTranslated(t *testing.T) {
	for _, m := range []string{"best", "diverged"} {
		if !i18n.Has(i18n.Chinese, m) {
			t.Errorf("the marker %q has no zh translation", m)
		}
	}
	for _, m := range Metrics {
		if !i18n.Has(i18n.Chinese, m.Label()) {
			t.Errorf("the metric label %q has no zh translation", m.Label())
		}
	}
}
