package evidence

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// The rules of measured timings and of counts read from the runs.
const (
	// Timing: wall-clock times, one run per repetition of a measurement.
	// Without Marked, the measure falls (Direction Down) or rises (Up)
	// from group to group in the order of Axis; with Marked, every marked
	// group is lower (Up: higher) than its unmarked neighbours. A
	// difference counts only when the medians over repetitions differ by
	// at least the factor Threshold (default DefaultTimingFactor) and the
	// min–max ranges over repetitions do not overlap; anything less is
	// timing noise.
	Timing Rule = "timing"
	// BestEpochIn: the best epoch of each group's seed-mean validation
	// curve (its arg-min, never one seed's dip) lies between Low and High.
	BestEpochIn Rule = "best_epoch_in"
	// StepLog: every run records one training loss per optimizer step
	// (as many StepLoss values as its epochs have Steps).
	StepLog Rule = "step_log"
	// StepsPerEpoch: every epoch of every run takes ⌈Rows / batch size⌉
	// steps, the batch size being each group's value of Axis, and the
	// steps per epoch fall from group to group in the order of Axis.
	StepsPerEpoch Rule = "steps_per_epoch"
)

// DefaultTimingFactor is the ratio of medians below which a Timing claim
// calls two times the same: on a shared machine a repetition can take
// half again as long as another for no reason of its own.
const DefaultTimingFactor = 2

// TimingClaim claims that the measure (e.g. mean seconds per epoch) falls
// as axis grows, over groups whose runs are repetitions of a timing.
func TimingClaim(id string, m Measure, axis string, groups ...Group) Claim {
	return Claim{ID: id, Rule: Timing, Measure: m, Direction: Down, Axis: axis, Groups: groups}
}

// TimingNeighbours claims that each marked group's timing is lower than
// that of its unmarked neighbours; groups are in the order of axis.
func TimingNeighbours(id string, m Measure, axis string, groups []Group, marked []bool) Claim {
	return Claim{ID: id, Rule: Timing, Measure: m, Direction: Down, Axis: axis, Groups: groups, Marked: marked}
}

// BestEpochBetween claims that each group's seed-mean best epoch lies
// between low and high.
func BestEpochBetween(id string, low, high float64, groups ...Group) Claim {
	return Claim{ID: id, Rule: BestEpochIn, Low: low, High: high, Groups: groups}
}

// StepLogClaim claims that every run records the loss of every step.
func StepLogClaim(id string, groups ...Group) Claim {
	return Claim{ID: id, Rule: StepLog, Groups: groups}
}

// FewerSteps claims that an epoch over rows training rows takes
// ⌈rows / batch size⌉ steps, fewer as the batch size (axis) grows; groups
// in increasing order of axis.
func FewerSteps(id string, rows int, axis string, groups ...Group) Claim {
	return Claim{ID: id, Rule: StepsPerEpoch, Rows: rows, Axis: axis, Groups: groups}
}

// checkCounts checks the claims of this file; done is false for the others.
func (c Claim) checkCounts() (done bool, err error) {
	switch c.Rule {
	case Timing:
		if c.Marked != nil && len(c.Marked) != len(c.Groups) {
			return true, fmt.Errorf("evidence: claim %s marks %d groups of %d; give one mark per group, or none", c.ID, len(c.Marked), len(c.Groups))
		}
		if c.Threshold != 0 && c.Threshold <= 1 {
			return true, fmt.Errorf("evidence: claim %s: a timing factor of %g cannot tell times apart; use more than 1 (default %d)", c.ID, c.Threshold, DefaultTimingFactor)
		}
		return true, c.Measure.check()
	case BestEpochIn:
		if !(c.Low >= 1 && c.High >= c.Low) {
			return true, fmt.Errorf("evidence: claim %s: the range %g to %g of best epochs is empty; give 1 ≤ low ≤ high", c.ID, c.Low, c.High)
		}
	case StepsPerEpoch:
		if c.Rows < 1 || c.Axis == "" {
			return true, fmt.Errorf("evidence: claim %s needs the training rows (got %d) and the batch-size axis (got %q)", c.ID, c.Rows, c.Axis)
		}
		for _, g := range c.Groups {
			if b, ok := hparams.Number(g.Values[c.Axis]); !ok || b < 1 {
				return true, fmt.Errorf("evidence: claim %s: group %q has no %s ≥ 1 in its Values", c.ID, g.Label, c.Axis)
			}
		}
	case StepLog: // no more than its groups to check
	default:
		return false, nil
	}
	return true, nil
}

