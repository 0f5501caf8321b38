//go:build !unix

package runstore

import "os"

// lockFile only creates the file where flock is not available: the store
// then relies on mkdir's exclusivity alone (see the package doc).
func lockFile(path string, wait bool) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE, filePerm)
}

func unlock(f *os.File) {
	if f != nil {
		f.Close()
	}
}
