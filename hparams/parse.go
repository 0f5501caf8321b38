package hparams

import "strings"

// Parse applies command-line style overrides to the defaults and returns the
// validated Values. It accepts what Spec.Flags accepts, with every problem
// reported at once instead of stopping at the first:
//
//	--learning_rate=0.3   -learning_rate=0.3   -learning_rate 0.3
//	--shuffle             (a bool alone means true; --shuffle=false)
//	--set="learning_rate=0.3;epochs=50"   (GoMLX's syntax)
//	--config=path.json    (a JSON object; lowest priority of the overrides)
//
// Later arguments win over earlier ones; --config files apply before all of
// them, whatever their position.
func (s *Spec) Parse(args []string) (Values, error) {
	return s.resolve(s.parseArgs(args), nil, nil)
}

// parseArgs turns arguments into events; malformed ones become evError
// events, so problems are reported in argument order.
func (s *Spec) parseArgs(args []string) []event {
	var events []event
	problem := func(err error) { events = append(events, event{kind: evError, err: err}) }
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			for _, rest := range args[i+1:] {
				problem(unexpected(rest))
			}
			break
		}
		if len(a) < 2 || a[0] != '-' {
			problem(unexpected(a))
			continue
		}
		body := strings.TrimPrefix(a[1:], "-")
		if body == "" || body[0] == '-' || body[0] == '=' {
			problem(newError("", "bad flag syntax %s; write --name=value", quoted(a)))
			continue
		}
		name, value, hasValue := strings.Cut(body, "=")
		kind := evFlag
		isBool := false
		switch name {
		case "set":
			kind = evSet
		case "config":
			kind = evConfig
		default:
			idx, ok := s.index[name]
			if !ok {
				problem(s.unknown(name, "the arguments"))
				continue
			}
			isBool = s.params[idx].Kind == Bool
		}
		if !hasValue {
			switch {
			case isBool:
				value = "true"
			case i+1 < len(args):
				i++
				value = args[i]
			default:
				problem(newError(name, "%s needs a value, as in --%s=%s", quoted(a), shorten(name), s.example(name)))
				continue
			}
		}
		events = append(events, event{kind: kind, name: name, raw: value})
	}
	return events
}

func unexpected(arg string) error {
	return newError("", "unexpected argument %s; set hyperparameters as --name=value", quoted(arg))
}

// example is a value to show in a message: the default, or a placeholder.
func (s *Spec) example(name string) string {
	if i, ok := s.index[name]; ok {
		return Format(s.params[i].Default)
	}
	if name == "set" {
		return `"learning_rate=0.3;epochs=50"`
	}
	return "values.json"
}
