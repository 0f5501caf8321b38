package evidence

import "strings"

// zh returns label as the Chinese sentence writes it: the LabelZh of the
// claim's group of that Label (also at the start of a result label
// "group · what"), else label itself.
func (w words) zh(label string) string {
	for _, g := range w.c.Groups {
		if g.LabelZh == "" {
			continue
		}
		if label == g.Label {
			return g.LabelZh
		}
		if rest, ok := strings.CutPrefix(label, g.Label+" · "); ok {
			return g.LabelZh + " · " + rest
		}
	}
	return label
}
