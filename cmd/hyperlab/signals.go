package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// signalGrace is how long a command may take to stop after Ctrl-C or
// SIGTERM (a training run finishes its step and saves what it has).
const signalGrace = 3 * time.Second

// interruptible returns a context cancelled at the first SIGINT or
// SIGTERM. Cancelling alone cannot stop a command blocked outside the
// context (a read that hangs): if the command has not returned
// signalGrace after the signal, or a second signal comes, the process
// exits with exitFailure and one sentence. So Ctrl-C always ends it.
func interruptible(stderr io.Writer, cmd string) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
			return
		case <-sig:
			cancel()
		}
		select {
		case <-done:
			return
		case s := <-sig:
			fmt.Fprintf(stderr, "hyperlab %s: stopped by a second %v.\n", cmd, s)
		case <-time.After(signalGrace):
			fmt.Fprintf(stderr, "hyperlab %s: interrupted, and it did not stop within %v; stopped.\n", cmd, signalGrace)
		}
		os.Exit(exitFailure)
	}()
	return ctx, func() {
		close(done)
		signal.Stop(sig)
		cancel()
	}
}