// ms writes seconds as milliseconds, as lab's timing tables do, or "–".
func ms(s float64) string {
	if !history.Finite(s) {
		return "–"
	}
	return history.Milliseconds(s)
}

// timed is one group of a timing claim: its median and range over
// repetitions.
type timed struct{ median, min, max float64 }

// timingPair is a comparison of group a with group b: with means b is
// lower (Down) or higher (Up) as claimed, clear whether it is beyond the
// timing noise.
type timingPair struct {
	a, b        int
	with, clear bool
	ratio       float64
}

func judgeTiming(v *Verdict) error {
	c := v.Claim
	if c.Threshold == 0 {
		c.Threshold = DefaultTimingFactor
	}
	v.Claim = c
	ts := make([]timed, len(c.Groups))
	for i, g := range c.Groups {
		xs, err := c.Measure.seeds(g)
		if err != nil {
			return err
		}
		xs = slices.DeleteFunc(xs, func(x float64) bool { return !history.Finite(x) })
		st := history.Summarize(xs)
		ts[i] = timed{median: history.Median(xs), min: st.Min, max: st.Max}
		v.Results = append(v.Results, Result{Label: g.Label, Stat: st})
	}
	var pairs []timingPair
	add := func(a, b int) {
		lo, hi := ts[a], ts[b] // claimed: b below a (Down)
		if c.up() {
			lo, hi = hi, lo
		}
		p := timingPair{a: a, b: b}
		p.with = hi.median < lo.median
		big, small := math.Max(lo.median, hi.median), math.Min(lo.median, hi.median)
		p.ratio = big / small
		apart := hi.max < lo.min || lo.max < hi.min
		p.clear = small > 0 && p.ratio >= c.Threshold && apart
		pairs = append(pairs, p)
	}
	if c.Marked == nil {
		for i := 1; i < len(ts); i++ {
			add(i-1, i)
		}
	} else {
		for i, m := range c.Marked {
			if !m {
				continue
			}
			for _, j := range []int{i - 1, i + 1} {
				if j >= 0 && j < len(ts) && !c.Marked[j] {
					add(j, i)
				}
			}
		}
	}
	with, against := 0, 0
	for _, p := range pairs {
		switch {
		case p.clear && p.with:
			with++
		case p.clear:
			against++
		}
	}
	switch {
	case len(pairs) > 0 && with == len(pairs):
		v.Outcome = Supported
	case len(pairs) > 0 && against == len(pairs):
		v.Outcome = Refuted
	default:
		v.Outcome = Depends
	}
	v.English, v.Chinese = timingWords(v, ts, pairs)
	return nil
}

