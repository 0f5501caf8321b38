package training

import (
	"fmt"
	"math"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
)

// Progress follows a sweep or a search from its OnTrial events and says
// how far it is: trials done of the total, the best loss so far and an
// estimate of the time left. lab's notebook line and the CLI's progress
// print its String. The zero value is ready; Now may be set for tests.
type Progress struct {
	Total int // trials in all; 0 takes the events' Total
	Now   func() time.Time

	start      time.Time
	done       int
	trained    int // done by training, not read back: the ETA's rate
	best       float64
	bestTrial  int
	haveBest   bool
	pruned     int
	trainedFor time.Duration
}

// Add takes one OnTrial event.
func (p *Progress) Add(ev TrialEvent) {
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	if p.start.IsZero() {
		p.start = now()
	}
	if p.Total == 0 {
		p.Total = ev.Total
	}
	if !ev.Done {
		return
	}
	p.done++
	if !ev.Reused {
		p.trained++
		p.trainedFor = now().Sub(p.start)
	}
	r := ev.Row
	if r.Status == Pruned {
		p.pruned++
	}
	if r.Ranked() && (!p.haveBest || r.BestLoss < p.best) {
		p.best, p.bestTrial, p.haveBest = r.BestLoss, r.Trial, true
	}
}

// Done is the number of trials finished (trained or read back).
func (p *Progress) Done() int { return p.done }

// ETA estimates the time left from the pace of the trials trained so far
// (trials read back from the store take no time); false before the first
// trained trial.
func (p *Progress) ETA() (time.Duration, bool) {
	if p.trained == 0 || p.done >= p.Total {
		return 0, p.done >= p.Total && p.Total > 0
	}
	per := float64(p.trainedFor) / float64(p.trained)
	return time.Duration(per * float64(p.Total-p.done)), true
}

// String is "12/40 trials done (3 pruned), best loss 0.231 (trial 7),
// about 2m10s left".
func (p *Progress) String() string {
	s := fmt.Sprintf("%d/%d trials done", p.done, p.Total)
	if p.pruned > 0 {
		s += fmt.Sprintf(" (%d pruned)", p.pruned)
	}
	if p.haveBest {
		s += fmt.Sprintf(", best loss %s (trial %d)", history.Format(p.best), p.bestTrial)
	}
	if eta, ok := p.ETA(); ok && p.done < p.Total {
		s += ", about " + roundETA(eta) + " left"
	}
	return s
}

// roundETA keeps an estimate as coarse as it is: seconds under a minute,
// then minutes and tens of seconds.
func roundETA(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(math.Ceil(d.Seconds())))
	case d < time.Hour:
		return (d.Round(10 * time.Second)).String()
	}
	return d.Round(time.Minute).String()
}
