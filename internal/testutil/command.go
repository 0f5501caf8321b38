package testutil

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// Command is a Go command built once for the tests of a package, which run
// it as a real process. Make one with NewCommand; TestMain calls Remove
// after m.Run.
type Command struct {
	name, pkg string
	once      sync.Once
	dir, path string
	err       error
}

// NewCommand returns the command of the Go package pkg (an import path),
// to be built as an executable called name when a test first asks for it.
func NewCommand(name, pkg string) *Command { return &Command{name: name, pkg: pkg} }

// Path builds the command on its first call, into a temporary directory,
// and returns the executable's path; a failed build ends the test. The go
// command is the one of the toolchain that built the test, not whatever
// PATH finds.
func (c *Command) Path(t testing.TB) string {
	t.Helper()
	c.once.Do(func() {
		if c.dir, c.err = os.MkdirTemp("", c.name+"-"); c.err != nil {
			return
		}
		c.path = filepath.Join(c.dir, c.name)
		gobin := "go" // a -trimpath test binary knows no GOROOT: PATH's go
		if root := runtime.GOROOT(); root != "" {
			gobin = filepath.Join(root, "bin", "go")
		}
		if out, err := exec.Command(gobin, "build", "-o", c.path, c.pkg).CombinedOutput(); err != nil {
			c.err = fmt.Errorf("go build %s: %v\n%s", c.pkg, err, out)
		}
	})
	if c.err != nil {
		t.Fatal(c.err)
	}
	return c.path
}

// Remove deletes the built command, if any.
func (c *Command) Remove() {
	if c.dir != "" {
		os.RemoveAll(c.dir)
	}
}