func timingWords(v *Verdict, ts []timed, pairs []timingPair) (string, string) {
	c := v.Claim
	label := func(i int) string { return c.Groups[i].Label }
	var claim text
	m := metricText(c.Measure.Metric)
	if c.Measure.Metric == history.Seconds {
		m = text{"time of an epoch", "每个 epoch 的时间"}
	}
	switch {
	case c.Marked != nil:
		var marked []string
		for i, x := range c.Marked {
			if x {
				marked = append(marked, label(i))
			}
		}
		rel := text{"shorter", "更短"}
		if c.up() {
			rel = text{"longer", "更长"}
		}
		claim = text{fmt.Sprintf("the %s at %s is %s than at the neighbouring %s", m.en, strings.Join(marked, ", "), rel.en, c.Axis),
			fmt.Sprintf("%s 处的%s比相邻的 %s 取值%s", strings.Join(marked, "、"), m.zh, c.Axis, rel.zh)}
	case c.up():
		claim = text{fmt.Sprintf("the %s rises as %s grows", m.en, c.Axis), fmt.Sprintf("%s随 %s 增大而上升", m.zh, c.Axis)}
	default:
		claim = text{fmt.Sprintf("the %s falls as %s grows", m.en, c.Axis), fmt.Sprintf("%s随 %s 增大而下降", m.zh, c.Axis)}
	}
	var en, zh []string
	for i, t := range ts {
		s := fmt.Sprintf("%s %s ms (%s–%s)", label(i), ms(t.median), ms(t.min), ms(t.max))
		en, zh = append(en, s), append(zh, s)
	}
	n := 0
	if len(v.Results) > 0 {
		n = v.Results[0].Stat.N
	}
	nums := text{strings.Join(en, ", ") + fmt.Sprintf(" (median of %d repetitions, min–max in brackets)", n),
		strings.Join(zh, "，") + fmt.Sprintf("（%d 次重复的中位数，括号内为最小–最大值）", n)}
	var clearEn, clearZh, noise []string
	for _, p := range pairs {
		step := label(p.a) + " → " + label(p.b)
		if c.Marked != nil {
			step = label(p.b) + " vs " + label(p.a)
		}
		if !p.clear {
			noise = append(noise, step)
			continue
		}
		dir := text{"as claimed", "与说法一致"}
		if !p.with {
			dir = text{"against the claim", "与说法相反"}
		}
		clearEn = append(clearEn, fmt.Sprintf("%s %.1f× %s", step, p.ratio, dir.en))
		clearZh = append(clearZh, fmt.Sprintf("%s %.1f×（%s）", step, p.ratio, dir.zh))
	}
	var reason text
	if len(clearEn) > 0 {
		reason.en = "clear differences: " + strings.Join(clearEn, ", ")
		reason.zh = "明显的差异：" + strings.Join(clearZh, "，")
	} else {
		reason = text{"no clear difference", "没有明显的差异"}
	}
	if len(noise) > 0 {
		reason.en += "; within timing noise: " + strings.Join(noise, ", ")
		reason.zh += "；在计时噪声之内：" + strings.Join(noise, "，")
	}
	reason.en += fmt.Sprintf(" (a difference counts when the medians differ by at least %g× and the ranges over repetitions do not overlap)", c.Threshold)
	reason.zh += fmt.Sprintf("（只有中位数相差至少 %g 倍且各次重复的范围不重叠时，差异才算数）", c.Threshold)
	o := outcomeWords[v.Outcome]
	return fmt.Sprintf("%s: %s. Measured: %s; %s.", o.en, claim.en, nums.en, reason.en),
		fmt.Sprintf("%s：%s。测得：%s；%s。", o.zh, claim.zh, nums.zh, reason.zh)
}

