//go:build unix

package runstore

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// noFollow makes an open fail on a symbolic link, and not block on a FIFO.
const noFollow = syscall.O_NOFOLLOW | syscall.O_NONBLOCK | syscall.O_CLOEXEC

// lockFile takes an exclusive flock on the lock file at path, creating it
// 0644 if absent. It never follows a symbolic link (O_NOFOLLOW), refuses
// anything but a regular file with one link, and changes the mode only of
// a file it has just created, through its descriptor: a planted link or
// hard link cannot make the store touch another file. With wait false it
// returns errLocked at once if another open file description holds the
// lock — another process, or another Writer of this process. The lock
// lasts until unlock or the process dies.
func lockFile(path string, wait bool) (*os.File, error) {
	if err := fault("lock", path); err != nil {
		return nil, err
	}
	const flags = os.O_RDWR | syscall.O_NOFOLLOW | syscall.O_CLOEXEC | syscall.O_NONBLOCK
	created := true
	f, err := os.OpenFile(path, flags|os.O_CREATE|os.O_EXCL, filePerm)
	if errors.Is(err, os.ErrExist) {
		created = false
		f, err = os.OpenFile(path, flags, 0)
	}
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, fmt.Errorf("%s is a symbolic link; a store's lock file must be a regular file, so remove the link", path)
		}
		return nil, err
	}
	if err := checkLockFile(f, path); err != nil {
		f.Close()
		return nil, err
	}
	if created {
		if err := f.Chmod(filePerm); err != nil { // fchmod: 0644 whatever the umask
			f.Close()
			return nil, err
		}
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	if err := flock(f, how); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// probeLock reports whether a live writer holds the lock at path, without
// creating, changing or keeping anything: it opens an existing lock file
// read-only and takes and drops a shared lock at once. A missing or odd
// lock file means no writer.
func probeLock(path string) (held bool) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if checkLockFile(f, path) != nil {
		return false
	}
	return errors.Is(flock(f, syscall.LOCK_SH|syscall.LOCK_NB), errLocked)
}

// checkLockFile refuses a lock path that is not a plain file of the
// store's: a FIFO or device (opened without blocking above), or a hard
// link to a file elsewhere.
func checkLockFile(f *os.File, path string) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file (%v); a store's lock file must be one, so remove it", path, fi.Mode().Type())
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Nlink > 1 {
		return fmt.Errorf("%s has %d hard links; a store's lock file must have one, so remove it", path, st.Nlink)
	}
	return nil
}

func flock(f *os.File, how int) error {
	raw, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	cerr := raw.Control(func(fd uintptr) {
		for {
			ferr = syscall.Flock(int(fd), how)
			if !errors.Is(ferr, syscall.EINTR) {
				return
			}
		}
	})
	if cerr != nil {
		return cerr
	}
	if errors.Is(ferr, syscall.EWOULDBLOCK) {
		return errLocked
	}
	return ferr
}

// unlock releases a lock from lockFile (closing the file releases it).
func unlock(f *os.File) {
	if f != nil {
		f.Close()
	}
}
