package lab

import (
	"flag"
	"regexp"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// withLanguage runs the test in lang and restores the environment's choice.
func withLanguage(t *testing.T, lang string) {
	t.Helper()
	Language(lang)
	t.Cleanup(func() { Language("") })
}

// In Chinese, the mistakes of a cell end it with one Chinese sentence that
// keeps the hyperparameter's name and value as written.
func TestMistakesInChinese(t *testing.T) {
	withLanguage(t, "zh")
	english := regexp.MustCompile(`is below|is above|did you mean|unknown hyperparameter|is not a|takes `)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"below minimum", []string{"--learning_rate=-1"}, "learning_rate=-1 低于最小值 1e-05"},
		{"not a number", []string{"--set=epochs=many"}, `epochs="many" 不是整数`},
		{"unknown name in --set", []string{"--set=epoch=3"}, `你是不是想写 "epochs"？`},
		{"unknown flag", []string{"--learning_rat=0.3"}, `你是不是想写 "learning_rate"？`},
		{"not a choice", []string{"--optimizer=adm"}, `不是以下取值之一`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("cell", flag.ExitOnError)
			hp := DeclareOn(fs, config{})
			_, errOut, _, status := cell(t, true, fs, tc.args, func() { hp.Show() })
			msg := strings.TrimSpace(errOut)
			if status != 1 || strings.Count(msg, "\n") != 0 || !strings.Contains(msg, tc.want) || english.MatchString(msg) {
				t.Errorf("status %d, stderr = %q; want one Chinese line containing %q", status, errOut, tc.want)
			}
		})
	}
}

func TestUnknownLanguage(t *testing.T) {
	t.Cleanup(func() { Language("") })
	_, errOut, _, status := cell(t, true, nil, nil, func() { Language("fr") })
	if status != 1 || !strings.Contains(errOut, `lab: the language "fr" is not one hyperlab speaks; use "en"`) {
		t.Errorf("Language(fr): status %d, %q", status, errOut)
	}
	if got := CurrentLanguage(); got != "en" && got != "zh" {
		t.Errorf("CurrentLanguage = %q", got)
	}
}

// The words lab shows that the code does not write as literals (statuses
// and metric names come from history) have their translation too.
func TestStatusesAndMetricsTranslated(t *testing.T) {
	for _, s := range []history.Status{history.Running, history.Finished, history.Diverged, history.Cancelled, history.Failed} {
		if !i18n.Has(i18n.Chinese, string(s)) {
			t.Errorf("the status %q has no zh translation (internal/i18n/zh.go)", s)
		}
	}
	for _, h := range hparams.DefaultHeader {
		if !i18n.Has(i18n.Chinese, h) {
			t.Errorf("the hyperparameter table's column %q has no zh translation (internal/i18n/zh.go)", h)
		}
	}
	for _, m := range history.Metrics {
		if !i18n.Has(i18n.Chinese, m.Label()) {
			t.Errorf("the metric label %q has no zh translation (internal/i18n/zh.go)", m.Label())
		}
	}
}

func TestShowInChinese(t *testing.T) {
	withLanguage(t, "zh")
	fs := newFlagSet()
	hp := DeclareOn(fs, config{})
	out, _, _, _ := cell(t, false, fs, []string{"--epochs=3"}, func() { hp.Show() })
	if !strings.HasPrefix(strings.Join(strings.Fields(out)[:5], " "), "名称 取值 默认值 允许范围 说明") || !strings.Contains(out, "* epochs") {
		t.Errorf("the Chinese table:\n%s", out)
	}
}

func TestSummaryInChinese(t *testing.T) {
	withLanguage(t, "zh")
	r := &Run{Dataset: "moons", History: &history.History{Status: history.Finished,
		Epochs: []history.Epoch{{Epoch: 1, TrainLoss: 0.5, ValLoss: 0.6, ValAccuracy: 0.8, Steps: 25}}}, Reused: true}
	want := "moons，默认值：已完成，共 1 轮、每轮 25 步：训练损失 0.5，验证损失 0.6，验证准确率 80.0%；从运行存储中读回。"
	if got := r.Summary(); got != want {
		t.Errorf("Summary = %q\nwant      %q", got, want)
	}
}

func TestTextFollowsTheLanguage(t *testing.T) {
	defer Language("")
	Language("en")
	if got := Text("Loss", "损失"); got != "Loss" {
		t.Errorf("en: %q", got)
	}
	Language("zh")
	if got := Text("Loss", "损失"); got != "损失" {
		t.Errorf("zh: %q", got)
	}
	if got := Text("Loss", ""); got != "Loss" {
		t.Errorf("zh without a translation: %q", got)
	}
}
