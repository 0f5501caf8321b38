package archtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ParamsFile is the file of a package that declares its hyperparameter
// name constants (Param...), as training/params.go and datasets/params.go.
const ParamsFile = "params.go"

// Name is a hyperparameter name constant: its value and where it is
// declared ("training.ParamLearningRate").
type Name struct {
	Value    string
	Constant string
}

// ParamNames reads every string constant named Param... from the
// ParamsFile files under root.
func ParamNames(root string) ([]Name, error) {
	var names []Name
	err := goFiles(root, nil, func(path string, f *ast.File) {
		if filepath.Base(path) != ParamsFile {
			return
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if !strings.HasPrefix(id.Name, "Param") || i >= len(vs.Values) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						names = append(names, Name{Value: v, Constant: f.Name.Name + "." + id.Name})
					}
				}
			}
		}
	})
	return names, err
}

// BareName is a string literal that spells a hyperparameter name instead
// of using its constant.
type BareName struct {
	Pos  string // file:line, relative to the root
	Name Name
}

func (b BareName) String() string {
	return fmt.Sprintf("%s: %q; use %s", b.Pos, b.Name.Value, b.Name.Constant)
}

// NotAName, in a comment on the line of a string literal, says that the
// literal only looks like a hyperparameter name (a results column "epochs"
// that counts the epochs run).
const NotAName = "not a hyperparameter name"

// BareNames lists the string literals equal to one of names in the
// non-test Go files under root, except declarations (ParamsFile files,
// struct tags, the Name of a registry's Choice{...}), literals on a line
// whose comment says NotAName, and the directories skip (relative to
// root).
func BareNames(root string, names []Name, skip []string) ([]BareName, error) {
	byValue := map[string]Name{}
	for _, n := range names {
		byValue[n.Value] = n
	}
	var out []BareName
	fset := token.NewFileSet()
	err := goFilesSet(root, skip, fset, func(path string, f *ast.File) {
		if filepath.Base(path) == ParamsFile {
			return
		}
		declared := map[*ast.BasicLit]bool{} // struct tags and Choice names
		excused := map[int]bool{}            // lines marked NotAName
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.Contains(c.Text, NotAName) {
					excused[fset.Position(c.Pos()).Line] = true
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Field:
				if n.Tag != nil {
					declared[n.Tag] = true
				}
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "Choice" && len(n.Elts) > 0 {
					if lit, ok := n.Elts[0].(*ast.BasicLit); ok {
						declared[lit] = true
					}
				}
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING || declared[lit] || excused[fset.Position(lit.Pos()).Line] {
				return true
			}
			v, err := strconv.Unquote(lit.Value)
			if name, found := byValue[v]; err == nil && found {
				rel, _ := filepath.Rel(root, path)
				out = append(out, BareName{Pos: fmt.Sprintf("%s:%d", rel, fset.Position(lit.Pos()).Line), Name: name})
			}
			return true
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out, err
}

// goFiles parses the non-test Go files under root, outside skip.
func goFiles(root string, skip []string, each func(path string, f *ast.File)) error {
	return goFilesSet(root, skip, token.NewFileSet(), each)
}

func goFilesSet(root string, skip []string, fset *token.FileSet, each func(path string, f *ast.File)) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			base := d.Name()
			if path != root && (strings.HasPrefix(base, ".") || base == "testdata" || base == "vendor") {
				return filepath.SkipDir
			}
			for _, s := range skip {
				if rel == s {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			return err
		}
		each(path, f)
		return nil
	})
}
