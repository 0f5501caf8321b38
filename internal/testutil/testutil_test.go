package testutil

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestFirstDifference(t *testing.T) {
	for _, tc := range []struct{ got, want, say string }{
		{"a\nb\nc", "a\nB\nc", "line 2:\n got: b\nwant: B"},
		{"a\nb", "a\nb\nc", "line 3:\n got: (end)\nwant: c"},
		{"a\n", "a", "line 2:\n got: \nwant: (end)"},
	} {
		if got := firstDifference(tc.got, tc.want); got != tc.say {
			t.Errorf("firstDifference(%q, %q) = %q, want %q", tc.got, tc.want, got, tc.say)
		}
	}
}

func TestGoldenReadsTestdata(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("testdata/x.golden", []byte("same\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Golden(t, "x", "same\n")
	Golden(t, "x", []byte("same\n"))
}

func TestHostileCSV(t *testing.T) {
	path := HostileCSV(t, t.TempDir())
	if !strings.Contains(path, Evil) {
		t.Errorf("path %q does not hold Evil", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(string(data), "\n"); lines != 101 {
		t.Errorf("%d lines, want a header and 100 rows", lines)
	}
	if !strings.Contains(string(data), `"<img src=x onerror=alert(1)>""q'</script>"`) {
		t.Errorf("no row holds Evil as a quoted CSV field:\n%.200s", data)
	}
}

func TestNoPanicReturnsTheError(t *testing.T) {
	want := errors.New("x")
	if err := NoPanic(t, func() error { return want }); err != want {
		t.Errorf("NoPanic = %v, want %v", err, want)
	}
}

func TestStartReadsLines(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	cmd := exec.Command(sh, "-c", "echo one; echo two")
	sc, _ := Start(t, cmd)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(lines, ",") != "one,two" {
		t.Errorf("lines = %q", lines)
	}
}

// recorder is a testing.TB that only records Errorf, Fatal, Fatalf (with
// its message) and Skip.
type recorder struct {
	testing.TB
	failed, skipped bool
	msg             string
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }

// Fatal, Fatalf and Skip record, then stop the caller as testing.T's do
// (the test recovers the panic).
func (r *recorder) Fatal(...any) { r.failed = true; panic(r) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
	panic(r)
}
func (r *recorder) Skip(...any) { r.skipped = true; panic(r) }

func TestAssertInert(t *testing.T) {
	AssertInert(t, "escaped text", "<p>"+strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(Evil)+"</p>")
	for _, html := range []string{"<p>" + Evil + "</p>", "<p>nothing</p>"} {
		r := &recorder{TB: t}
		AssertInert(r, "x", html)
		if !r.failed {
			t.Errorf("AssertInert passed %q", html)
		}
	}
}

// counter is a stand-in for hparams.Values: With adds to a sum and refuses
// negative values.
type counter struct{ sum int }

func (c counter) With(name string, v any) (counter, error) {
	if n := v.(int); n >= 0 {
		return counter{c.sum + n}, nil
	}
	return c, errors.New(name + " is negative")
}

func TestWithSetsPairsInOrder(t *testing.T) {
	if got := With(t, counter{}, "a", 1, "b", 2); got.sum != 3 {
		t.Errorf("sum = %d, want 3", got.sum)
	}
	for _, kv := range [][]any{{"a", -1}, {"a"}, {1, 2}} {
		r := &recorder{TB: t}
		func() {
			defer func() { recover() }()
			With(r, counter{}, kv...)
		}()
		if !r.failed {
			t.Errorf("With(%v) did not fail the test", kv)
		}
	}
}

func TestWriteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if got := WriteFile(t, path, "one"); got != path {
		t.Errorf("WriteFile returned %q, want %q", got, path)
	}
	WriteFile(t, path, []byte("two"))
	if b, err := os.ReadFile(path); err != nil || string(b) != "two" {
		t.Errorf("read %q, %v; want two", b, err)
	}
}

func TestRegressionCSV(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(RegressionCSV(50), "\n"), "\n")
	if len(lines) != 51 || lines[0] != "x,y" {
		t.Fatalf("%d lines starting %q, want the header x,y and 50 rows", len(lines), lines[0])
	}
	ys := map[string]bool{}
	for _, l := range lines[1:] {
		ys[l[strings.LastIndex(l, ",")+1:]] = true
	}
	if len(ys) != 50 {
		t.Errorf("%d distinct values of y, want one a row (50)", len(ys))
	}
}

func TestCommandBuildsOnceAndRemoves(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go command")
	}
	dir := t.TempDir()
	WriteFile(t, filepath.Join(dir, "go.mod"), "module example.com/hello\n\ngo 1.21\n")
	WriteFile(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() { println(\"hello\") }\n")
	t.Chdir(dir)
	c := NewCommand("hello", "example.com/hello")
	path := c.Path(t)
	if out, err := exec.Command(path).CombinedOutput(); err != nil || string(out) != "hello\n" {
		t.Fatalf("%s: %q, %v; want hello", path, out, err)
	}
	if again := c.Path(t); again != path {
		t.Errorf("second Path = %q, want the same build %q", again, path)
	}
	c.Remove()
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after Remove, %s: %v; want it gone", path, err)
	}
}
