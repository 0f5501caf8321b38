package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// errNoTorch says how to get PyTorch when no Python can import it.
var errNoTorch = errors.New("bench: no python3 with torch found; run `bash bench/setup.sh` (installs Debian's python3-torch) or pass -python")

// FindPython returns the first interpreter that imports torch: the one given,
// else Debian's /usr/bin/python3 (where python3-torch installs), else python3
// on PATH (which may be a pyenv shim without torch).
func FindPython(given string) (string, error) {
	candidates := []string{"/usr/bin/python3", "python3"}
	if given != "" {
		candidates = []string{given}
	}
	for _, py := range candidates {
		if err := exec.Command(py, "-c", "import torch").Run(); err == nil {
			return py, nil
		}
	}
	return "", errNoTorch
}

// torchScript finds torch_step.py: from the repository root, from bench/, or
// beside this source file.
func torchScript() (string, error) {
	for _, p := range []string{"bench/torch_step.py", "torch_step.py"} {
		if _, err := os.Stat(p); err == nil {
			return filepath.Abs(p)
		}
	}
	if _, file, _, ok := runtime.Caller(0); ok {
		p := filepath.Join(filepath.Dir(file), "torch_step.py")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("bench: torch_step.py not found; run from the repository root")
}

// TorchStep is a running torch_step.py process for one case. Block asks it
// for n steps and returns the time it measured (without the pipe round trip).
type TorchStep struct {
	Version string
	Threads int
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	out     *bufio.Scanner
	stderr  *strings.Builder
}

type torchReply struct {
	Ready   bool    `json:"ready"`
	Version string  `json:"torch_version"`
	Threads int     `json:"threads"`
	Ms      float64 `json:"ms"`
	CPUMs   float64 `json:"cpu_ms"`
	Loss    float64 `json:"loss"`
	Error   string  `json:"error"`
}

// StartTorch starts torch_step.py for case c and waits until it has warmed up.
func StartTorch(python string, c Case, threads, warmup int, warmupTime time.Duration) (*TorchStep, error) {
	script, err := torchScript()
	if err != nil {
		return nil, err
	}
	sizes := make([]string, len(c.Sizes))
	for i, n := range c.Sizes {
		sizes[i] = strconv.Itoa(n)
	}
	cmd := exec.Command(python, script,
		"--sizes", strings.Join(sizes, ","),
		"--batch", strconv.Itoa(c.Batch),
		"--lr", strconv.FormatFloat(c.LearningRate, 'g', -1, 64),
		"--threads", strconv.Itoa(threads),
		"--pool", strconv.Itoa(poolSize),
		"--warmup", strconv.Itoa(warmup),
		"--warmup-time", strconv.FormatFloat(warmupTime.Seconds(), 'g', -1, 64),
	)
	t := &TorchStep{cmd: cmd, stderr: &strings.Builder{}}
	cmd.Stderr = t.stderr
	if t.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, fmt.Errorf("bench: torch_step.py: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("bench: torch_step.py: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("bench: starting %s %s: %w", python, script, err)
	}
	t.out = bufio.NewScanner(stdout)
	r, err := t.reply()
	if err != nil {
		t.Close()
		return nil, err
	}
	if !r.Ready {
		t.Close()
		return nil, fmt.Errorf("bench: torch_step.py did not report ready")
	}
	t.Version, t.Threads = r.Version, r.Threads
	return t, nil
}

func (t *TorchStep) reply() (torchReply, error) {
	if !t.out.Scan() {
		return torchReply{}, fmt.Errorf("bench: torch_step.py ended early: %s", strings.TrimSpace(t.stderr.String()))
	}
	return parseTorchReply(t.out.Bytes())
}

func parseTorchReply(line []byte) (torchReply, error) {
	var r torchReply
	if err := json.Unmarshal(line, &r); err != nil {
		return r, fmt.Errorf("bench: torch_step.py printed %q, not a JSON reply: %w", line, err)
	}
	if r.Error != "" {
		return r, fmt.Errorf("bench: torch_step.py: %s", r.Error)
	}
	return r, nil
}

// Block runs n steps in PyTorch and returns the wall and CPU time the
// Python process measured (without the pipe round trip).
func (t *TorchStep) Block(n int) (Cost, error) {
	if _, err := fmt.Fprintf(t.stdin, "run %d\n", n); err != nil {
		return Cost{}, fmt.Errorf("bench: torch_step.py: %w", err)
	}
	r, err := t.reply()
	if err != nil {
		return Cost{}, err
	}
	if r.Ms <= 0 {
		return Cost{}, fmt.Errorf("bench: torch_step.py reported %v ms for %d steps", r.Ms, n)
	}
	ms := func(v float64) time.Duration { return time.Duration(v * float64(time.Millisecond)) }
	return Cost{Wall: ms(r.Ms), CPU: ms(r.CPUMs)}, nil
}

// Close stops the process.
func (t *TorchStep) Close() {
	fmt.Fprintln(t.stdin, "quit")
	t.stdin.Close()
	_ = t.cmd.Wait()
}
