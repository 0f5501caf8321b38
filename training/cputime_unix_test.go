//go:build unix

package training

import (
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time: a step measure that
// other processes on a busy machine disturb less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
