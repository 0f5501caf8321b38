package evidence

import (
	"fmt"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
)

// words builds a verdict's sentences; every number in them comes from the
// Verdict, every word from the tables below.
type words struct{ c Claim }

// text is one phrase in both languages.
type text struct{ en, zh string }

var outcomeWords = map[Outcome]text{
	Supported: {"Supported", "成立"},
	Refuted:   {"Refuted", "不成立"},
	Depends:   {"It depends", "视情况而定"},
}

var metricWords = map[history.Metric]text{
	history.TrainLoss:     {"training loss", "训练损失"},
	history.ValLoss:       {"validation loss", "验证损失"},
	history.ValAccuracy:   {"validation accuracy", "验证准确率"},
	history.ValError:      {"validation error", "验证误差"},
	history.TrainAccuracy: {"training accuracy", "训练准确率"},
	history.LearningRate:  {"learning rate", "学习率"},
	history.Seconds:       {"seconds per epoch", "每轮秒数"},
	history.TrainPenalty:  {"training penalty", "训练正则惩罚"},
	history.ValPenalty:    {"validation penalty", "验证正则惩罚"},
	StepLoss:              {"per-step training loss", "每步训练损失"},
}

var atWords = map[At]text{Final: {"final ", "最终"}, Best: {"best ", "最佳"}, Mean: {"mean ", "平均"}}

func metricText(m history.Metric) text {
	if t, ok := metricWords[m]; ok {
		return t
	}
	return text{string(m), string(m)}
}

func (w words) measure() text {
	m := w.c.Measure
	if m.Minus != "" {
		a, b := metricText(m.Metric), metricText(m.Minus)
		at := atWords[m.At]
		return text{at.en + "gap " + a.en + " − " + b.en, at.zh + a.zh + "与" + b.zh + "之差"}
	}
	t, at := metricText(m.Metric), atWords[m.At]
	return text{at.en + t.en, at.zh + t.zh}
}

// num formats a number as history.Format does, or "–" when it is not finite.
func num(x float64) string {
	if !history.Finite(x) {
		return "–"
	}
	return history.Format(x)
}

// numbers lists the results as "label mean ± s.d." and says over how many
// seeds.
func numbers(v *Verdict) text {
	var en, zh []string
	same := true
	for _, r := range v.Results {
		same = same && r.Stat.N == v.Results[0].Stat.N
	}
	dropped := 0
	for _, r := range v.Results {
		sd := r.Stat.ShownSD()
		s := fmt.Sprintf("%s %s ± %s", r.Label, num(r.Stat.Mean), num(sd))
		z := fmt.Sprintf("%s %s ± %s", words{c: v.Claim}.zh(r.Label), num(r.Stat.Mean), num(sd))
		if !same {
			en = append(en, fmt.Sprintf("%s (n=%d)", s, r.Stat.N))
			zh = append(zh, fmt.Sprintf("%s（n=%d）", z, r.Stat.N))
		} else {
			en, zh = append(en, s), append(zh, z)
		}
		dropped += r.Stat.Dropped
	}
	t := text{strings.Join(en, ", "), strings.Join(zh, "，")}
	if same && len(v.Results) > 0 {
		t.en += fmt.Sprintf(" (mean ± s.d. over %d seeds)", v.Results[0].Stat.N)
		t.zh += fmt.Sprintf("（%d 个种子的均值 ± 标准差）", v.Results[0].Stat.N)
	}
	if dropped > 0 {
		t.en += fmt.Sprintf("; %d non-finite (diverged) values left out", dropped)
		t.zh += fmt.Sprintf("；已剔除 %d 个非有限（发散）值", dropped)
	}
	return t
}

// sentence joins outcome, claim, numbers and reason.
func sentence(v *Verdict, claim, reason text) (string, string) {
	o, n := outcomeWords[v.Outcome], numbers(v)
	return fmt.Sprintf("%s: %s. Measured: %s; %s.", o.en, claim.en, n.en, reason.en),
		fmt.Sprintf("%s：%s。测得：%s；%s。", o.zh, claim.zh, n.zh, reason.zh)
}