func judgeBestEpoch(v *Verdict) error {
	c := v.Claim
	inside, open := 0, 0
	var en, zh []string
	for _, g := range c.Groups {
		hs, err := g.histories()
		if err != nil {
			return err
		}
		curve := history.MeanCurve(hs, history.ValLoss)
		i, ok := curve.Best()
		if !ok {
			return fmt.Errorf("evidence: claim %s: group %q has no epoch with a finite mean validation loss", c.ID, g.Label)
		}
		best, last := curve.Epochs[i], curve.Epochs[len(curve.Epochs)-1]
		v.Results = append(v.Results, Result{Label: g.Label, Stat: history.Summarize([]float64{float64(best)})})
		in := float64(best) >= c.Low && float64(best) <= c.High
		switch {
		case best == last && float64(best) <= c.High:
			open++
			en = append(en, fmt.Sprintf("%s: epoch %d of %d, the last one (the mean is still falling)", g.Label, best, last))
			zh = append(zh, fmt.Sprintf("%s：第 %d/%d 个 epoch，即最后一个（均值仍在下降）", g.Label, best, last))
		case in:
			inside++
			en = append(en, fmt.Sprintf("%s: epoch %d of %d", g.Label, best, last))
			zh = append(zh, fmt.Sprintf("%s：第 %d/%d 个 epoch", g.Label, best, last))
		default:
			en = append(en, fmt.Sprintf("%s: epoch %d of %d, outside the range", g.Label, best, last))
			zh = append(zh, fmt.Sprintf("%s：第 %d/%d 个 epoch，在范围之外", g.Label, best, last))
		}
	}
	n := len(c.Groups)
	switch {
	case inside == n:
		v.Outcome = Supported
	case inside == 0 && open == 0:
		v.Outcome = Refuted
	default:
		v.Outcome = Depends
	}
	o := outcomeWords[v.Outcome]
	what := text{fmt.Sprintf("the best epoch (where the seed-mean validation loss is lowest) lies between %g and %g", c.Low, c.High),
		fmt.Sprintf("最佳 epoch（种子均值验证损失最低处）在 %g 到 %g 之间", c.Low, c.High)}
	if n == 1 {
		what.en = "in this setup, " + what.en
		what.zh = "在这个设置下，" + what.zh
	}
	reason := text{fmt.Sprintf("%d of %d setups have their best epoch in the range", inside, n),
		fmt.Sprintf("%d/%d 个设置的最佳 epoch 落在这个范围内", inside, n)}
	if open > 0 {
		reason.en += fmt.Sprintf("; %d cannot tell, since the mean still falls at their last epoch", open)
		reason.zh += fmt.Sprintf("；%d 个无法判断，因为均值在最后一个 epoch 仍在下降", open)
	}
	return setWords(v, o, what, text{strings.Join(en, "; "), strings.Join(zh, "；")}, reason)
}

func setWords(v *Verdict, o, claim, nums, reason text) error {
	v.English = fmt.Sprintf("%s: %s. Measured: %s; %s.", o.en, claim.en, nums.en, reason.en)
	v.Chinese = fmt.Sprintf("%s：%s。测得：%s；%s。", o.zh, claim.zh, nums.zh, reason.zh)
	return nil
}

// stepCount is what StepLog and StepsPerEpoch read from one run.
func stepCount(h *history.History) (steps int, perEpoch []int) {
	for _, e := range h.Epochs {
		steps += e.Steps
		perEpoch = append(perEpoch, e.Steps)
	}
	return steps, perEpoch
}

func judgeStepLog(v *Verdict) error {
	c := v.Claim
	runs, matching := 0, 0
	var en, zh, missed []string
	for _, g := range c.Groups {
		hs, err := g.histories()
		if err != nil {
			return err
		}
		var losses []float64
		for k, h := range hs {
			steps, _ := stepCount(h)
			runs++
			losses = append(losses, float64(len(h.StepLoss)))
			if len(h.StepLoss) == steps {
				matching++
			} else {
				missed = append(missed, fmt.Sprintf("%s seed %d (%d losses, %d steps)", g.Label, g.Runs[k].Seed, len(h.StepLoss), steps))
			}
			if k == 0 {
				en = append(en, fmt.Sprintf("%s %d losses for %d steps", g.Label, len(h.StepLoss), steps))
				zh = append(zh, fmt.Sprintf("%s %d 个损失对应 %d 步", g.Label, len(h.StepLoss), steps))
			}
		}
		v.Results = append(v.Results, Result{Label: g.Label + " · step losses", Stat: history.Summarize(losses)})
	}
	switch {
	case matching == runs:
		v.Outcome = Supported
	case matching == 0:
		v.Outcome = Refuted
	default:
		v.Outcome = Depends
	}
	reason := text{fmt.Sprintf("%d of %d runs record exactly one loss per optimizer step", matching, runs),
		fmt.Sprintf("%d/%d 次运行恰好为每个优化器步记录一个损失", matching, runs)}
	if len(missed) > 0 {
		reason.en += "; not " + strings.Join(missed, ", ")
		reason.zh += "；不符合：" + strings.Join(missed, "，")
	}
	return setWords(v, outcomeWords[v.Outcome],
		text{"the training loop records the loss of every step (训练次数: N, Loss)", "训练循环记录每一步的损失（训练次数: N, Loss）"},
		text{strings.Join(en, ", ") + " (first seed of each)", strings.Join(zh, "，") + "（各组第一个种子）"}, reason)
}

