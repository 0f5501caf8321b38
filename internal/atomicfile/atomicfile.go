package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Write replaces the file at path with data. It writes a temporary file in
// path's directory and renames it over path, so a reader sees the old
// content or the new, whole, never part of it; on an error path is left as
// it was and the temporary file is removed.
//
// The file gets perm exactly, whatever the umask: the mode is set on the
// open temporary file, so nothing else is ever chmod'ed. A symbolic link
// or named pipe at path is replaced by the file, never written through,
// and a link's target stays as it was (the stance of runstore, which
// follows no link). The directory must exist. Write does not sync: the
// file is whole for readers, not durable through a power cut.
//
// The error is the operating system's, naming the temporary file or path,
// as os.WriteFile's does; callers say what to change.
func Write(path string, data []byte, perm fs.FileMode) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
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
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
