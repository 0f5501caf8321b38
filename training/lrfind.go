package training

import (
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/history"
)

// LRFindOptions shape a learning-rate range test. The zero value uses
// fastai's lr_find defaults: 100 steps from 1e-7 to 10, smoothing 0.98,
// stop when the smoothed loss exceeds 4× its minimum.
type LRFindOptions struct {
	StartLR float64 // first step's rate; 0 means 1e-7
	EndLR   float64 // last step's rate; 0 means 10
	Steps   int     // steps of the test (at most); 0 means 100
	// Beta is the exponential-moving-average factor that smooths the loss;
	// 0 means 0.98.
	Beta float64
	// Explode stops the test when the smoothed loss exceeds Explode × its
	// minimum so far; 0 means 4.
	Explode float64
}

func (o LRFindOptions) withDefaults() LRFindOptions {
	if o.StartLR == 0 {
		o.StartLR = 1e-7
	}
	if o.EndLR == 0 {
		o.EndLR = 10
	}
	if o.Steps == 0 {
		o.Steps = 100
	}
	if o.Beta == 0 {
		o.Beta = 0.98
	}
	if o.Explode == 0 {
		o.Explode = 4
	}
	return o
}

func (o LRFindOptions) validate() error {
	switch {
	case math.IsInf(o.StartLR, 0) || math.IsInf(o.EndLR, 0):
		return fmt.Errorf("training: the learning-rate range %g..%g must be finite; use for example 1e-7..10", o.StartLR, o.EndLR)
	case !(o.StartLR > 0) || !(o.EndLR > o.StartLR):
		return fmt.Errorf("training: the learning-rate range %g..%g must grow from a positive start; use for example 1e-7..10", o.StartLR, o.EndLR)
	case o.Steps < 2:
		return fmt.Errorf("training: the learning-rate range test needs at least 2 steps, not %d", o.Steps)
	case !(o.Beta > 0 && o.Beta < 1):
		return fmt.Errorf("training: smoothing beta=%g must be in (0, 1), such as 0.98", o.Beta)
	case !(o.Explode > 1):
		return fmt.Errorf("training: the explosion factor %g must be above 1, such as 4", o.Explode)
	}
	return nil
}

// LRAt is the rate of step i (from 0): StartLR·(EndLR/StartLR)^(i/(Steps-1)),
// growing exponentially, so the steps are evenly spaced on a log axis.
func (o LRFindOptions) LRAt(i int) float64 {
	o = o.withDefaults()
	return o.StartLR * math.Pow(o.EndLR/o.StartLR, float64(i)/float64(o.Steps-1))
}

// LRPoint is one step of the range test.
type LRPoint struct {
	Step         int     `json:"step"`
	LearningRate float64 `json:"learning_rate"`
	Loss         float64 `json:"loss"`     // this step's training loss
	Smoothed     float64 `json:"smoothed"` // bias-corrected moving average
}

// LRFind is the outcome of a learning-rate range test: loss against rate,
// and the suggested rate with the rule that chose it.
type LRFind struct {
	Points []LRPoint `json:"points"`
	// Suggested is the rate to use: Valley when it exists, else Steepest.
	Suggested float64 `json:"suggested"`
	// Rule says how Suggested was chosen, in words.
	Rule string `json:"rule"`
	// Steepest is the rate where the smoothed loss falls fastest against
	// log(rate); Valley is fastai's "valley" rule: the rate half-way along
	// the longest stretch of falling smoothed loss; Minimum is the
	// rate of the lowest smoothed loss divided by 10. NaN when the test had
	// too few points.
	// Slide is fastai's interval slide rule (see slide). All four are
	// fastai's lr_find suggest_funcs (fastai PR #3377); Suggestions lists
	// them in that order.
	Steepest float64 `json:"steepest"`
	Valley   float64 `json:"valley"`
	Slide    float64 `json:"slide"`
	Minimum  float64 `json:"minimum"`
	// Stopped says why the test ended.
	Stopped string `json:"stopped"`
}

// lrRecorder smooths the losses step by step and says when to stop.
type lrRecorder struct {
	opts    LRFindOptions
	avg     float64
	best    float64
	points  []LRPoint
	stopped string
}

func newLRRecorder(opts LRFindOptions) *lrRecorder {
	return &lrRecorder{opts: opts, best: math.Inf(1)}
}

// add records step i's loss and reports whether the test should go on.
func (r *lrRecorder) add(i int, lr, loss float64) bool {
	if !history.Finite(loss) {
		r.stopped = fmt.Sprintf("the loss became %v at step %d (learning rate %.3g)", loss, i, lr)
		return false
	}
	r.avg = r.opts.Beta*r.avg + (1-r.opts.Beta)*loss
	smoothed := r.avg / (1 - math.Pow(r.opts.Beta, float64(len(r.points)+1)))
	r.points = append(r.points, LRPoint{Step: i, LearningRate: lr, Loss: loss, Smoothed: smoothed})
	if smoothed < r.best {
		r.best = smoothed
	}
	if len(r.points) > 1 && smoothed > r.opts.Explode*r.best {
		r.stopped = fmt.Sprintf("the smoothed loss %.4g exceeded %g× its minimum %.4g at step %d (learning rate %.3g)",
			smoothed, r.opts.Explode, r.best, i, lr)
		return false
	}
	return true
}

// result computes the suggestions over the recorded points.
func (r *lrRecorder) result() *LRFind {
	res := &LRFind{Points: r.points, Stopped: r.stopped}
	if res.Stopped == "" {
		res.Stopped = fmt.Sprintf("reached the last rate %.3g after %d steps", r.opts.EndLR, len(r.points))
	}
	suggest(res)
	return res
}

// suggest fills Steepest, Valley, Minimum, Suggested and Rule from the
// points. Like fastai it ignores the first tenth of the points (the moving
// average is still warming up) and, when the test ran its full length, the
// last 5 (where the loss shoots up).
func suggest(res *LRFind) {
	res.Steepest, res.Valley, res.Slide, res.Minimum, res.Suggested = math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()
	pts := res.Points
	skipStart := len(pts) / 10
	skipEnd := 0
	if len(pts)-skipStart > 10 {
		skipEnd = 5
	}
	pts = pts[skipStart : len(pts)-skipEnd]
	if len(pts) < 3 {
		res.Rule = fmt.Sprintf("no suggestion: only %d usable points; run more steps or widen the range", len(pts))
		return
	}
	lrs := make([]float64, len(pts))
	loss := make([]float64, len(pts))
	for i, p := range pts {
		lrs[i], loss[i] = p.LearningRate, p.Smoothed
	}
	var slope float64
	res.Steepest, slope = steep(lrs, loss)
	res.Minimum = minimum(lrs, loss)
	res.Slide = slide(lrs, loss)
	v, start, end := valley(lrs, loss)
	res.Valley = lrs[v]
	if end > start && slope < 0 {
		res.Suggested = res.Valley
		res.Rule = fmt.Sprintf("valley: the longest stretch of falling smoothed loss runs from %.3g to %.3g; the suggestion is half-way along it", lrs[max(start, 0)], lrs[end])
		return
	}
	res.Suggested = res.Steepest
	res.Rule = fmt.Sprintf("steepest descent: the smoothed loss falls fastest (slope %.3g per unit of log rate) at %.3g", slope, res.Steepest)
}
