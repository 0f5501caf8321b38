package main

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/template"

	"github.com/hyperlab-go/hyperlab/internal/atomicfile"
	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

// starter is the source (internal/ipynb's format) of the notebook `new`
// writes; {{.Clone}}, {{.CloneQuoted}}, {{.GoNB}} and {{.Title}} are filled in.
//
//go:embed starter.txt
var starter string

const modulePath = "github.com/hyperlab-go/hyperlab"

func runNew(_ context.Context, c *cli, args []string, e *env) int {
	var clone string
	var force bool
	c.stringVar(&clone, "clone", "", "the hyperlab clone the notebook uses (default: $HYPERLAB_DIR, else the clone around the current folder, else the one this program was built from)")
	c.boolVar(&force, "force", false, "overwrite PATH when it exists")
	flags, path := splitPath(args, map[string]bool{"clone": true})
	if code, stop := c.parseArgs(flags, e); stop {
		return code
	}
	if err := writeStarter(path, clone, force, e.getenv); err != nil {
		return fail(e, c.name, err)
	}
	fmt.Fprintf(e.stdout, "wrote %s; open it with `jupyter notebook %s` and run all cells\n", path, filepath.Base(path))
	return exitOK
}

// splitPath separates the one positional argument from the flags, wherever
// it stands; valued names the flags that take the next argument.
func splitPath(args []string, valued map[string]bool) (flags []string, path string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if valued[name] && i+1 < len(args) { // --clone DIR
				i++
				flags = append(flags, args[i])
			}
			continue
		}
		if path == "" {
			path = a
		} else {
			flags = append(flags, a) // c.parse reports it as unexpected
		}
	}
	return flags, path
}

// writeStarter writes the starter notebook at path, never over a file
// unless force.
func writeStarter(path, clone string, force bool, getenv func(string) string) error {
	if path == "" {
		return usagef("give the notebook to write, e.g. hyperlab new try.ipynb")
	}
	if filepath.Ext(path) != ".ipynb" {
		return usagef("%s does not end in .ipynb; name the notebook like try.ipynb", path)
	}
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return usagef("%s exists; choose another name, or pass --force to overwrite it", path)
		}
	}
	dir, err := findClone(clone, getenv)
	if err != nil {
		return err
	}
	gonb, err := gonbVersion(dir)
	if err != nil {
		return err
	}
	var src bytes.Buffer
	title := strings.TrimSuffix(filepath.Base(path), ".ipynb")
	err = template.Must(template.New("starter").Parse(starter)).Execute(&src, map[string]string{
		"Title": title, "Clone": dir, "CloneQuoted": shellQuote(dir), "GoNB": gonb,
	})
	if err != nil {
		return err
	}
	cells, err := ipynb.Parse(&src, "starter.txt")
	if err != nil {
		return err
	}
	nb, err := ipynb.Marshal(cells)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cannot create the folder of %s (%v); choose a folder you can write to", path, err)
	}
	if err := atomicfile.Write(path, nb, 0o644); err != nil {
		return fmt.Errorf("cannot write %s (%v); choose a folder you can write to", path, err)
	}
	return nil
}

// findClone returns the absolute directory of a hyperlab clone: the given
// one, $HYPERLAB_DIR, the module around the current folder, or the source
// tree this program was built from (go run ./cmd/hyperlab).
func findClone(given string, getenv func(string) string) (string, error) {
	if given != "" {
		return checkClone(given, "--clone")
	}
	if d := getenv("HYPERLAB_DIR"); d != "" {
		return checkClone(d, "HYPERLAB_DIR")
	}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			if isClone(d) {
				return d, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if _, file, _, ok := runtime.Caller(0); ok { // .../cmd/hyperlab/new.go in the clone it was built in
		if d := filepath.Dir(filepath.Dir(filepath.Dir(file))); isClone(d) {
			return d, nil
		}
	}
	return "", usagef("cannot find a hyperlab clone from here; pass --clone DIR (the folder with hyperlab's go.mod)")
}

func checkClone(dir, from string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil || !isClone(abs) {
		return "", usagef("%s=%s is not a hyperlab clone (no go.mod of %s there); give the folder with hyperlab's go.mod", from, dir, modulePath)
	}
	return abs, nil
}

// isClone reports whether dir holds hyperlab's go.mod.
func isClone(dir string) bool {
	return moduleLine(filepath.Join(dir, "go.mod"), "module ") == modulePath
}

// gonbVersion is the GoNB version the clone's go.mod requires: the
// notebook's module must use the same one as the installed kernel.
func gonbVersion(dir string) (string, error) {
	if v := moduleLine(filepath.Join(dir, "go.mod"), "github.com/janpfeifer/gonb "); v != "" {
		return v, nil
	}
	return "", fmt.Errorf("%s/go.mod does not require github.com/janpfeifer/gonb; is the clone complete?", dir)
}

// moduleLine returns what follows prefix on the first line of a go.mod
// (inside or outside a require block) that starts with it, or "".
func moduleLine(gomod, prefix string) string {
	f, err := os.Open(gomod)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(sc.Text()), "require "))
		if rest, ok := strings.CutPrefix(l, prefix); ok {
			return strings.Fields(rest + " ")[0]
		}
	}
	return ""
}

// shellQuote quotes s for bash in single quotes; a quote inside s closes them, is escaped, and reopens them.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