func (w words) spreadName() text {
	if w.c.Spread == Range {
		return text{"the gap between min–max ranges", "最小–最大范围之间的间隔"}
	}
	return text{"pooled s.d.", "合并标准差"}
}

func (w words) beyondSpread(v *Verdict, against bool) text {
	if w.c.Spread == Range {
		if against {
			return text{fmt.Sprintf("the difference goes the other way (%s) and the min–max ranges over seeds do not overlap", num(v.Margin)),
				fmt.Sprintf("差值方向相反（%s），且各种子的最小–最大范围不重叠", num(v.Margin))}
		}
		return text{fmt.Sprintf("the difference is %s and the min–max ranges over seeds do not overlap", num(v.Margin)),
			fmt.Sprintf("差值为 %s，且各种子的最小–最大范围不重叠", num(v.Margin))}
	}
	if against {
		return text{fmt.Sprintf("the difference goes the other way (%s), beyond the seed spread %s (pooled s.d.)", num(v.Margin), num(v.Spread)),
			fmt.Sprintf("差值方向相反（%s），超出种子间波动 %s（合并标准差）", num(v.Margin), num(v.Spread))}
	}
	return text{fmt.Sprintf("the difference %s exceeds the seed spread %s (pooled s.d.)", num(v.Margin), num(v.Spread)),
		fmt.Sprintf("差值 %s 大于种子间波动 %s（合并标准差）", num(v.Margin), num(v.Spread))}
}

func (w words) withinSpread(v *Verdict, st []history.Stat) text {
	for _, s := range st {
		if s.N < 2 {
			return text{"it depends on the seed: one run per group cannot tell a difference from seed noise",
				"取决于随机种子：每组只有一次运行，无法区分差异与种子噪声"}
		}
	}
	if w.c.Spread == Range {
		return text{fmt.Sprintf("it depends on the seed: the difference %s is small enough that the min–max ranges over seeds overlap", num(v.Margin)),
			fmt.Sprintf("取决于随机种子：差值 %s 太小，各种子的最小–最大范围重叠", num(v.Margin))}
	}
	return text{fmt.Sprintf("it depends on the seed: the difference %s is within the seed spread %s (pooled s.d.)", num(v.Margin), num(v.Spread)),
		fmt.Sprintf("取决于随机种子：差值 %s 在种子间波动 %s（合并标准差）之内", num(v.Margin), num(v.Spread))}
}

func (w words) lower(v *Verdict, reason text) (string, string) {
	m, a, b := w.measure(), w.c.Groups[0].Label, w.c.Groups[1].Label
	rel := text{"lower", "低于"}
	if w.c.up() {
		rel = text{"higher", "高于"}
	}
	claim := text{fmt.Sprintf("the %s of %s is %s than that of %s", m.en, a, rel.en, b),
		fmt.Sprintf("%s 的%s%s %s", w.zh(a), m.zh, rel.zh, w.zh(b))}
	return sentence(v, claim, reason)
}

func (w words) trend(v *Verdict, reason text) (string, string) {
	m := w.measure()
	rel := text{"falls", "下降"}
	if w.c.up() {
		rel = text{"rises", "上升"}
	}
	claim := text{fmt.Sprintf("the %s %s as %s grows", m.en, rel.en, w.c.Axis),
		fmt.Sprintf("%s随 %s 增大而%s", m.zh, w.c.Axis, rel.zh)}
	return sentence(v, claim, reason)
}

func (w words) monotone(against bool) text {
	if against {
		return text{"it goes the other way at every step, beyond the seed spread from first to last",
			"每一步都反向变化，且首尾之差超出种子间波动"}
	}
	return text{"it goes that way at every step, beyond the seed spread from first to last",
		"每一步都同向变化，且首尾之差超出种子间波动"}
}

