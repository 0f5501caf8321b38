package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// messages returns every message the module's code passes to T, Tf, Ts or In
// as a string literal, with where it is written.
func messages(t *testing.T) map[string]string {
	t.Helper()
	root := "../.."
	found := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			if !ok || pkg.Name != "i18n" || !slices.Contains([]string{"T", "Tf", "Ts", "In"}, sel.Sel.Name) {
				return true
			}
			args := call.Args
			switch {
			case sel.Sel.Name == "In" && len(args) > 1: // In(lang, msg)
				args = args[1:2]
			case sel.Sel.Name != "Ts" && len(args) > 0:
				args = args[:1]
			}
			for _, a := range args {
				if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, err := strconv.Unquote(lit.Value)
					if err == nil {
						found[s] = fset.Position(lit.Pos()).String()
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// Every message written in the code has a Chinese translation.
func TestEveryMessageTranslated(t *testing.T) {
	msgs := messages(t)
	if len(msgs) < 50 {
		t.Fatalf("found only %d messages in the code; is the scan broken?", len(msgs))
	}
	var missing []string
	for m, where := range msgs {
		if !Has(Chinese, m) {
			missing = append(missing, where+": "+strconv.Quote(m))
		}
	}
	slices.Sort(missing)
	for _, m := range missing {
		t.Errorf("no zh translation: %s", m)
	}
}

// A translation keeps the verbs of its English format, so Tf prints
// every argument.
func TestTranslationsKeepVerbs(t *testing.T) {
	for en, tr := range zh {
		if verbs(en) != verbs(tr) {
			t.Errorf("%q has the verbs %q but its translation %q has %q", en, verbs(en), tr, verbs(tr))
		}
	}
}

// verbs lists the fmt verbs of s, sorted (a translation may reorder them).
func verbs(s string) string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '%' || i+1 >= len(s) {
			continue
		}
		j := i + 1
		for j < len(s) && strings.ContainsRune("0123456789.+-#[] ", rune(s[j])) {
			j++
		}
		if j < len(s) {
			out = append(out, "%"+string(s[j]))
		}
		i = j
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}
