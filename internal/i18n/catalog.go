package i18n

import "fmt"

// catalogs holds the translations of each language other than English,
// keyed by the English message.
var catalogs = map[string]map[string]string{Chinese: zh}

// T returns msg in the current language: its translation, or msg itself
// when the language is English or the catalog has none.
func T(msg string) string { return In(Current(), msg) }

// Tf formats the translation of format with args (fmt.Sprintf), so a
// translation may put the arguments in another order with %[n]d verbs.
func Tf(format string, args ...any) string { return fmt.Sprintf(T(format), args...) }

// In returns msg in lang (tests compare with the text of one language).
func In(lang, msg string) string {
	if t, ok := catalogs[lang][msg]; ok {
		return t
	}
	return msg
}

// Has reports whether lang has a translation of msg (English has all).
func Has(lang, msg string) bool {
	if lang == English {
		return true
	}
	_, ok := catalogs[lang][msg]
	return ok
}

// Ts translates each of msgs, for a table's header.
func Ts(msgs ...string) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = T(m)
	}
	return out
}
