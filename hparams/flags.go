package hparams

import (
	"flag"
	"slices"
	"sync"
)

// Flags connects a Spec to a flag.FlagSet. Its flag values accept any text
// when the FlagSet is parsed: validation waits for Values, so flag.Parse never
// prints usage and exits over a bad value, and the user sees every problem in
// one error instead.
//
// In a GoNB notebook, define the flags in a declaration cell, so they exist
// before the generated main calls flag.Parse with the cell's arguments:
//
//	var spec = hparams.MustSpecOf(Config{})
//	var hpFlags = spec.Flags(flag.CommandLine)
//
// and in a "%% --learning_rate=0.3" cell: values, err := hpFlags.Values().
type Flags struct {
	spec     *Spec
	group    *flagGroup
	problems []error // flags that could not be defined
}

// flagGroup is shared by every Spec whose flags live in one FlagSet: a
// notebook keeps all declaration cells, so two Specs may both call Flags on
// flag.CommandLine, and a name they share is one flag.
type flagGroup struct {
	mu      sync.Mutex
	events  []event
	members []*Flags
}

func (g *flagGroup) record(ev event) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.events = append(g.events, ev)
}

// Flags defines on fs (flag.CommandLine if nil) one flag per hyperparameter,
// plus -set (GoMLX's "name=value;..." list) and -config (a JSON file). If fs
// already has a flag of that name from other code, that hyperparameter
// cannot be set by flag, and Values reports it.
func (s *Spec) Flags(fs *flag.FlagSet) *Flags {
	if fs == nil {
		fs = flag.CommandLine
	}
	g := groupOf(fs)
	f := &Flags{spec: s, group: g}
	g.mu.Lock()
	g.members = append(g.members, f)
	g.mu.Unlock()
	define := func(name string, v flag.Value, help string) {
		if existing := fs.Lookup(name); existing != nil {
			if owner(existing.Value) == g {
				return
			}
			fix := "so " + name + " cannot be set from the command line; rename the hyperparameter"
			if _, ok := s.index[name]; !ok {
				fix = "so hparams cannot define its -" + name + " flag; remove the other one"
			}
			f.problems = append(f.problems, newError(name, "the flag -%s is already defined by other code, %s", name, fix))
			return
		}
		fs.Var(v, name, help)
	}
	for _, p := range s.params {
		define(p.Name, &paramFlag{group: g, name: p.Name, def: Format(p.Default), isBool: p.Kind == Bool}, usage(p))
	}
	define("set", &setFlag{group: g}, "hyperparameters as `\"name=value;name=value\"` (GoMLX's --set syntax)")
	define("config", &configFlag{group: g}, "a JSON `file` {\"name\": value} of hyperparameters, applied before the other flags")
	return f
}

// usage is the flag's help: the help text, then the kind in back quotes (the
// flag package shows it as the argument's name) and what is allowed.
func usage(p Param) string {
	var extra string
	if p.Kind != Bool {
		extra = "`" + p.Kind.String() + "`"
		if a := p.Allowed(); a != "any" {
			extra += " " + a
		}
	}
	if extra == "" {
		return p.Help
	}
	if p.Help == "" {
		return "(" + extra + ")"
	}
	return p.Help + " (" + extra + ")"
}

// Values returns the defaults overridden by the parsed flags: first the
// -config files, then the hyperparameter flags and -set entries in the order
// given. It reports every problem at once as an Errors. Before fs is parsed
// it returns the defaults.
func (f *Flags) Values() (Values, error) {
	g := f.group
	g.mu.Lock()
	events := slices.Clone(g.events)
	members := slices.Clone(g.members)
	g.mu.Unlock()
	others := func(name string) bool {
		for _, m := range members {
			if _, ok := m.spec.index[name]; ok && m != f {
				return true
			}
		}
		return false
	}
	return f.spec.resolve(events, others, slices.Clone(f.problems))
}

func groupOf(fs *flag.FlagSet) *flagGroup {
	for _, name := range []string{"set", "config"} {
		if fl := fs.Lookup(name); fl != nil {
			if g := owner(fl.Value); g != nil {
				return g
			}
		}
	}
	return &flagGroup{}
}

// owner returns the group of one of this package's flag values, or nil.
func owner(v flag.Value) *flagGroup {
	switch v := v.(type) {
	case *paramFlag:
		return v.group
	case *setFlag:
		return v.group
	case *configFlag:
		return v.group
	}
	return nil
}

// paramFlag is the flag of one hyperparameter. Its zero value (used by
// flag.PrintDefaults) is harmless.
type paramFlag struct {
	group  *flagGroup
	name   string
	def    string
	isBool bool
}

func (p *paramFlag) String() string { return p.def }

func (p *paramFlag) Set(s string) error {
	p.group.record(event{kind: evFlag, name: p.name, raw: s})
	return nil
}

// IsBoolFlag lets a Bool hyperparameter be given as -name alone.
func (p *paramFlag) IsBoolFlag() bool { return p.isBool }

type setFlag struct{ group *flagGroup }

func (*setFlag) String() string { return "" }

func (p *setFlag) Set(s string) error {
	p.group.record(event{kind: evSet, raw: s})
	return nil
}

type configFlag struct{ group *flagGroup }

func (*configFlag) String() string { return "" }

func (p *configFlag) Set(s string) error {
	p.group.record(event{kind: evConfig, raw: s})
	return nil
}
