package lab

import (
	"context"
	"fmt"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// FindLR runs the learning-rate range test on the named dataset: it trains
// for a few steps while the learning rate grows exponentially (with
// training.LRFindOptions' defaults, fastai's: 100 steps from 1e-7 to 10,
// as `hyperlab lr-find` does), and shows the loss against the rate,
// the suggested rate marked, with the rule that chose it. Choose a rate a
// little below where the loss falls fastest, well below where it shoots up.
func FindLR(v hparams.Values, dataset string, opts training.LRFindOptions) *training.LRFind {
	res := inCell(func(ctx context.Context) (*training.LRFind, error) { return FindLRErr(ctx, v, dataset, opts) })
	show(LRRangeChart(res))
	msg := LRSummary(res)
	showSentence("", msg)
	return res
}

// FindLRErr is FindLR for Go code: no display, the error returned.
func FindLRErr(ctx context.Context, v hparams.Values, dataset string, opts training.LRFindOptions) (*training.LRFind, error) {
	_, split, err := Setup{Dataset: dataset}.Load(v)
	if err != nil {
		return nil, err
	}
	return training.FindLR(ctx, v, split, opts)
}

// LRRangeChart is the chart of a learning-rate range test with fastai's
// four suggestions marked and the one used named (plotting.LRRangeMarks),
// as FindLR and `hyperlab lr-find` draw it.
func LRRangeChart(res *training.LRFind) *plotting.Chart {
	pts := make([]plotting.LRPoint, len(res.Points))
	for i, p := range res.Points {
		pts[i] = plotting.LRPoint{LearningRate: p.LearningRate, Loss: p.Loss, Smoothed: p.Smoothed}
	}
	var marks []plotting.LRMark
	for _, s := range res.Suggestions() {
		marks = append(marks, plotting.LRMark{Rule: s.Rule, LearningRate: s.LearningRate, Used: s.Used})
	}
	return plotting.LRRangeMarks(pts, marks)
}

// LRSummary says in two sentences what a range test suggests and why it
// stopped. res.Stopped is a clause of its own ("the smoothed loss exceeded
// …", "reached the last rate …"), so it follows a colon.
func LRSummary(res *training.LRFind) string {
	return i18n.Tf("Suggested learning rate %.3g (%s). The test stopped: %s.", res.Suggested, res.Rule, res.Stopped) + otherRules(res)
}

// otherRules lists fastai's four suggestions (" fastai's rules: valley
// 0.003 (used), slide …"), or nothing when there are none.
func otherRules(res *training.LRFind) string {
	var parts []string
	for _, s := range res.Suggestions() {
		p := fmt.Sprintf("%s %.3g", s.Rule, s.LearningRate)
		if s.Used {
			p += i18n.T(" (used)")
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return ""
	}
	return i18n.Tf(" fastai's four rules: %s.", strings.Join(parts, ", "))
}
