package notebooks

import (
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

// RaisesException is the cell tag (the one Jupyter and nbclient use) that
// marks a cell whose error is the point of the cell.
const RaisesException = "raises-exception"

// Problem is one failed check, located by cell.
type Problem struct {
	Cell      int    // 1-based position among all cells
	FirstLine string // the cell's first source line
	Msg       string
}

func (p Problem) String() string {
	return fmt.Sprintf("cell %d (%s): %s", p.Cell, p.FirstLine, p.Msg)
}

var (
	// exitLine is what GoNB prints to stderr when a cell's program exits non-zero.
	exitLine = regexp.MustCompile(`(?m)^exit status (\d+)\s*$`)
	// stackTrace matches what only a Go stack trace or runtime crash prints.
	stackTrace = regexp.MustCompile(`(?m)panic: |^goroutine \d+ |\.go:\d+|^fatal error: |\[signal `)
	tags       = regexp.MustCompile(`<[^>]*>`)
	styles     = regexp.MustCompile(`(?s)<style>.*?</style>`)
	ansi       = regexp.MustCompile("\x1b\\[[0-9;]*m")
)

// maxSentence bounds the length of the one sentence an expected error may show.
const maxSentence = 300

// cellResult is what a code cell's outputs say about its run.
type cellResult struct {
	failed    bool     // exit status != 0 or an error output
	stderr    string   // stderr streams without GoNB's "exit status" line
	gonbErrs  []string // error outputs (GoNB's own: compile errors, failed ! commands)
	details   []string // GoNB's HTML rendering of compile errors, as text
	exitCodes []string
}

func resultOf(c ipynb.SavedCell) cellResult {
	var r cellResult
	for _, o := range c.Outputs {
		switch {
		case o.Type == "error":
			r.failed = true
			msg := o.Ename + ": " + o.Evalue
			r.gonbErrs = append(r.gonbErrs, strings.TrimSpace(tags.ReplaceAllString(msg, "")))
		case strings.Contains(string(o.Data["text/html"]), "gonb-err-location"):
			r.details = append(r.details, htmlText(string(o.Data["text/html"])))
		case o.Type == "stream" && o.Name == "stderr":
			text := string(o.Text)
			for _, m := range exitLine.FindAllStringSubmatch(text, -1) {
				r.failed = true
				r.exitCodes = append(r.exitCodes, m[1])
			}
			r.stderr += exitLine.ReplaceAllString(text, "")
		}
	}
	return r
}

// Check returns the problems of an executed notebook: for each code cell, an
// error output, a non-zero exit or a stack trace; for a cell tagged
// raises-exception, no error, or an error that is not one plain sentence.
func Check(nb *ipynb.Saved) []Problem {
	var problems []Problem
	for i, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		add := func(format string, args ...any) {
			problems = append(problems, Problem{Cell: i + 1, FirstLine: c.FirstLine(), Msg: fmt.Sprintf(format, args...)})
		}
		r := resultOf(c)
		if c.Tagged(RaisesException) {
			checkExpected(r, add)
			continue
		}
		switch {
		case len(r.gonbErrs) > 0:
			add("error: %s", clip(strings.Join(append(r.gonbErrs, r.details...), "\n")))
		case stackTrace.MatchString(r.stderr):
			add("crashed with a Go stack trace:\n%s", clip(r.stderr))
		case r.failed:
			add("exited with status %s; stderr: %s", strings.Join(r.exitCodes, ","), clip(r.stderr))
		}
	}
	return problems
}

// checkExpected holds a raises-exception cell to the notebook contract: the
// user sees one sentence that says what to change, and no Go stack trace.
func checkExpected(r cellResult, add func(string, ...any)) {
	msg := strings.TrimSpace(r.stderr)
	switch {
	case !r.failed:
		add("is tagged %s but ran without error", RaisesException)
	case len(r.gonbErrs) > 0:
		add("is tagged %s and should fail with one sentence from the program, but GoNB failed: %s", RaisesException, clip(strings.Join(r.gonbErrs, "; ")))
	case stackTrace.MatchString(msg):
		add("expected error shows a Go stack trace:\n%s", clip(msg))
	case msg == "":
		add("expected error printed nothing; it should say in one sentence what to change")
	case strings.Contains(msg, "\n"):
		add("expected error should be one sentence on one line, got %d lines:\n%s", strings.Count(msg, "\n")+1, clip(msg))
	case len(msg) > maxSentence:
		add("expected error is %d characters long; one clear sentence is at most %d:\n%s", len(msg), maxSentence, clip(msg))
	}
}

// htmlText is the text of GoNB's HTML error display, without its style sheet.
func htmlText(h string) string {
	var lines []string
	for _, l := range strings.Split(tags.ReplaceAllString(styles.ReplaceAllString(h, ""), ""), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return html.UnescapeString(strings.Join(lines, "\n"))
}

// clip shortens long texts in reports and drops terminal colour codes.
func clip(s string) string {
	s = strings.TrimSpace(ansi.ReplaceAllString(s, ""))
	if len(s) > 2000 {
		return s[:2000] + " …"
	}
	return s
}

// chartDiv is how a hyperlab chart appears in an output (see plotting's fragment).
const chartDiv = `class="hyperlab-chart"`

// Charts counts the hyperlab charts among the notebook's saved outputs.
func Charts(nb *ipynb.Saved) int {
	n := 0
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			n += strings.Count(string(o.Data["text/html"]), chartDiv)
		}
	}
	return n
}

// LostOutputs reports the code cells that had outputs in the committed
// notebook but none when executed again: a display that did not reach the
// notebook (or a cell that stopped printing) would otherwise pass unnoticed.
// Notebooks that differ in their cells are not compared.
func LostOutputs(committed, executed *ipynb.Saved) []Problem {
	if len(committed.Cells) != len(executed.Cells) {
		return nil
	}
	var problems []Problem
	for i, c := range executed.Cells {
		before := committed.Cells[i]
		if c.Type == "code" && before.Type == "code" && before.Source == c.Source &&
			len(before.Outputs) > 0 && len(c.Outputs) == 0 {
			problems = append(problems, Problem{Cell: i + 1, FirstLine: c.FirstLine(),
				Msg: fmt.Sprintf("showed nothing, but the committed notebook has %d output(s) here", len(before.Outputs))})
		}
	}
	return problems
}

// ChartBundles reports the outputs that show a hyperlab chart without the
// rest of its bundle: the interactive HTML must come with an image/png of
// the chart, for viewers that choose by MIME type, and a text/plain line.
func ChartBundles(nb *ipynb.Saved) []Problem {
	var problems []Problem
	for i, c := range nb.Cells {
		for _, o := range c.Outputs {
			if !strings.Contains(string(o.Data["text/html"]), chartDiv) {
				continue
			}
			for _, mime := range []string{"image/png", "text/plain"} {
				if _, ok := o.Data[mime]; !ok {
					problems = append(problems, Problem{Cell: i + 1, FirstLine: c.FirstLine(),
						Msg: "shows a chart without its " + mime})
				}
			}
		}
	}
	return problems
}
