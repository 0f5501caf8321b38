//go:build unix

package atomicfile_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/atomicfile"
)

// The file's mode is perm as the umask allows, as os.WriteFile gives it: a
// user whose umask keeps files private gets a private report.
func TestWriteHonoursTheUmask(t *testing.T) {
	for _, tc := range []struct {
		umask      int
		perm, want os.FileMode
	}{{0o022, 0o644, 0o644}, {0o077, 0o644, 0o600}, {0o077, 0o755, 0o700}, {0o027, 0o755, 0o750}} {
		old := syscall.Umask(tc.umask)
		path := filepath.Join(t.TempDir(), "report.html")
		err := atomicfile.Write(path, []byte("x"), tc.perm)
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != tc.want {
			t.Errorf("umask %03o, perm %v: mode %v, want %v", tc.umask, tc.perm, fi.Mode(), tc.want)
		}
	}
}
