package notebooks

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

// LocalPaths returns the absolute paths that must not appear in a shared
// notebook's outputs: the repository root repo (made absolute) and the
// user's home directory. Paths too short to be specific ("/", "") are left
// out.
func LocalPaths(repo string) []string {
	var paths []string
	add := func(p string) {
		if p == "" {
			return
		}
		p = filepath.Clean(p)
		if p == string(filepath.Separator) || p == "." {
			return
		}
		for _, q := range paths {
			if q == p {
				return
			}
		}
		paths = append(paths, p)
	}
	if abs, err := filepath.Abs(repo); err == nil {
		add(abs)
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			add(real)
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		add(home)
	}
	return paths
}

// Leaks reports every cell whose saved outputs mention one of paths (see
// LocalPaths): a notebook committed with its outputs is shared, and must
// not show where it was executed. A path counts only as a whole path
// element: with paths ["/root"], "/root/x", "/root" and "in /root." leak,
// "/rootfs" and "/root.bak" do not.
func Leaks(nb *ipynb.Saved, paths []string) []Problem {
	if len(paths) == 0 {
		return nil
	}
	// Longest first, so that a repo under $HOME is named as the repo.
	sorted := append([]string(nil), paths...)
	sort.Slice(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	var alts []string
	for _, p := range sorted {
		alts = append(alts, regexp.QuoteMeta(p))
	}
	re := regexp.MustCompile(`(` + strings.Join(alts, "|") + `)(?:[^\w.\-]|\.(?:\W|$)|$)`)
	var problems []Problem
	for i, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		for _, text := range outputTexts(c) {
			if m := re.FindStringSubmatchIndex(text); m != nil {
				problems = append(problems, Problem{Cell: i + 1, FirstLine: c.FirstLine(),
					Msg: fmt.Sprintf("an output shows the local path %q (%s); shared notebooks must not leak where they ran: print paths relative to the repository or leave them out",
						text[m[2]:m[3]], clip(excerpt(text, m[2], m[3])))})
				break
			}
		}
	}
	return problems
}

// outputTexts is every text a cell's saved outputs hold.
func outputTexts(c ipynb.SavedCell) []string {
	var texts []string
	for _, o := range c.Outputs {
		texts = append(texts, string(o.Text), o.Ename, o.Evalue)
		texts = append(texts, o.Traceback...)
		for _, d := range o.Data {
			texts = append(texts, string(d))
		}
	}
	return texts
}

// excerpt is the line of s around s[from:to].
func excerpt(s string, from, to int) string {
	start := strings.LastIndex(s[:from], "\n") + 1
	end := strings.Index(s[to:], "\n")
	if end < 0 {
		end = len(s)
	} else {
		end += to
	}
	line := s[start:end]
	if len(line) > 200 {
		lo := max(from-start-80, 0)
		hi := min(to-start+80, len(line))
		line = "…" + line[lo:hi] + "…"
	}
	return line
}
