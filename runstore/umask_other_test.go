//go:build !unix

package runstore

func umask(m int) int { return m }
