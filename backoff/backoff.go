// Package backoff computes retry delays: capped exponential backoff, with
// jitter so that many clients retrying at once spread out. The collectors'
// HTTP client (ingest/fetch), the Kafka consumers (stream) and the alert
// outbox take their delays from here.
package backoff

import (
	"context"
	"math/rand/v2"
	"time"
)

// Jitter is how a delay is randomised.
type Jitter int

// Jitters (the names of "Exponential Backoff And Jitter", AWS
// Architecture Blog, 2015).
const (
	// Equal jitter: half the delay fixed, half uniformly random, so
	// retries spread out but none comes sooner than half the delay.
	Equal Jitter = iota
	// Full jitter: uniformly random between zero and the delay.
	Full
	// None: the delay itself, for schedules that are stored and read
	// back (the alert outbox's next attempt).
	None
)

// Policy is a capped exponential backoff: before retry n (0-based) it
// waits Base·2ⁿ, at most Max, jittered.
type Policy struct {
	Base, Max time.Duration
	Jitter    Jitter
}

// Delay returns the wait before retry n (0-based). A Base of zero or less
// gives no wait.
func (p Policy) Delay(n int) time.Duration {
	d := p.Base
	for i := 0; i < n && d < p.Max; i++ {
		d *= 2
	}
	if d > p.Max {
		d = p.Max
	}
	if d <= 0 {
		return 0
	}
	switch p.Jitter {
	case Full:
		return rand.N(d + 1)
	case None:
		return d
	}
	half := d / 2
	return half + rand.N(half+1)
}

// Until calls fn until it succeeds, waiting p.Delay(n) before retry n
// while retryable says the error is worth waiting out (a dependency that
// is down); any other error, or ctx ending, returns at once. onRetry, when
// not nil, hears about each failure before the wait (to log it, to mark a
// readiness check).
func Until(ctx context.Context, p Policy, fn func(context.Context) error, retryable func(error) bool, onRetry func(attempt int, err error, wait time.Duration)) error {
	for attempt := 0; ; attempt++ {
		err := fn(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if retryable != nil && !retryable(err) {
			return err
		}
		d := p.Delay(attempt)
		if onRetry != nil {
			onRetry(attempt, err, d)
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}
