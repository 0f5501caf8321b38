package i18n

import (
	"fmt"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"zh": Chinese, "ZH": Chinese, "zh-CN": Chinese, "zh_CN.UTF-8": Chinese, " en ": English, "en_US": English} {
		if got, err := Normalize(in); err != nil || got != want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := Normalize("fr")
	if err == nil || !strings.Contains(err.Error(), `"fr"`) || !strings.Contains(err.Error(), `"zh"`) {
		t.Errorf("Normalize(fr) err = %v, want one naming fr and the languages", err)
	}
}

func TestCurrent(t *testing.T) {
	defer Set("")
	t.Setenv(EnvVar, "")
	if got := Current(); got != English {
		t.Errorf("default language = %q, want en", got)
	}
	t.Setenv(EnvVar, "zh_CN.UTF-8")
	if got := Current(); got != Chinese {
		t.Errorf("with %s=zh_CN.UTF-8: %q, want zh", EnvVar, got)
	}
	t.Setenv(EnvVar, "klingon")
	if got := Current(); got != English {
		t.Errorf("with an unknown %s: %q, want en", EnvVar, got)
	}
	if err := Set("zh"); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvVar, "en")
	if got := Current(); got != Chinese {
		t.Errorf("Set(zh) over %s=en: %q, want zh", EnvVar, got)
	}
	if err := Set("fr"); err == nil {
		t.Error("Set(fr) gave no error")
	}
	if got := Current(); got != Chinese {
		t.Errorf("a refused Set changed the language to %q", got)
	}
	Set("")
	if got := Current(); got != English {
		t.Errorf("Set(\"\") did not go back to the environment: %q", got)
	}
}

func TestLookup(t *testing.T) {
	defer Set("")
	Set(English)
	if got := T("Loss per epoch"); got != "Loss per epoch" {
		t.Errorf("English T = %q", got)
	}
	Set(Chinese)
	if got := T("Loss per epoch"); got != "每轮损失" {
		t.Errorf("Chinese T = %q", got)
	}
	if got := T("a message nobody translated"); got != "a message nobody translated" {
		t.Errorf("a missing translation = %q, want the English", got)
	}
	if got := Tf("Best of %d trials: %s (best validation loss %s at epoch %d%s).", 15, "lr=0.1", "0.25", 7, ""); got != "15 次试验中最好的：lr=0.1（第 7 轮达到最佳验证损失 0.25）。" {
		t.Errorf("reordered Tf = %q", got)
	}
	if got := strings.Join(Ts("epoch", "nobody's"), "|"); got != "轮次|nobody's" {
		t.Errorf("Ts = %q", got)
	}
	if !Has(English, "anything") || Has(Chinese, "anything") || !Has(Chinese, "epoch") {
		t.Error("Has is wrong")
	}
}

// Sentence translates the patterns it documents, keeps names, values and
// quotes, and leaves other sentences in English.
func TestSentence(t *testing.T) {
	for _, tc := range []struct{ en, zh string }{
		{`hparams: learning_rate=-1 is below its minimum 1e-05; learning_rate takes a number (1e-05..10)`,
			`hparams: learning_rate=-1 低于最小值 1e-05；learning_rate 接受一个数 (1e-05..10)`},
		{`hparams: epochs=5000 is above its maximum 1000; epochs takes a whole number (1..1000)`,
			`hparams: epochs=5000 高于最大值 1000；epochs 接受一个整数 (1..1000)`},
		{`hparams: unknown hyperparameter "learning_rat"; did you mean "learning_rate"?`,
			`hparams: 未知的超参数 "learning_rat"；你是不是想写 "learning_rate"？`},
		{`hparams: unknown hyperparameter "zzz"; known: epochs, learning_rate`,
			`hparams: 未知的超参数 "zzz"；已声明的超参数有：epochs, learning_rate`},
		{`hparams: optimizer="adm" is not one of sgd, adam; did you mean "adam"?; optimizer takes one of sgd, adam`,
			`hparams: optimizer="adm" 不是以下取值之一：sgd, adam；你是不是想写 "adam"？；optimizer 接受以下取值之一：sgd, adam`},
		{`hparams: epochs="x" is not a whole number; epochs takes a whole number (1..1000)`,
			`hparams: epochs="x" 不是整数；epochs 接受一个整数 (1..1000)`},
		{`hparams: learning_rate="fast" is not a number; learning_rate takes a number`,
			`hparams: learning_rate="fast" 不是数；learning_rate 接受一个数`},
		{`training: optimizer="adm" is unknown; did you mean "adam"? (choices: adam, sgd)`,
			`training: optimizer="adm" 未知；你是不是想写 "adam"？（可选：adam, sgd）`},
		{"two lines: hparams: x=1 is below its minimum 2\nsomething else entirely",
			"two lines: hparams: x=1 低于最小值 2\nsomething else entirely"},
	} {
		if got := SentenceIn(Chinese, tc.en); got != tc.zh {
			t.Errorf("SentenceIn(zh, %q)\n = %q\nwant %q", tc.en, got, tc.zh)
		}
		if got := SentenceIn(English, tc.en); got != tc.en {
			t.Errorf("SentenceIn(en) changed %q to %q", tc.en, got)
		}
	}
}

func ExampleTf() {
	defer Set("")
	for _, lang := range []string{English, Chinese} {
		Set(lang)
		fmt.Println(Tf("Suggested learning rate %.3g (%s). The test stopped: %s.", 0.0316, "steepest descent", "the loss exploded"))
	}
	// Output:
	// Suggested learning rate 0.0316 (steepest descent). The test stopped: the loss exploded.
	// 建议的学习率为 0.0316（steepest descent）。测试停止的原因：the loss exploded。
}
