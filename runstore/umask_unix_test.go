//go:build unix

package runstore

import "syscall"

func umask(m int) int { return syscall.Umask(m) }
