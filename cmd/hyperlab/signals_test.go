//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A command blocked where the context cannot reach it (a read that hangs)
// still ends at SIGTERM: interruptible exits with code 1 after the grace.
// The blocked command runs in a child copy of the test binary.
func TestSignalEndsABlockedCommand(t *testing.T) {
	if os.Getenv("HYPERLAB_BLOCKED_CHILD") == "1" {
		_, stop := interruptible(os.Stderr, "blocked")
		defer stop()
		os.Stdout.WriteString("ready\n")
		select {} // blocked for good, ignoring the context
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSignalEndsABlockedCommand$")
	cmd.Env = append(os.Environ(), "HYPERLAB_BLOCKED_CHILD=1")
	var out, errOut bytes.Buffer
	cmd.Stderr = &errOut
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := stdout.Read(buf); err != nil {
		t.Fatal(err)
	}
	out.Write(buf)
	start := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitFailure {
			t.Errorf("exit: %v; want code 1", err)
		}
		if !strings.Contains(errOut.String(), "did not stop within") {
			t.Errorf("stderr %q", errOut.String())
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
	case <-time.After(8 * time.Second):
		cmd.Process.Kill()
		t.Fatal("SIGTERM did not end a blocked command")
	}
}
