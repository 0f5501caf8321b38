//go:build unix

package runstore

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes an exclusive flock on the file at path (created 0644 if
// absent). With wait false it returns errLocked at once if another open
// file description holds the lock — another process, or another Writer of
// this process. The lock lasts until unlock or the process dies.
func lockFile(path string, wait bool) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, filePerm)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, filePerm); err != nil {
		f.Close()
		return nil, err
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	for {
		err = syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errLocked
		}
		return nil, err
	}
	return f, nil
}

// unlock releases a lock from lockFile (closing the file releases it).
func unlock(f *os.File) {
	if f != nil {
		f.Close()
	}
}
