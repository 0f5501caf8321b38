//go:build !unix

package fileread

import "os"

// openNonBlocking opens path; outside Unix named pipes and devices are not
// reachable through ordinary paths, and links are followed.
func openNonBlocking(path string, follow bool) (*os.File, error) {
	return os.Open(path)
}

func clearNonBlocking(*os.File) error { return nil }
