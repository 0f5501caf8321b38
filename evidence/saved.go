package evidence

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
)

// Saved is a verdict box read back from saved output: the claim it judged,
// the outcome it showed and the box's HTML as saved.
type Saved struct {
	Claim   Claim
	Outcome Outcome
	HTML    string
}

var (
	boxPattern  = regexp.MustCompile(`(?s)<div class="hyperlab-verdict[^"]*"[^>]*>.*?</div>`)
	dataPattern = regexp.MustCompile(`data-verdict="([^"]*)"`)
)

// Find returns the verdict boxes in text (an HTML output of a notebook
// cell, or several), in order. A box whose data it cannot read is an error
// naming the claim's position.
func Find(text string) ([]Saved, error) {
	var out []Saved
	for i, box := range boxPattern.FindAllString(text, -1) {
		m := dataPattern.FindStringSubmatch(box)
		if m == nil {
			return nil, fmt.Errorf("evidence: verdict box %d has no data-verdict attribute; it was not made by Verdict.HTML", i+1)
		}
		var s saved
		if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &s); err != nil {
			return nil, fmt.Errorf("evidence: verdict box %d: its data-verdict is not a claim (%v)", i+1, err)
		}
		out = append(out, Saved{Claim: s.Claim, Outcome: s.Outcome, HTML: box})
	}
	return out, nil
}

// Loader reads the history of one run of a saved claim from a run store.
type Loader func(r Run) (*history.History, error)

// Recheck judges the saved claim again on histories read by load and
// returns the new verdict. The error says what changed: the outcome (the
// data changed direction), or the box (edited by hand, or the stored
// numbers moved).
func Recheck(s Saved, load Loader) (Verdict, error) {
	c := s.Claim
	c.Groups = append([]Group(nil), c.Groups...)
	for i, g := range c.Groups {
		g.Runs = append([]Run(nil), g.Runs...)
		for j, r := range g.Runs {
			h, err := load(r)
			if err != nil {
				return Verdict{}, fmt.Errorf("evidence: claim %s, group %q, seed %d: %w", c.ID, g.Label, r.Seed, err)
			}
			g.Runs[j].History = h
		}
		c.Groups[i] = g
	}
	v, err := Judge(c)
	if err != nil {
		return v, err
	}
	if v.Outcome != s.Outcome {
		return v, fmt.Errorf("evidence: claim %s: the saved verdict says %s, the stored runs say %s: %s", c.ID, s.Outcome, v.Outcome, v.English)
	}
	if err := sameBox(v.HTML(), s.HTML); err != nil {
		return v, fmt.Errorf("evidence: claim %s: the saved verdict box differs from the one computed from the stored runs (%v): edited by hand, or the runs changed; now: %s", c.ID, err, v.English)
	}
	return v, nil
}

// Tolerance is how far a number in a saved verdict box may be from the
// recomputed one (relative): runs retrained on another machine may differ
// in the last digits, a hand edit does not hide under it.
const Tolerance = 0.02

var numberPattern = regexp.MustCompile(`-?[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?`)

// sameBox compares two boxes: the same words, and numbers within Tolerance.
func sameBox(now, saved string) error {
	now, saved = strings.TrimSpace(now), strings.TrimSpace(saved)
	if numberPattern.ReplaceAllString(now, "#") != numberPattern.ReplaceAllString(saved, "#") {
		return fmt.Errorf("its words differ")
	}
	a, b := numberPattern.FindAllString(now, -1), numberPattern.FindAllString(saved, -1)
	for i := range a {
		x, errX := strconv.ParseFloat(a[i], 64)
		y, errY := strconv.ParseFloat(b[i], 64)
		if errX != nil || errY != nil {
			if a[i] != b[i] {
				return fmt.Errorf("%s is now %s", b[i], a[i])
			}
			continue
		}
		if math.Abs(x-y) > Tolerance*math.Max(math.Abs(x), math.Abs(y)) {
			return fmt.Errorf("%s is now %s", b[i], a[i])
		}
	}
	return nil
}
