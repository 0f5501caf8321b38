package hparams

import (
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/fileread"
)

// This file applies overrides to defaults, in increasing priority: JSON
// files (--config), then flags and --set entries in the order given (a
// later one wins). Every problem is collected, none stops the others.

type eventKind int

const (
	evFlag   eventKind = iota // --name=raw
	evSet                     // --set=raw
	evConfig                  // --config=raw (a path)
	evError                   // a malformed argument, reported in its place
)

type event struct {
	kind eventKind
	name string // for evFlag
	raw  string
	err  error // for evError
}

// resolve builds Values from the defaults and events. others reports names
// declared by another Spec sharing the same flags (they are not unknown);
// it may be nil.
func (s *Spec) resolve(events []event, others func(string) bool, problems []error) (Values, error) {
	vals := s.Defaults().vals
	errs := problems
	for _, ev := range events {
		if ev.kind != evConfig {
			continue
		}
		data, err := readSmallFile(ev.raw)
		if err != nil {
			errs = append(errs, newError("config", "cannot read the --config file %s: %v", quoted(ev.raw), err))
			continue
		}
		errs = append(errs, s.applyJSON(vals, data, "--config file "+quoted(ev.raw), others)...)
	}
	for _, ev := range events {
		switch ev.kind {
		case evError:
			errs = append(errs, ev.err)
		case evFlag:
			if _, ok := s.index[ev.name]; !ok && others != nil {
				continue // a flag of another Spec in the same FlagSet
			}
			errs = append(errs, s.assign(vals, ev.name, ev.raw, "the arguments", others)...)
		case evSet:
			entries, es := splitSettings(ev.raw, 0)
			errs = append(errs, es...)
			for _, e := range entries {
				errs = append(errs, s.assign(vals, e[0], e[1], "--set", others)...)
			}
		}
	}
	if err := asError(errs); err != nil {
		return Values{}, err
	}
	return Values{spec: s, vals: vals}, nil
}

// assign parses raw for name and stores it in vals.
func (s *Spec) assign(vals []any, name, raw, origin string, others func(string) bool) []error {
	i, ok := s.index[name]
	if !ok {
		if others != nil && others(name) {
			return nil
		}
		return []error{s.unknown(name, origin)}
	}
	p := &s.params[i]
	x, reason := parseText(p, raw)
	if reason != "" {
		return []error{p.wrongType("", quoted(raw), reason)}
	}
	if reason := p.violation(x); reason != "" {
		return []error{newError(name, "%s=%s %s", name, describe(x), reason)}
	}
	vals[i] = x
	return nil
}

// splitSettings splits a --set value by GoMLX's commandline rules:
// "name=value" entries separated by ";", empty entries skipped, and
// "file:path" reading more entries from a file (one or more per line, "#"
// starts a comment line). Unlike GoMLX, spaces around names and values and
// quotes around values are dropped, and scoped names ("/layer_1/name") are
// refused: hyperlab's hyperparameters are global.
func splitSettings(raw string, depth int) ([][2]string, []error) {
	var out [][2]string
	var errs []error
	for _, part := range strings.Split(unquote(raw), ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if path, ok := strings.CutPrefix(part, "file:"); ok {
			if depth > 0 {
				errs = append(errs, newError("set", "--set file:%s is inside another settings file; files cannot include files", shorten(path)))
				continue
			}
			data, err := readSmallFile(path)
			if err != nil {
				errs = append(errs, newError("set", "cannot read the --set settings file %s: %v", quoted(path), err))
				continue
			}
			for _, line := range strings.Split(string(data), "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				more, es := splitSettings(line, depth+1)
				out, errs = append(out, more...), append(errs, es...)
			}
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		name = strings.TrimSpace(name)
		switch {
		case !ok:
			errs = append(errs, newError("set", "--set entry %s is not name=value; separate entries with \";\", as in --set=\"learning_rate=0.3;epochs=50\"", quoted(part)))
		case strings.Contains(name, "/"):
			base := name[strings.LastIndex(name, "/")+1:]
			errs = append(errs, newError(base, "--set entry %s is scoped; hyperlab's hyperparameters are not scoped, write %s=%s", quoted(part), shorten(base), shorten(value)))
		case name == "":
			errs = append(errs, newError("set", "--set entry %s has no name before \"=\"", quoted(part)))
		default:
			out = append(out, [2]string{name, value})
		}
	}
	return out, errs
}

// maxFileSize bounds --config and --set file: reads.
const maxFileSize = 4 << 20

// readSmallFile reads a regular file of at most maxFileSize bytes, so a
// named pipe or device (/dev/stdin, /dev/zero) is refused at once instead
// of blocking, and a huge file cannot exhaust memory.
func readSmallFile(path string) ([]byte, error) {
	return fileread.ReadFile(path, maxFileSize, true)
}
