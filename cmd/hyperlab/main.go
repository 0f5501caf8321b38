// Command hyperlab trains, sweeps and reports on hyperparameters from the
// command line; see doc.go.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
