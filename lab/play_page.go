package lab

import (
	"html/template"
	"strings"
)

// controlsPage is the data of the playground's controls block.
type controlsPage struct {
	ID       string // the block's div id; the inputs' ids start with it
	Address  string // the GoNB comms address the page sends its changes to
	Controls []controlView
	Live     bool // the cell is running: the inputs work and the script sends
	Note     string
}

// controlView is one control as the page shows it.
type controlView struct {
	control
	InputID string
	Pos     int
}

// Label is the value at the control's position.
func (c controlView) Label() string { return c.Labels[c.Pos] }

// Last is the last position of a slider.
func (c controlView) Last() int { return len(c.Values) - 1 }

// The page sends its messages as "<n> <what>", n counting up, so that the
// cell keeps the latest when several arrive in another order: "<n> hello"
// once the page is connected, "<n> set <position>,<position>,..." with the
// position of every control after each change, "<n> pin" and "<n> done".
// Until GoNB's gonb_comm exists (GoNB installs it when the cell subscribes)
// the page waits for it, for up to 20 s.
var controlsTemplate = template.Must(template.New("controls").Parse(`<div class="hyperlab-playground" id="{{.ID}}" style="font-family:sans-serif;font-size:13px">
<table style="border-collapse:collapse">
{{- range .Controls}}
<tr title="{{.Help}}"><td style="padding:2px 8px 2px 0;text-align:right"><label for="{{.InputID}}"><code>{{.Name}}</code></label></td><td style="padding:2px 8px">
{{- if eq .Kind "slider"}}<input type="range" id="{{.InputID}}" data-name="{{.Name}}" min="0" max="{{.Last}}" step="1" value="{{.Pos}}" style="width:260px"{{if not $.Live}} disabled{{end}}>
{{- else if eq .Kind "select"}}<select id="{{.InputID}}" data-name="{{.Name}}"{{if not $.Live}} disabled{{end}}>{{$pos := .Pos}}{{range $i, $l := .Labels}}<option value="{{$i}}"{{if eq $i $pos}} selected{{end}}>{{$l}}</option>{{end}}</select>
{{- else}}<input type="checkbox" id="{{.InputID}}" data-name="{{.Name}}"{{if eq .Pos 1}} checked{{end}}{{if not $.Live}} disabled{{end}}>
{{- end}}</td><td><output id="{{.InputID}}-value" style="font-family:monospace">{{.Label}}</output></td></tr>
{{- end}}
</table>
{{- if .Live}}
<p><button type="button" class="hyperlab-play-pin" title="keep the current curve as a reference">Pin this curve</button> <button type="button" class="hyperlab-play-done" title="end the cell and save what it shows">Done</button> <span class="hyperlab-play-status"></span></p>
<script>
(function () {
  var root = document.getElementById({{.ID}}), address = {{.Address}}, n = 0;
  var inputs = Array.prototype.slice.call(root.querySelectorAll('[data-name]'));
  var labels = { {{- range $i, $c := .Controls}}{{if $i}}, {{end}}{{$c.InputID}}: {{$c.Labels}}{{end -}} };
  function send(what) {
    var c = globalThis.gonb_comm;
    if (c) { n++; c.send(address, n + ' ' + what); }
  }
  function position(el) { return el.type === 'checkbox' ? (el.checked ? 1 : 0) : Number(el.value); }
  function changed(el) {
    root.querySelector('#' + CSS.escape(el.id + '-value')).textContent = labels[el.id][position(el)];
    send('set ' + inputs.map(position).join(','));
  }
  inputs.forEach(function (el) {
    el.addEventListener(el.type === 'range' ? 'input' : 'change', function () { changed(el); });
  });
  root.querySelector('.hyperlab-play-pin').addEventListener('click', function () { send('pin'); });
  root.querySelector('.hyperlab-play-done').addEventListener('click', function () { send('done'); });
  var tries = 0;
  (function hello() {
    if (globalThis.gonb_comm) { send('hello'); return; }
    if (++tries < 200) { setTimeout(hello, 100); }
  })();
})();
</script>
{{- end}}
{{- with .Note}}
<p class="hyperlab-play-note" style="color:#555">{{.}}</p>
{{- end}}
</div>`))

// html renders the controls block.
func (p controlsPage) html() (string, error) {
	var b strings.Builder
	err := controlsTemplate.Execute(&b, p)
	return b.String(), err
}

// stateTemplate is the line above the charts: the cell arguments that
// reproduce what the charts show, and the run they show (its run-store
// folder and ID, which the real-UI test reads back).
var stateTemplate = template.Must(template.New("state").Parse(`<p class="hyperlab-play-args" data-run="{{.RunID}}" data-folder="{{.Folder}}"{{with .ElapsedMS}} data-elapsed-ms="{{.}}"{{end}} data-live="{{.Live}}"{{with .AskedAt}} data-asked-at="{{.}}"{{end}}{{with .DrawnAt}} data-drawn-at="{{.}}"{{end}} style="font-family:monospace;font-size:13px;margin:4px 0">{{.Args}}</p>
<p class="hyperlab-run" style="font-size:12px;margin:2px 0">{{.Summary}}</p>
{{- if .Pins}}<p style="font-size:12px;margin:2px 0;color:#555">pinned: {{range $i, $p := .Pins}}{{if $i}}; {{end}}<code>{{$p}}</code>{{end}}</p>{{end}}`))

// statePage is the data of stateTemplate.
type statePage struct {
	Args, Summary string
	RunID, Folder string
	ElapsedMS     int64 // since the cell's program started, when this was drawn
	Pins          []string
	Live          bool // the page answered; tests wait for it before moving a control
	// AskedAt is when the program got the page's last move and DrawnAt
	// when it sent this drawing, in Unix milliseconds: on one machine a
	// test splits a redraw's latency with them.
	AskedAt, DrawnAt int64
}

func (s statePage) html() (string, error) {
	var b strings.Builder
	err := stateTemplate.Execute(&b, s)
	return b.String(), err
}
