package cjkfont

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// EnvVar names a font file to use instead of searching.
const EnvVar = "HYPERLAB_CJK_FONT"

// Known are the base names of CJK font files, lowercased, best first:
// compact sans-serif fonts with the whole of the common Chinese set.
var Known = []string{
	"wqy-microhei.ttc",
	"notosanscjk-regular.ttc",
	"notosanscjksc-regular.otf",
	"notosanssc-regular.otf",
	"sourcehansanssc-regular.otf",
	"wqy-zenhei.ttc",
	"droidsansfallbackfull.ttf",
	"pingfang.ttc",
	"hiragino sans gb.ttc",
	"uming.ttc",
	"ukai.ttc",
}

// Dirs are the folders searched, with ~ standing for the home folder.
var Dirs = []string{"/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
	"/System/Library/Fonts", "/Library/Fonts"}

// Find returns the path of a font file with Chinese glyphs, or an error
// that says how to install one.
func Find() (string, error) {
	if p := os.Getenv(EnvVar); p != "" {
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			return "", fmt.Errorf("cjkfont: %s=%s is not a font file; point it at a .ttf, .ttc or .otf", EnvVar, p)
		}
		return p, nil
	}
	return find(expand(Dirs))
}

func expand(dirs []string) []string {
	home, _ := os.UserHomeDir()
	out := make([]string, 0, len(dirs))
	for _, d := range dirs {
		if rest, ok := strings.CutPrefix(d, "~/"); ok {
			if home == "" {
				continue
			}
			d = filepath.Join(home, rest)
		}
		out = append(out, d)
	}
	return out
}

// find walks dirs and returns the best Known file found.
func find(dirs []string) (string, error) {
	best, rank := "", len(Known)
	for _, d := range dirs {
		filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil // unreadable folders are skipped
			}
			name := strings.ToLower(e.Name())
			for i, k := range Known[:rank] {
				if name == k {
					best, rank = path, i
					break
				}
			}
			return nil
		})
	}
	if best == "" {
		return "", fmt.Errorf("cjkfont: no font with Chinese glyphs in %s; install one (Debian: apt-get install fonts-wqy-microhei, as scripts/setup-tests.sh does) or set %s to a font file",
			strings.Join(dirs, ", "), EnvVar)
	}
	return best, nil
}
