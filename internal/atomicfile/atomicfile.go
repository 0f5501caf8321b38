package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// Write replaces the file at path with data. It writes a temporary file in
// path's directory and renames it over path, so a reader sees the old
// content or the new, whole, never part of it; on an error path is left as
// it was and the temporary file is removed.
//
// The file gets perm as the umask allows, as os.WriteFile gives a new file
// (the temporary file is created with it; nothing is ever chmod'ed). A
// symbolic link or named pipe at path is replaced by the file, never
// written through, and a link's target stays as it was (the stance of
// runstore, which follows no link). The directory must exist. Write does not sync: the
// file is whole for readers, not durable through a power cut.
//
// The error is the operating system's, naming the temporary file or path,
// as os.WriteFile's does; callers say what to change.
func Write(path string, data []byte, perm fs.FileMode) (err error) {
	f, err := createTemp(filepath.Dir(path), perm)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close() // a second Close after a failed one only returns an error
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// createTemp creates a new file in dir for writing, with perm as the umask
// allows, under a name no file had (os.CreateTemp's, whose mode is 0600).
func createTemp(dir string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, ".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("no free temporary file name in %s", dir)
}
