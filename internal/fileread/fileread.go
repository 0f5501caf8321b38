package fileread

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrTooLarge is wrapped by the error of a read that passed its limit.
var ErrTooLarge = errors.New("file too large")

// ErrNotRegular is wrapped by the error for a path that is not a regular
// file (a directory, a named pipe, a device, a socket).
var ErrNotRegular = errors.New("not a regular file")

// File is an open regular file whose reads end with an error once more
// than its limit has been read.
type File struct {
	f     *os.File
	r     io.Reader
	limit int64
	read  int64
}

// Open opens path for reading if it is a regular file. The open does not
// block on a named pipe (it is refused), and symbolic links are followed
// only when follow is true. Reads through the File fail with ErrTooLarge
// past limit bytes.
func Open(path string, limit int64, follow bool) (*File, error) {
	f, err := openNonBlocking(path, follow)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s is %s, %w; give a file", path, describe(fi.Mode()), ErrNotRegular)
	}
	if fi.Size() > limit {
		f.Close()
		return nil, tooLarge(path, limit)
	}
	if err := clearNonBlocking(f); err != nil {
		f.Close()
		return nil, err
	}
	return &File{f: f, r: f, limit: limit}, nil
}

// Read reads up to the limit; a byte past it is ErrTooLarge (a file that
// grew after Open).
func (b *File) Read(p []byte) (int, error) {
	if int64(len(p)) > b.limit-b.read+1 {
		p = p[:b.limit-b.read+1]
	}
	n, err := b.r.Read(p)
	b.read += int64(n)
	if b.read > b.limit {
		return n - int(b.read-b.limit), tooLarge(b.f.Name(), b.limit)
	}
	return n, err
}

// Close closes the file.
func (b *File) Close() error { return b.f.Close() }

// Name is the path given to Open.
func (b *File) Name() string { return b.f.Name() }

// ReadFile reads a whole regular file of at most limit bytes.
func ReadFile(path string, limit int64, follow bool) ([]byte, error) {
	f, err := Open(path, limit, follow)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func tooLarge(path string, limit int64) error {
	return fmt.Errorf("%s is larger than the limit of %s: %w", path, Size(limit), ErrTooLarge)
}

// Size formats a byte count for messages: 64 MiB, 1.5 GiB, 512 bytes.
func Size(n int64) string {
	const k = 1024
	switch {
	case n >= k*k*k:
		return trim(float64(n)/(k*k*k)) + " GiB"
	case n >= k*k:
		return trim(float64(n)/(k*k)) + " MiB"
	case n >= k:
		return trim(float64(n)/k) + " KiB"
	}
	return fmt.Sprintf("%d bytes", n)
}

func trim(v float64) string { return fmt.Sprintf("%.3g", v) }

func describe(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a regular file"
}
