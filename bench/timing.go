package main

import (
	"fmt"
	"syscall"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
)

// Cost is what a block of steps took: wall time, and CPU time (user +
// system) of the process that ran them. On a shared machine the CPU time
// is the steadier of the two: other processes stretch the wall time.
type Cost struct {
	Wall, CPU time.Duration
}

// Contender is one implementation in a side-by-side timing: Block runs n
// training steps and returns what they cost.
type Contender struct {
	Name  string
	Block func(n int) (Cost, error)

	perBlock  int
	wall, cpu []float64 // ms/step of each block
	steps     int
}

// Timing is a contender's median block means in ms/step.
type Timing struct {
	Wall, CPU float64
	Steps     int
}

// Interleave times the contenders side by side: it sizes one block per
// contender from a single timed step (at least minBlock long, at least one
// step), then runs rounds of one block each, in turn, so that a burst of load
// from other processes lands on every contender rather than on one. It
// returns each contender's median block means, in input order.
func Interleave(cs []*Contender, rounds int, minBlock time.Duration) ([]Timing, error) {
	for _, c := range cs {
		d, err := c.Block(1)
		if err != nil {
			return nil, fmt.Errorf("bench: %s: %w", c.Name, err)
		}
		c.perBlock = max(1, int(minBlock/max(d.Wall, time.Microsecond)))
		c.steps = 1
	}
	perStep := func(d time.Duration, n int) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	for range max(1, rounds) {
		for _, c := range cs {
			d, err := c.Block(c.perBlock)
			if err != nil {
				return nil, fmt.Errorf("bench: %s: %w", c.Name, err)
			}
			c.wall = append(c.wall, perStep(d.Wall, c.perBlock))
			c.cpu = append(c.cpu, perStep(d.CPU, c.perBlock))
			c.steps += c.perBlock
		}
	}
	out := make([]Timing, len(cs))
	for i, c := range cs {
		out[i] = Timing{Wall: history.Median(c.wall), CPU: history.Median(c.cpu), Steps: c.steps}
	}
	return out, nil
}

// processCPU is this process's user + system CPU time so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
