// Command dengar is Dengar's one binary: every pipeline role (collect,
// analyze, sink, alert, report) is a subcommand, and `dengar run` starts them
// all in one process for a single machine. This package only parses flags,
// loads configuration and wires stages together; the logic lives in the
// stage packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := rootCmd.ExecuteContext(ctx); err != nil {
		if !errors.Is(err, errSilent) {
			fmt.Fprintln(os.Stderr, "dengar:", err)
		}
		os.Exit(1)
	}
}

// errSilent is returned by commands that already printed their failure.
var errSilent = errors.New("failed")