func judgeStepsPerEpoch(v *Verdict) error {
	c := v.Claim
	var en, zh, wrong []string
	steps := make([]int, len(c.Groups))
	for i, g := range c.Groups {
		hs, err := g.histories()
		if err != nil {
			return err
		}
		b, _ := hparams.Number(g.Values[c.Axis])
		want := int(math.Ceil(float64(c.Rows) / b))
		var all []float64
		for k, h := range hs {
			_, per := stepCount(h)
			for _, s := range per {
				all = append(all, float64(s))
				if s != want {
					wrong = append(wrong, fmt.Sprintf("%s seed %d: %d", g.Label, g.Runs[k].Seed, s))
					break
				}
			}
		}
		st := history.Summarize(all)
		steps[i] = int(st.Max)
		v.Results = append(v.Results, Result{Label: g.Label, Stat: st})
		en = append(en, fmt.Sprintf("%s %d (⌈%d/%s⌉ = %d)", g.Label, steps[i], c.Rows, hparams.Format(g.Values[c.Axis]), want))
		zh = append(zh, fmt.Sprintf("%s %d（⌈%d/%s⌉ = %d）", g.Label, steps[i], c.Rows, hparams.Format(g.Values[c.Axis]), want))
	}
	falls, rises := 0, 0
	for i := 1; i < len(steps); i++ {
		switch {
		case steps[i] < steps[i-1]:
			falls++
		case steps[i] > steps[i-1]:
			rises++
		}
	}
	switch {
	case len(wrong) == 0 && falls == len(steps)-1:
		v.Outcome = Supported
	case rises > 0 || len(wrong) > 0:
		v.Outcome = Refuted
	default:
		v.Outcome = Depends
	}
	reason := text{fmt.Sprintf("the steps fall at %d of %d larger sizes", falls, len(steps)-1),
		fmt.Sprintf("在 %d/%d 个更大的批次大小处步数下降", falls, len(steps)-1)}
	if len(wrong) == 0 {
		reason.en += fmt.Sprintf(", and every epoch of every run took ⌈%d / %s⌉ steps", c.Rows, c.Axis)
		reason.zh += fmt.Sprintf("，且每次运行的每个 epoch 都走了 ⌈%d / %s⌉ 步", c.Rows, c.Axis)
	} else {
		reason.en += fmt.Sprintf("; not ⌈%d / %s⌉ steps at %s", c.Rows, c.Axis, strings.Join(wrong, ", "))
		reason.zh += fmt.Sprintf("；不是 ⌈%d / %s⌉ 步：%s", c.Rows, c.Axis, strings.Join(wrong, "，"))
	}
	return setWords(v, outcomeWords[v.Outcome],
		text{fmt.Sprintf("a larger %s takes fewer steps per epoch over %d training rows", c.Axis, c.Rows),
			fmt.Sprintf("在 %d 个训练样本上，%s 越大，每个 epoch 的步数越少", c.Rows, c.Axis)},
		text{strings.Join(en, ", ") + " steps per epoch", "每个 epoch 的步数：" + strings.Join(zh, "，")}, reason)
}
