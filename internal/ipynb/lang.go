package ipynb

import "fmt"

// English is the language of untagged prose cells; Chinese ("zh") is the
// one translation a source may carry (see the package documentation).
const (
	English = "en"
	Chinese = "zh"
)

// Languages are the editions a source builds into, English first.
var Languages = []string{English, Chinese}

// isTranslation reports whether tag names a translation language.
func isTranslation(tag string) bool { return tag == Chinese }

// Edition returns the cells of the lang edition of a source: code cells as
// they are, each prose cell in lang when it has a translation, in English
// otherwise.
func Edition(cells []Cell, lang string) ([]Cell, error) {
	if lang != English && !isTranslation(lang) {
		return nil, fmt.Errorf("ipynb: unknown language %q (%s or %s)", lang, English, Chinese)
	}
	out := make([]Cell, 0, len(cells))
	for i, c := range cells {
		if c.Lang != "" {
			continue // placed by its original below
		}
		if c.Type == "markdown" && lang != English {
			if i+1 < len(cells) && cells[i+1].Lang == lang {
				c = cells[i+1]
				c.Lang = ""
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// Untranslated returns the first line of every English prose cell that has
// no lang translation right after it.
func Untranslated(cells []Cell, lang string) []string {
	var missing []string
	for i, c := range cells {
		if c.Type != "markdown" || c.Lang != "" {
			continue
		}
		if i+1 < len(cells) && cells[i+1].Lang == lang {
			continue
		}
		first := ""
		if len(c.Source) > 0 {
			first = c.Source[0]
		}
		missing = append(missing, first)
	}
	return missing
}
