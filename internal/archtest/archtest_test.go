package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// listGraph runs `go list -e -deps -json ./...` from the module root.
func listGraph(t *testing.T) Graph {
	t.Helper()
	cmd := exec.Command("go", "list", "-e", "-deps", "-json=ImportPath,Standard,Imports,Module,Error", "./...")
	cmd.Dir = "../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	g := Graph{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p Package
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decoding go list output: %v", err)
		}
		g[p.ImportPath] = &p
	}
	return g
}

func TestImportRules(t *testing.T) {
	g := listGraph(t)
	if g[Module+"/history"] == nil {
		t.Fatalf("go list did not report %s/history; is the test running inside the module?", Module)
	}
	violations, uncovered := Check(g, Rules)
	for _, v := range violations {
		t.Error(v)
	}
	for _, p := range uncovered {
		t.Errorf("%s has no row in the rules table (internal/archtest/rules.go); add one that says what it may import", p)
	}
	for path, p := range g {
		if p.Error != nil && strings.HasPrefix(path, Module) {
			t.Logf("note: %s does not load (%s); its imports may be incomplete", path, p.Error.Err)
		}
	}
}

// fake builds a graph from "pkg: dep dep" lines; paths without a dot are
// module-relative, and the standard library is "fmt", "os", "strings".
func fake(lines ...string) Graph {
	g := Graph{}
	name := func(s string) string {
		switch s {
		case "fmt", "os", "strings":
			return s
		}
		return abs(s)
	}
	node := func(s string) *Package {
		n := name(s)
		if g[n] == nil {
			g[n] = &Package{ImportPath: n, Standard: n == s && !strings.Contains(s, ".")}
		}
		return g[n]
	}
	for _, l := range lines {
		from, deps, _ := strings.Cut(l, ":")
		p := node(strings.TrimSpace(from))
		for _, d := range strings.Fields(deps) {
			node(d)
			p.Imports = append(p.Imports, name(d))
		}
	}
	return g
}

func TestCheck(t *testing.T) {
	const m = Module + "/"
	for _, tc := range []struct {
		name      string
		graph     Graph
		want      []string // one substring per expected violation, in the order of the violating packages
		uncovered []string
	}{
		{
			name:  "clean",
			graph: fake("hparams: fmt strings", "history: fmt", "runstore: history os", "lab: hparams runstore github.com/janpfeifer/gonb/gonbui", "github.com/janpfeifer/gonb/gonbui: fmt"),
		},
		{
			name:  "stdlib-only package imports a module",
			graph: fake("history: fmt github.com/example/lib", "github.com/example/lib: os"),
			want:  []string{"history may import only the standard library (and its own subpackages) (plain data of a run), but imports github.com/example/lib via\n\t" + m + "history → github.com/example/lib"},
		},
		{
			name:  "transitive: runstore reaches a forbidden package through history",
			graph: fake("runstore: history", "history: hparams", "hparams: fmt"),
			want: []string{
				"history may import only the standard library (and its own subpackages) (plain data of a run), but imports " + m + "hparams via\n\t" + m + "history → " + m + "hparams",
				"runstore may import only the standard library and history, internal/fileread (and its own subpackages) (runs on disk as plain data), but imports " + m + "hparams via\n\t" + m + "runstore → " + m + "history → " + m + "hparams",
			},
		},
		{
			name:  "own subpackages are allowed",
			graph: fake("hparams: hparams/internal/parse", "hparams/internal/parse: strings"),
		},
		{
			name:  "plotting must not reach GoMLX",
			graph: fake("plotting: history plotting/glue", "plotting/glue: training", "training: github.com/gomlx/gomlx/graph", "github.com/gomlx/gomlx/graph: fmt", "history: fmt"),
			want: []string{
				"plotting must never import training (charts from plain data, testable without GoMLX), but imports " + m + "training via\n\t" + m + "plotting → " + m + "plotting/glue → " + m + "training",
				"\t" + m + "plotting/glue → " + m + "training", // training itself may import GoMLX
			},
		},
		{
			name:  "training must not import plotting",
			graph: fake("training: plotting", "plotting: fmt"),
			want:  []string{m + "training → " + m + "plotting"},
		},
		{
			name:  "nobody imports the XLA backend",
			graph: fake("cmd/hyperlab: lab", "lab: github.com/gomlx/gomlx/backends/default", "github.com/gomlx/gomlx/backends/default: github.com/gomlx/gomlx/backends/xla"),
			want: []string{
				m + "cmd/hyperlab → " + m + "lab → github.com/gomlx/gomlx/backends/default",
				m + "lab → github.com/gomlx/gomlx/backends/default",
			},
		},
		{
			name:      "a package without a rule",
			graph:     fake("newthing: fmt"),
			uncovered: []string{m + "newthing"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, uncovered := Check(tc.graph, Rules)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d violations, want %d: %v", len(got), len(tc.want), got)
			}
			for i, v := range got {
				if s := v.String(); !strings.Contains(s, tc.want[i]) {
					t.Errorf("violation %d = %q, want it to contain %q", i, s, tc.want[i])
				}
			}
			if strings.Join(uncovered, ",") != strings.Join(tc.uncovered, ",") {
				t.Errorf("uncovered = %v, want %v", uncovered, tc.uncovered)
			}
		})
	}
}

func TestRuleForPicksLongestMatch(t *testing.T) {
	rules := []Rule{{Package: "internal"}, {Package: "internal/archtest", Only: stdlib}}
	r, ok := RuleFor(rules, Module+"/internal/archtest")
	if !ok || r.Package != "internal/archtest" {
		t.Errorf("RuleFor = %+v, %v; want the internal/archtest row", r, ok)
	}
	if _, ok := RuleFor(rules, Module+"/internalx"); ok {
		t.Error("RuleFor matched internalx against the internal row; rows must match whole path elements")
	}
}
