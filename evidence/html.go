package evidence

import (
	"bytes"
	"encoding/json"
	"html/template"
)

// verdictTemplate is the verdict box: one div whose data attributes carry
// the claim id, the outcome and the claim as JSON (what Saved reads back),
// and one paragraph per language. It holds no nested div, so that Saved can
// find its end.
var verdictTemplate = template.Must(template.New("verdict").Parse(
	`<div class="hyperlab-verdict hyperlab-verdict-{{.Outcome}}" data-claim="{{.ID}}" data-outcome="{{.Outcome}}" data-verdict="{{.JSON}}" style="{{.Style}}">` +
		`<p lang="en" style="margin:0 0 4px 0"><strong>{{.ID}}</strong> — {{.English}}</p>` +
		`<p lang="zh" style="margin:0">{{.Chinese}}</p></div>`))

// outcomeColors are the left borders of the box: green, red, amber.
var outcomeColors = map[Outcome]string{Supported: "#2e7d32", Refuted: "#c62828", Depends: "#ef6c00"}

// saved is the machine-readable form of a verdict box.
type saved struct {
	Claim   Claim   `json:"claim"`
	Outcome Outcome `json:"outcome"`
}

// HTML is the verdict as a box for a notebook: the wording in English and
// Chinese, escaped, and the claim as JSON in its data-verdict attribute so
// that Saved and Recheck can recompute it from the run store.
func (v Verdict) HTML() string {
	data, err := json.Marshal(saved{Claim: v.Claim, Outcome: v.Outcome})
	if err != nil {
		// A Claim is strings, numbers and maps of hyperparameter values;
		// a value JSON cannot hold is a caller's bug worth seeing.
		data = []byte(`{"error":` + jsonString(err.Error()) + `}`)
	}
	var b bytes.Buffer
	_ = verdictTemplate.Execute(&b, map[string]any{
		"ID": v.Claim.ID, "Outcome": string(v.Outcome), "JSON": string(data),
		"English": v.English, "Chinese": v.Chinese,
		"Style": template.CSS("border-left:4px solid " + outcomeColors[v.Outcome] + ";padding:6px 10px;margin:8px 0;background:#fafafa"),
	})
	return b.String()
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Text is the verdict outside a notebook: the claim id, then one line per
// language.
func (v Verdict) Text() string {
	return v.Claim.ID + "\n" + v.English + "\n" + v.Chinese + "\n"
}
