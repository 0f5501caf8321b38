//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// runBin runs the CLI binary with a 5 s limit and returns its exit code
// and output.
func runBin(t *testing.T, bin string, args ...string) (code int, stdout, stderr string, took time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	took = time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("%v did not end within 5 s\nstdout: %s\nstderr: %s", args, out.String(), errOut.String())
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errOut.String(), took
}

// Named pipes, devices and foreign directories given where the CLI reads
// a file end at once in one sentence and exit code 1 or 2, never a hang,
// an out-of-memory crash or a stack trace.
func TestHostileFilesEndInOneSentence(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	fifo := testutil.Mkfifo(t, filepath.Join(dir, "pipe.csv"))
	zero, csvDir := filepath.Join(dir, "zero.csv"), filepath.Join(dir, "dir.csv")
	os.Symlink("/dev/zero", zero)
	os.Mkdir(csvDir, 0o755)
	store := filepath.Join(dir, "store")
	if code, _, stderr, _ := runBin(t, bin, "train", "--epochs=1", "--size=60", "--runs", store); code != 0 {
		t.Fatalf("setting up a store: exit %d: %s", code, stderr)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"dataset FIFO", []string{"train", "--dataset", fifo, "--runs", ""}, "named pipe"},
		{"dataset /dev/zero", []string{"train", "--dataset", zero, "--runs", ""}, "character device"},
		{"dataset directory", []string{"train", "--dataset", csvDir, "--runs", ""}, "directory"},
		{"echarts /dev/zero", []string{"train", "--epochs=1", "--size=60", "--runs", "", "--echarts", "/dev/zero"}, "character device"},
		{"echarts FIFO", []string{"report", "--runs", store, "--echarts", fifo}, "named pipe"},
		{"config FIFO", []string{"train", "--runs", "", "--config", fifo}, "named pipe"},
		{"config /dev/zero", []string{"train", "--runs", "", "--config", "/dev/zero"}, "character device"},
		{"report on a foreign directory", []string{"report", "--runs", "/etc"}, "not a hyperlab run store"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr, _ := runBin(t, bin, tc.args...)
			if code != exitFailure && code != exitUsage {
				t.Errorf("exit %d; want 1 or 2\n%s", code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if len(lines) != 1 || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "goroutine") {
				t.Errorf("stderr %q: want one line mentioning %q", stderr, tc.want)
			}
		})
	}
}

// report reads only: on a directory that is not a store it writes
// nothing, and on a read-only store it works and writes nothing there.
func TestReportWritesNothingWhereItReads(t *testing.T) {
	bin := binary(t)
	foreign := t.TempDir()
	os.Mkdir(filepath.Join(foreign, "ssh"), 0o755)
	testutil.WriteFile(t, filepath.Join(foreign, "notes.txt"), "x")
	code, _, stderr, _ := runBin(t, bin, "report", "--runs", foreign)
	if code != exitUsage || !strings.Contains(stderr, "not a hyperlab run store") {
		t.Errorf("report on a foreign directory: exit %d, %q", code, stderr)
	}
	for _, p := range []string{".lock", "ssh/.lock", "report.html", ".hyperlab-store"} {
		if _, err := os.Lstat(filepath.Join(foreign, p)); err == nil {
			t.Errorf("report wrote %s into a directory that is not a store", p)
		}
	}

	store := filepath.Join(t.TempDir(), "store")
	if code, _, stderr, _ := runBin(t, bin, "train", "--epochs=1", "--size=60", "--runs", store); code != 0 {
		t.Fatalf("setting up a store: exit %d: %s", code, stderr)
	}
	before := listTree(t, store)
	chmodTree(t, store, 0o555)
	t.Cleanup(func() { chmodTree(t, store, 0o755) })
	code, stdout, stderr, _ := runBin(t, bin, "report", "--runs", store)
	if code != 0 || !strings.Contains(stdout, "1 complete runs") {
		t.Errorf("report on a read-only store: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if after := listTree(t, store); after != before {
		t.Errorf("report changed the store:\n%s\nbecame\n%s", before, after)
	}
}

func listTree(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			b.WriteString(p + "\n")
		}
		return nil
	})
	return b.String()
}

func chmodTree(t *testing.T, dir string, mode os.FileMode) {
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && fi.IsDir() {
			os.Chmod(p, mode)
		}
		return nil
	})
}

// SIGTERM ends a training command within 5 s.
func TestSIGTERMEndsTheCommand(t *testing.T) {
	bin := binary(t)
	cmd := exec.Command(bin, "train", "--epochs=500", "--size=2000", "--runs", "")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("SIGTERM did not end the command within 5 s:\n%s", out.String())
	}
	if strings.Contains(out.String(), "goroutine ") {
		t.Errorf("a stack trace:\n%s", out.String())
	}
}

// Three identical train processes at once on one store all succeed: the
// losers of the race reuse the winner's run.
func TestConcurrentIdenticalTrainProcesses(t *testing.T) {
	bin := binary(t)
	store := t.TempDir()
	cmds := make([]*exec.Cmd, 3)
	outs := make([]bytes.Buffer, 3)
	for i := range cmds {
		cmds[i] = exec.Command(bin, "train", "--runs", store, "--epochs=2", "--size=200")
		cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("process %d: %v\n%s", i, err, outs[i].String())
		}
	}
}

// Output paths that are named pipes or devices are refused at once: a
// FIFO would block the write until a reader came.
func TestOutputToFIFORefused(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	fifo := testutil.Mkfifo(t, filepath.Join(dir, "out.html"))
	store := filepath.Join(dir, "store")
	if code, _, stderr, _ := runBin(t, bin, "train", "--epochs=1", "--size=60", "--runs", store); code != 0 {
		t.Fatalf("setting up a store: exit %d: %s", code, stderr)
	}
	for _, args := range [][]string{{"--out", fifo}, {"--table", fifo}} {
		code, _, stderr, _ := runBin(t, bin, append([]string{"report", "--runs", store}, args...)...)
		if code != exitUsage || !strings.Contains(stderr, "not a regular file") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}
