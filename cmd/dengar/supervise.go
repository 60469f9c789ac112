package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/dengar-id/dengar/backoff"
	"github.com/dengar-id/dengar/health"
	"github.com/dengar-id/dengar/stream"
)

// roleGroup runs the roles of one process, each until the group's context
// ends. A role that returns while the process is running — with an error
// or without one — stops the others, and its reason becomes the process's
// error (a non-zero exit): no role stops silently while the rest go on.
type roleGroup struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	failed chan struct{}

	once sync.Once
	err  error
}

func newRoleGroup(parent context.Context) *roleGroup {
	ctx, cancel := context.WithCancel(parent)
	return &roleGroup{ctx: ctx, cancel: cancel, failed: make(chan struct{})}
}

// Go starts role name.
func (g *roleGroup) Go(name string, run func(context.Context) error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		err := run(g.ctx)
		if g.ctx.Err() != nil {
			if err != nil && !errors.Is(err, context.Canceled) {
				slog.Warn("role stopped with an error during shutdown", "role", name, "err", err)
			}
			return
		}
		if err == nil {
			err = errors.New("stopped while the process was running")
		}
		g.fail(fmt.Errorf("%s: %w", name, err))
	}()
}

func (g *roleGroup) fail(err error) {
	g.once.Do(func() {
		g.err = err
		slog.Error("role stopped; stopping the others", "err", err)
		close(g.failed)
		g.cancel()
	})
}

// Failed is closed when a role stopped on its own.
func (g *roleGroup) Failed() <-chan struct{} { return g.failed }

// Stop stops every role, waits for them and returns the reason the first
// one stopped on its own, if any.
func (g *roleGroup) Stop() error {
	g.cancel()
	g.wg.Wait()
	return g.err
}

// untilUp runs fn until it succeeds, waiting out an outage of what (its
// errors that stream.IsUnavailable calls outages: refused, reset, timed
// out) with backoff and reporting it on the readiness check role/what;
// other errors, or ctx ending, return at once.
func untilUp(ctx context.Context, role, what string, fn func(context.Context) error) error {
	chk := health.Default.Check(role, what)
	err := backoff.Until(ctx, backoff.Policy{Base: 200 * time.Millisecond, Max: 5 * time.Second}, fn, stream.IsUnavailable,
		func(attempt int, err error, wait time.Duration) {
			chk.Set(err)
			if attempt%10 == 0 {
				slog.Warn(what+" unreachable; waiting for it", "role", role, "retry_in", wait, "err", err)
			}
		})
	if err == nil {
		chk.OK()
	}
	return err
}
