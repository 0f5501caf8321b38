package archtest

import (
	"fmt"
	"sort"
	"strings"
)

// Package is one node of the import graph: what `go list -json` reports.
type Package struct {
	ImportPath string
	Standard   bool
	Imports    []string
	Module     *struct{ Path string }
	Error      *struct{ Err string }
}

// Graph maps import paths to packages.
type Graph map[string]*Package

// Violation is one broken rule: From reaches Import through Chain.
type Violation struct {
	Rule   Rule
	From   string
	Import string
	Chain  []string // From first, Import last
	Banned string   // the Never entry that matched; "" for an Only rule
}

func (v Violation) String() string {
	var what string
	if v.Rule.Only != nil {
		allowed := "the standard library"
		if len(v.Rule.Only) > 0 {
			allowed += " and " + strings.Join(v.Rule.Only, ", ")
		}
		what = fmt.Sprintf("%s may import only %s (and its own subpackages)", v.Rule.Package, allowed)
	} else {
		what = fmt.Sprintf("%s must never import %s", v.Rule.Package, v.Banned)
	}
	return fmt.Sprintf("%s (%s), but imports %s via\n\t%s",
		what, v.Rule.Why, v.Import, strings.Join(v.Chain, " → "))
}

// under reports whether path is prefix or inside it.
func under(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// abs turns a module-relative rule path into an import path; paths whose first
// element has a dot (github.com/...) are already absolute.
func abs(p string) string {
	if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ".") {
		return p
	}
	return Module + "/" + p
}

// RuleFor returns the row covering pkg: the one with the longest matching Package.
func RuleFor(rules []Rule, pkg string) (Rule, bool) {
	best, found := Rule{}, false
	for _, r := range rules {
		if under(pkg, abs(r.Package)) && (!found || len(r.Package) > len(best.Package)) {
			best, found = r, true
		}
	}
	return best, found
}

// allowed reports whether rule r lets its package import dep; when it does
// not, banned is the Never entry that matched ("" for an Only rule).
func (r Rule) allowed(g Graph, dep string) (ok bool, banned string) {
	if r.Only == nil {
		for _, n := range r.Never {
			if under(dep, abs(n)) {
				return false, n
			}
		}
		return true, ""
	}
	if p := g[dep]; p != nil && p.Standard {
		return true, ""
	}
	if under(dep, abs(r.Package)) {
		return true, ""
	}
	for _, o := range r.Only {
		if under(dep, abs(o)) {
			return true, ""
		}
	}
	return false, ""
}

// Check applies rules to every package of the module found in g and returns
// the violations, at most one per (package, forbidden import), each with a
// shortest import chain. A module package without a rule is a violation too.
func Check(g Graph, rules []Rule) (violations []Violation, uncovered []string) {
	var own []string
	for path := range g {
		if under(path, Module) {
			own = append(own, path)
		}
	}
	sort.Strings(own)
	for _, from := range own {
		r, ok := RuleFor(rules, from)
		if !ok {
			uncovered = append(uncovered, from)
			continue
		}
		violations = append(violations, walk(g, r, from)...)
	}
	return violations, uncovered
}

// walk visits everything from imports, breadth first, so each chain is a shortest one.
func walk(g Graph, r Rule, from string) []Violation {
	parent := map[string]string{from: ""}
	queue := []string{from}
	var out []Violation
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		p := g[cur]
		if p == nil {
			continue
		}
		for _, dep := range p.Imports {
			if _, seen := parent[dep]; seen || dep == "C" || dep == "unsafe" {
				continue
			}
			parent[dep] = cur
			if ok, banned := r.allowed(g, dep); !ok {
				out = append(out, Violation{Rule: r, From: from, Import: dep, Chain: chain(parent, dep), Banned: banned})
				continue // the chain stops at the first forbidden package
			}
			queue = append(queue, dep)
		}
	}
	return out
}

func chain(parent map[string]string, to string) []string {
	var c []string
	for p := to; p != ""; p = parent[p] {
		c = append(c, p)
	}
	for i, j := 0, len(c)-1; i < j; i, j = i+1, j-1 {
		c[i], c[j] = c[j], c[i]
	}
	return c
}
