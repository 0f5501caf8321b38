//go:build unix

package fileread

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// openNonBlocking opens with O_NONBLOCK so that opening a named pipe with
// no writer returns at once (the File refuses it after fstat), and with
// O_NOFOLLOW unless follow.
func openNonBlocking(path string, follow bool) (*os.File, error) {
	flags := os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_CLOEXEC
	if !follow {
		flags |= syscall.O_NOFOLLOW
	}
	f, err := os.OpenFile(path, flags, 0)
	if errors.Is(err, syscall.ELOOP) && !follow {
		return nil, fmt.Errorf("%s is a symbolic link, which is not followed here: %w", path, ErrNotRegular)
	}
	return f, err
}

// clearNonBlocking restores blocking reads on a regular file (where
// O_NONBLOCK has no effect on Linux, but may elsewhere).
func clearNonBlocking(f *os.File) error {
	raw, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := raw.Control(func(fd uintptr) { serr = syscall.SetNonblock(int(fd), false) }); err != nil {
		return err
	}
	return serr
}
