package evidence

import "strings"

// resultWhatZh is the Chinese of what an oscillation result counts, the
// "what" of a result label "group · what".
var resultWhatZh = map[string]string{
	"direction changes": "方向变化比例",
	"mean step / level": "平均步幅 / 水平",
}

// zh returns label as the Chinese sentence writes it: the LabelZh of the
// claim's group of that Label (also at the start of a result label
// "group · what", whose "what" is translated too), else label itself.
func (w words) zh(label string) string {
	group, what, isResult := label, "", false
	for _, g := range w.c.Groups {
		if rest, ok := strings.CutPrefix(label, g.Label+" · "); ok {
			group, what, isResult = g.Label, rest, true
			break
		}
	}
	if isResult {
		if zh, ok := resultWhatZh[what]; ok {
			what = zh
		}
	}
	for _, g := range w.c.Groups {
		if g.Label == group && g.LabelZh != "" {
			group = g.LabelZh
			break
		}
	}
	if isResult {
		return group + " · " + what
	}
	return group
}
