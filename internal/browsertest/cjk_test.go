package browsertest_test

import (
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/internal/cjkfont"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/plotting"
)

// needCJKFont skips t without a CJK font, and fails it under CI=true,
// where scripts/setup-tests.sh has installed one.
func needCJKFont(t *testing.T) {
	t.Helper()
	if _, err := cjkfont.Find(); err != nil {
		testutil.Require(t, err.Error(), "")
	}
}

// A chart in Chinese draws its title, axis names and legend with real
// glyphs: no tofu boxes. The check itself finds tofu in characters no
// installed font has (Tangut).
func TestChineseChartHasNoTofu(t *testing.T) {
	needCJKFont(t)
	b := browsertest.Start(t)
	i18n.Set(i18n.Chinese)
	t.Cleanup(func() { i18n.Set("") })
	c := plotting.Loss(run(0.1, 1, false), plotting.LossOptions{})
	c.ID = "zh"
	page := b.Open(t, chartsFile(t, "中文", "zh.html", c))
	if len(page.Charts) != 1 || page.Charts[0].Title != "每轮损失" {
		t.Fatalf("the page drew %+v; want one chart titled 每轮损失", page.Charts)
	}
	names := browsertest.Eval[[]string](t, b, `(function () {
	  var o = echarts.getInstanceByDom(document.getElementById('zh')).getOption();
	  return [o.xAxis[0].name, o.yAxis[0].name].concat(o.series.map(function (s) { return s.name; }));
	})()`)
	if strings.Join(names, "|") != "轮次|损失|训练损失|验证损失" {
		t.Errorf("axis names and legend = %q, want 轮次|损失|训练损失|验证损失", names)
	}
	if tofu := browsertest.Tofu(t, b, page.Charts[0].Title, browsertest.TitleFont); tofu != "" {
		t.Errorf("the title %q draws %q as tofu (no CJK font?); screenshot %s", page.Charts[0].Title, tofu, page.Screenshot)
	}
	if tofu := browsertest.Tofu(t, b, strings.Join(names, ""), browsertest.AxisFont); tofu != "" {
		t.Errorf("the axis names and legend draw %q as tofu; screenshot %s", tofu, page.Screenshot)
	}
	if tofu := browsertest.Tofu(t, b, "𗀀𗀁", browsertest.TitleFont); tofu != "𗀀𗀁" {
		t.Errorf("the tofu check missed characters no font has: it found %q in Tangut", tofu)
	}
}
