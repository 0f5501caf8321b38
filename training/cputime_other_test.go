//go:build !unix

package training

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
