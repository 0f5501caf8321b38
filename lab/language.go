package lab

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/internal/i18n"
)

// Language sets the language of what lab shows from now on: chart titles,
// axis names, legends, table headers, run summaries and the one-sentence
// errors. "en" (the default) or "zh" (中文); hyperparameter names and values
// stay as they are written in code. Without a call, the environment
// variable HYPERLAB_LANG decides (a notebook sets it with
// `%env HYPERLAB_LANG zh`, as the Chinese tutorials in notebooks/zh do).
// Language("") goes back to HYPERLAB_LANG. An unknown language ends the
// cell with one sentence.
func Language(lang string) {
	if err := i18n.Set(lang); err != nil {
		Check(fmt.Errorf("lab: %v", err))
	}
}

// CurrentLanguage returns the language in effect ("en" or "zh").
func CurrentLanguage() string { return i18n.Current() }

// Text returns en or zh, whichever is the language in effect: a notebook's
// own words (a chart title set in a code cell shared by both editions) in
// the reader's language. An empty zh falls back to en.
func Text(en, zh string) string {
	if zh != "" && CurrentLanguage() == "zh" {
		return zh
	}
	return en
}
