package evidence

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/history"
)

// WrongRate is the rule of OscillationMeansWrongRate.
const WrongRate Rule = "wrong-rate"

// OscillationMeansWrongRate claims that a series which oscillates means the
// learning rate is wrong. It is tested on g, a group whose series
// oscillates, against ref, a group whose series does not (e.g. the same
// rate with the whole training set in each batch): if g fits as well as ref
// by the measure fit (not higher beyond the seed spread; Direction Up:
// not lower), g's rate is not wrong and the claim is Refuted; if g fits
// worse, the claim is Supported. It is undecided (Depends) unless every
// seed of g oscillates, no seed of ref does, and both have several seeds.
func OscillationMeansWrongRate(id, series string, fit Measure, g, ref Group) Claim {
	return Claim{ID: id, Rule: WrongRate, Series: series, Measure: fit, Direction: Down, Groups: []Group{g, ref}}
}

// oscillating counts the seeds of g whose series oscillates under c's
// thresholds, with each seed's direction changes and mean step / level.
func oscillating(c Claim, g Group) (osc, flat int, changes, swings []float64, err error) {
	hs, err := g.histories()
	if err != nil {
		return 0, 0, nil, nil, err
	}
	for _, h := range hs {
		ch, sw := Wobble(series(h, c.Series))
		changes, swings = append(changes, ch), append(swings, sw)
		switch {
		case ch >= c.Threshold && sw >= c.MinSwing:
			osc++
		case ch >= c.Threshold:
			flat++
		}
	}
	return osc, flat, changes, swings, nil
}

func judgeWrongRate(v *Verdict) error {
	c := v.Claim
	if len(c.Groups) != 2 {
		return fmt.Errorf("evidence: claim %s tests one oscillating group against one reference and got %d groups", c.ID, len(c.Groups))
	}
	if c.Series != string(StepLoss) {
		if err := history.Metric(c.Series).Check(); err != nil {
			return fmt.Errorf("evidence: claim %s: series: %w", c.ID, err)
		}
	}
	if c.Threshold == 0 {
		c.Threshold = DefaultThreshold
	}
	if c.MinSwing == 0 {
		c.MinSwing = DefaultMinSwing
	}
	v.Claim = c
	g, ref := c.Groups[0], c.Groups[1]
	gOsc, _, changes, swings, err := oscillating(c, g)
	if err != nil {
		return err
	}
	refOsc, _, _, _, err := oscillating(c, ref)
	if err != nil {
		return err
	}
	v.Results = []Result{{Label: g.Label + " · direction changes", Stat: history.Summarize(changes)},
		{Label: g.Label + " · mean step / level", Stat: history.Summarize(swings)}}
	st, err := groupStats(v)
	if err != nil {
		return err
	}
	diff, spread, decided := separation(st[0], st[1], c.Spread)
	if !c.up() {
		diff = -diff // positive: g fits worse than ref
	}
	v.Margin, v.Spread = diff, spread
	n, nRef := len(g.Runs), len(ref.Runs)
	seeds := st[0].N > 1 && st[1].N > 1
	switch {
	case gOsc < n || refOsc > 0 || !seeds:
		v.Outcome = Depends
	case decided && diff > 0:
		v.Outcome = Supported
	default:
		v.Outcome = Refuted
	}
	v.English, v.Chinese = words{c: c}.wrongRate(v, gOsc, n, refOsc, nRef, seeds)
	return nil
}

func (w words) wrongRate(v *Verdict, gOsc, n, refOsc, nRef int, seeds bool) (string, string) {
	s, m := metricText(history.Metric(w.c.Series)), w.measure()
	g, ref := w.c.Groups[0].Label, w.c.Groups[1].Label
	gz, refz := w.zh(g), w.zh(ref)
	claim := text{fmt.Sprintf("a %s that oscillates means the learning rate is wrong (tested on %s against %s)", s.en, g, ref),
		fmt.Sprintf("%s震荡，就说明学习率设置有问题（用 %s 对照 %s 检验）", s.zh, gz, refz)}
	rule := text{fmt.Sprintf("direction changes in at least %.0f%% of steps, mean step at least %.0f%% of the level", 100*w.c.Threshold, 100*w.c.MinSwing),
		fmt.Sprintf("至少 %.0f%% 的步改变方向，平均步幅至少为水平的 %.0f%%", 100*w.c.Threshold, 100*w.c.MinSwing)}
	osc := text{fmt.Sprintf("%d of %d seeds of %s oscillate and %d of %d of %s (%s)", gOsc, n, g, refOsc, nRef, ref, rule.en),
		fmt.Sprintf("%s 的 %d/%d 个种子震荡，%s 的 %d/%d 个种子震荡（%s）", gz, gOsc, n, refz, refOsc, nRef, rule.zh)}
	rel := text{"higher", "高于"}
	if w.c.up() {
		rel = text{"lower", "低于"}
	}
	var reason text
	switch {
	case gOsc < n:
		reason = text{fmt.Sprintf("it depends: %s; not every seed of %s oscillates, so it is no test of the claim", osc.en, g),
			fmt.Sprintf("视情况而定：%s；%s 并非每个种子都震荡，无法检验这一说法", osc.zh, gz)}
	case refOsc > 0:
		reason = text{fmt.Sprintf("it depends: %s; the reference oscillates too, so it cannot tell what the oscillation costs", osc.en),
			fmt.Sprintf("视情况而定：%s；对照组也震荡，无法判断震荡的代价", osc.zh)}
	case !seeds:
		reason = text{"it depends on the seed: one run per group cannot tell a difference from seed noise",
			"取决于随机种子：每组只有一次运行，无法区分差异与种子噪声"}
	case v.Outcome == Supported:
		reason = text{fmt.Sprintf("%s; the %s of %s is %s than that of %s by %s, beyond the seed spread %s (%s): the oscillating group fits worse",
			osc.en, m.en, g, rel.en, ref, num(v.Margin), num(v.Spread), w.spreadName().en),
			fmt.Sprintf("%s；%s 的%s%s %s，差值 %s 超出种子间波动 %s（%s）：震荡的一组拟合得更差",
				osc.zh, gz, m.zh, rel.zh, refz, num(v.Margin), num(v.Spread), w.spreadName().zh)}
	default:
		reason = text{fmt.Sprintf("%s; yet the %s of %s is not %s than that of %s beyond the seed spread (difference %s, spread %s, %s): the rate fits, and the oscillation has another cause",
			osc.en, m.en, g, rel.en, ref, num(v.Margin), num(v.Spread), w.spreadName().en),
			fmt.Sprintf("%s；但 %s 的%s并不%s %s 超出种子间波动（差值 %s，波动 %s，%s）：学习率能拟合，震荡另有原因",
				osc.zh, gz, m.zh, rel.zh, refz, num(v.Margin), num(v.Spread), w.spreadName().zh)}
	}
	return sentence(v, claim, reason)
}
