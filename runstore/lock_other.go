//go:build !unix

package runstore

import "os"

// noFollow: no such open flag outside Unix.
const noFollow = 0

// lockFile only creates the file where flock is not available: the store
// then relies on mkdir's exclusivity alone (see the package doc).
func lockFile(path string, wait bool) (*os.File, error) {
	if err := fault("lock", path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, filePerm)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, &os.PathError{Op: "lock", Path: path, Err: os.ErrInvalid}
	}
	return f, nil
}

// probeLock cannot tell a live writer without flock.
func probeLock(string) bool { return false }

func unlock(f *os.File) {
	if f != nil {
		f.Close()
	}
}
