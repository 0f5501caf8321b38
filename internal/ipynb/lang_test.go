package ipynb

import (
	"reflect"
	"strings"
	"testing"
)

const bilingual = `-- md
# Title

-- md zh
# 标题

-- code
x := 1

-- md
Only English.

-- md
Both.

-- md zh
两者。
`

func sources(cells []Cell) []string {
	var out []string
	for _, c := range cells {
		out = append(out, c.Type+":"+strings.Join(c.Source, ""))
	}
	return out
}

func TestEdition(t *testing.T) {
	cells, err := Parse(strings.NewReader(bilingual), "nb.txt")
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][]string{
		English: {"markdown:# Title", "code:x := 1", "markdown:Only English.", "markdown:Both."},
		Chinese: {"markdown:# 标题", "code:x := 1", "markdown:Only English.", "markdown:两者。"},
	} {
		got, err := Edition(cells, lang)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(sources(got), want) {
			t.Errorf("Edition(%s) = %q, want %q", lang, sources(got), want)
		}
		for _, c := range got {
			if c.Lang != "" {
				t.Errorf("Edition(%s) left a cell marked %q", lang, c.Lang)
			}
		}
	}
	if _, err := Edition(cells, "fr"); err == nil || !strings.Contains(err.Error(), `"fr"`) {
		t.Errorf("Edition(fr) err = %v, want one naming the language", err)
	}
}

func TestUntranslated(t *testing.T) {
	cells, err := Parse(strings.NewReader(bilingual), "nb.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Untranslated(cells, Chinese), []string{"Only English."}; !reflect.DeepEqual(got, want) {
		t.Errorf("Untranslated = %q, want %q", got, want)
	}
}
