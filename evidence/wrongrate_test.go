package evidence

import (
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// stepRun is a run whose per-step loss zigzags (jumpy) or falls smoothly,
// and whose validation loss ends at best.
func stepRun(jumpy bool, best float64) *history.History {
	h := hist(1, best)
	for i := 0; i < 40; i++ {
		x := 1 / float64(i+1)
		if jumpy && i%2 == 1 {
			x *= 1.5
		}
		h.StepLoss = append(h.StepLoss, x)
	}
	return h
}

func stepGroup(label string, jumpy bool, bests ...float64) Group {
	var hs []*history.History
	for _, b := range bests {
		hs = append(hs, stepRun(jumpy, b))
	}
	return NewGroup(label, hs...)
}

func TestWrongRate(t *testing.T) {
	bestVal := Measure{Metric: history.ValLoss, At: Best}
	smooth := stepGroup("full batch", false, .15, .16, .17)
	for _, tt := range []struct {
		name string
		c    Claim
		want Outcome
		says string
	}{
		{"oscillates and fits as well", OscillationMeansWrongRate("x", string(StepLoss), bestVal, stepGroup("small batch", true, .15, .17, .16), smooth),
			Refuted, "the oscillation has another cause"},
		{"oscillates and fits better", OscillationMeansWrongRate("x", string(StepLoss), bestVal, stepGroup("small batch", true, .10, .11, .12), smooth),
			Refuted, "is not higher than that of full batch"},
		{"oscillates and fits worse", OscillationMeansWrongRate("x", string(StepLoss), bestVal, stepGroup("small batch", true, .40, .41, .42), smooth),
			Supported, "fits worse"},
		{"does not oscillate", OscillationMeansWrongRate("x", string(StepLoss), bestVal, stepGroup("small batch", false, .15, .16, .17), smooth),
			Depends, "not every seed of small batch oscillates"},
		{"reference oscillates", OscillationMeansWrongRate("x", string(StepLoss), bestVal, stepGroup("small batch", true, .15, .16, .17), stepGroup("ref", true, .15, .16, .17)),
			Depends, "the reference oscillates too"},
		{"one seed", OscillationMeansWrongRate("x", string(StepLoss), bestVal, stepGroup("small batch", true, .15), stepGroup("ref", false, .16)),
			Depends, "one run per group"},
	} {
		v, err := Judge(tt.c)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if v.Outcome != tt.want || !strings.Contains(v.English, tt.says) || !strings.Contains(v.Chinese, outcomeWords[tt.want].zh) {
			t.Errorf("%s: %s, %q / %q; want %s saying %q", tt.name, v.Outcome, v.English, v.Chinese, tt.want, tt.says)
		}
		if !strings.Contains(v.English, "means the learning rate is wrong") {
			t.Errorf("%s: the sentence does not state the claim: %q", tt.name, v.English)
		}
	}
	for _, bad := range []Claim{
		{ID: "x", Rule: WrongRate, Series: string(StepLoss), Measure: bestVal, Groups: []Group{smooth, smooth, smooth}},
		OscillationMeansWrongRate("x", "no_such_metric", bestVal, smooth, smooth),
	} {
		if _, err := Judge(bad); err == nil {
			t.Errorf("malformed wrong-rate claim %+v accepted", bad)
		}
	}
}

// A group named in each language is named in English in the English
// sentence and in Chinese in the Chinese one, the numbers included.
func TestVerdictLabelZh(t *testing.T) {
	a, b := group("step", .3, .31, .29), group("constant", .5, .52, .48)
	a.LabelZh, b.LabelZh = "阶梯", "恒定"
	v := MustJudge(LowerThan("x", finalVal, a, b))
	if strings.Contains(v.English, "阶梯") || strings.Contains(v.English, "恒定") || !strings.Contains(v.English, "step 0.3") {
		t.Errorf("English sentence %q names the groups in Chinese, or not at all", v.English)
	}
	if strings.Contains(v.Chinese, "step") || strings.Contains(v.Chinese, "constant") || !strings.Contains(v.Chinese, "阶梯 0.3") {
		t.Errorf("Chinese sentence %q names the groups in English, or not at all", v.Chinese)
	}
	o := stepGroup("batch 8", true, .15, .16, .17)
	o.LabelZh = "批次 8"
	v = MustJudge(OscillationMeansWrongRate("x", string(StepLoss), finalVal, o, stepGroup("full", false, .15, .16, .17)))
	if strings.Contains(v.Chinese, "batch 8") || !strings.Contains(v.Chinese, "批次 8 · 方向变化比例") || !strings.Contains(v.Chinese, "批次 8 · 平均步幅 / 水平") {
		t.Errorf("Chinese sentence %q names the group or what it counts in English", v.Chinese)
	}
}
