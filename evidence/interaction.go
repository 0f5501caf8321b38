package evidence

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/history"
)

// Interacts claims that two hyperparameters interact: the effect on the
// measure of a change of one of them (a0 → a1) at one value of the other
// differs from the effect of the same change (b0 → b1) at another value,
// beyond the seed spread. Example: learning rate 0.003 → 0.01 at width 16
// (a0, a1) and at width 64 (b0, b1).
func Interacts(id string, m Measure, a0, a1, b0, b1 Group) Claim {
	return Claim{ID: id, Rule: Interaction, Measure: m, Groups: []Group{a0, a1, b0, b1}}
}

// judgeInteraction compares the two effects (a1 − a0 and b1 − b0). Their
// difference is a difference of differences of four group means, so the
// spread it must exceed is the pooled s.d. of the four groups times √2:
// the same yardstick as Lower's (the pooled s.d. of one difference of two
// means), scaled as a contrast of four means is. The claim cannot be
// refuted, only left undecided: effects equal within the spread do not
// prove that the hyperparameters never interact.
func judgeInteraction(v *Verdict) error {
	c := v.Claim
	st, err := stats(c)
	if err != nil {
		return err
	}
	var sumVar float64
	seeds := true
	for i, g := range c.Groups {
		v.Results = append(v.Results, Result{Label: g.Label, Stat: st[i]})
		sumVar += st[i].SD * st[i].SD
		seeds = seeds && st[i].N > 1
	}
	ea, eb := st[1].Mean-st[0].Mean, st[3].Mean-st[2].Mean
	contrast := ea - eb
	v.Margin, v.Spread = math.Abs(contrast), math.Sqrt(2*sumVar/4)
	decided := seeds && history.Finite(contrast) && v.Margin > v.Spread
	v.Outcome = Depends
	if decided {
		v.Outcome = Supported
	}
	v.English, v.Chinese = words{c: c}.interaction(v, ea, eb, seeds)
	return nil
}

func (w words) interaction(v *Verdict, ea, eb float64, seeds bool) (string, string) {
	m, g := w.measure(), w.c.Groups
	claim := text{fmt.Sprintf("the effect on the %s of going from %s to %s differs from that of going from %s to %s (the hyperparameters interact)",
		m.en, g[0].Label, g[1].Label, g[2].Label, g[3].Label),
		fmt.Sprintf("从 %s 到 %s 对%s的影响不同于从 %s 到 %s 的影响（超参数之间存在交互作用）", w.zh(g[0].Label), w.zh(g[1].Label), m.zh, w.zh(g[2].Label), w.zh(g[3].Label))}
	effects := text{fmt.Sprintf("the two effects are %s and %s", num(ea), num(eb)), fmt.Sprintf("两处的影响分别为 %s 和 %s", num(ea), num(eb))}
	var reason text
	switch {
	case !seeds:
		reason = text{"it depends on the seed: one run per group cannot tell a difference from seed noise",
			"取决于随机种子：每组只有一次运行，无法区分差异与种子噪声"}
	case v.Outcome == Supported:
		reason = text{fmt.Sprintf("%s; their difference %s exceeds the seed spread %s (pooled s.d. × √2, for a difference of differences)",
			effects.en, num(v.Margin), num(v.Spread)),
			fmt.Sprintf("%s；两者之差 %s 大于种子间波动 %s（合并标准差 × √2，用于差值之差）", effects.zh, num(v.Margin), num(v.Spread))}
	default:
		reason = text{fmt.Sprintf("it depends on the seed: %s; their difference %s is within the seed spread %s (pooled s.d. × √2, for a difference of differences)",
			effects.en, num(v.Margin), num(v.Spread)),
			fmt.Sprintf("取决于随机种子：%s；两者之差 %s 在种子间波动 %s（合并标准差 × √2，用于差值之差）之内", effects.zh, num(v.Margin), num(v.Spread))}
	}
	return sentence(v, claim, reason)
}