// extreme names where a non-monotone measure is lowest and highest.
func (w words) extreme(st []history.Stat) text {
	lo, hi := 0, 0
	for i, s := range st {
		if s.Mean < st[lo].Mean {
			lo = i
		}
		if s.Mean > st[hi].Mean {
			hi = i
		}
	}
	a, b := w.c.Groups[lo].Label, w.c.Groups[hi].Label
	return text{fmt.Sprintf("it depends on %s: the change is not one-way; lowest at %s, highest at %s", w.c.Axis, a, b),
		fmt.Sprintf("取决于 %s：变化不是单向的；在 %s 处最低，在 %s 处最高", w.c.Axis, w.zh(a), w.zh(b))}
}

func (w words) oscillation(v *Verdict, oscillating, flat, n int) (string, string) {
	s, g := metricText(history.Metric(w.c.Series)), w.c.Groups[0].Label
	claim := text{fmt.Sprintf("the %s of %s oscillates (goes up and down)", s.en, g), fmt.Sprintf("%s 的%s震荡（忽高忽低）", w.zh(g), s.zh)}
	if w.c.Rule == Smooth {
		claim = text{fmt.Sprintf("the %s of %s moves smoothly, without oscillating", s.en, g), fmt.Sprintf("%s 的%s平稳变化，没有震荡", w.zh(g), s.zh)}
	}
	reason := text{fmt.Sprintf("%d of %d seeds oscillate (direction changes in at least %.0f%% of steps, mean step at least %.0f%% of the level)",
		oscillating, n, 100*w.c.Threshold, 100*w.c.MinSwing),
		fmt.Sprintf("%d/%d 个种子震荡（至少 %.0f%% 的步改变方向，平均步幅至少为水平的 %.0f%%）", oscillating, n, 100*w.c.Threshold, 100*w.c.MinSwing)}
	if flat > 0 {
		reason.en += fmt.Sprintf("; %d seeds change direction often but by tiny steps: flat, not oscillating", flat)
		reason.zh += fmt.Sprintf("；%d 个种子频繁改变方向但步幅极小：是平坦，不是震荡", flat)
	}
	return sentence(v, claim, reason)
}

func (w words) neighbours(v *Verdict, cs []comparison) (string, string) {
	m := w.measure()
	var marked, markedZh []string
	for i, x := range w.c.Marked {
		if x {
			marked, markedZh = append(marked, w.c.Groups[i].Label), append(markedZh, w.zh(w.c.Groups[i].Label))
		}
	}
	rel := text{"lower", "低于"}
	if w.c.up() {
		rel = text{"higher", "高于"}
	}
	claim := text{fmt.Sprintf("the %s at %s is %s than at the neighbouring %s", m.en, strings.Join(marked, ", "), rel.en, w.c.Axis),
		fmt.Sprintf("%s 处的%s%s相邻的 %s 取值", strings.Join(markedZh, "、"), m.zh, rel.zh, w.c.Axis)}
	won := 0
	var missed, missedZh []string
	for _, x := range cs {
		if x.won {
			won++
		} else {
			a, b := w.c.Groups[x.marked].Label, w.c.Groups[x.neighbour].Label
			missed, missedZh = append(missed, a+" vs "+b), append(missedZh, w.zh(a)+" vs "+w.zh(b))
		}
	}
	reason := text{fmt.Sprintf("%s beyond the seed spread (%s) in %d of %d comparisons with a neighbour", rel.en, w.spreadName().en, won, len(cs)),
		fmt.Sprintf("在 %d/%d 次与相邻取值的比较中%s且超出种子间波动（%s）", won, len(cs), rel.zh, w.spreadName().zh)}
	if len(missed) > 0 {
		reason.en += "; not at " + strings.Join(missed, ", ")
		reason.zh += "；未做到：" + strings.Join(missedZh, "，")
	}
	return sentence(v, claim, reason)
}
