package i18n

import "strings"

// Sentence returns an error message, one sentence per line, in the current
// language (see sentences_zh.go for the patterns covered).
func Sentence(msg string) string { return SentenceIn(Current(), msg) }

// SentenceIn returns msg in lang: each line rewritten by the first
// patterns of the language's rules that match it, the rest of the line
// (names, values, the parts no pattern covers) left as it is.
func SentenceIn(lang, msg string) string {
	rules := sentenceRules[lang]
	if len(rules) == 0 {
		return msg
	}
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		for _, r := range rules {
			l = r.re.ReplaceAllString(l, r.to)
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}
