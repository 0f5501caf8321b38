package i18n

import (
	"fmt"
	"os"
	"strings"
	"sync"
)

// The languages: English, the default and the key of every message, and
// Chinese.
const (
	English = "en"
	Chinese = "zh"
)

// EnvVar names the environment variable that sets the language when Set
// was not called.
const EnvVar = "HYPERLAB_LANG"

var (
	mu  sync.RWMutex
	set string // "" until Set
)

// Normalize returns the language a name means ("zh", "zh-CN", "zh_CN.UTF-8",
// "ZH" are Chinese; "en", "en_US" English), or an error that says what is
// accepted.
func Normalize(name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	n, _, _ = strings.Cut(n, ".")
	for _, sep := range []string{"-", "_"} {
		n, _, _ = strings.Cut(n, sep)
	}
	switch n {
	case English, Chinese:
		return n, nil
	}
	return "", fmt.Errorf("the language %q is not one hyperlab speaks; use %q (English) or %q (中文)", name, English, Chinese)
}

// Set makes lang the language of everything shown from now on, over
// HYPERLAB_LANG. Set("") goes back to the environment's choice.
func Set(lang string) error {
	if lang != "" {
		var err error
		if lang, err = Normalize(lang); err != nil {
			return err
		}
	}
	mu.Lock()
	set = lang
	mu.Unlock()
	return nil
}

// Current returns the language in effect: the one Set chose, else
// HYPERLAB_LANG's when it names a known language, else English.
func Current() string {
	mu.RLock()
	l := set
	mu.RUnlock()
	if l != "" {
		return l
	}
	if l, err := Normalize(os.Getenv(EnvVar)); err == nil {
		return l
	}
	return English
}
