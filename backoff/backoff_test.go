package backoff

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestDelay(t *testing.T) {
	const s = time.Second
	for _, tc := range []struct {
		p        Policy
		n        int
		min, max time.Duration
	}{
		{Policy{Base: s, Max: 30 * s, Jitter: None}, 0, s, s},
		{Policy{Base: s, Max: 30 * s, Jitter: None}, 3, 8 * s, 8 * s},
		{Policy{Base: s, Max: 30 * s, Jitter: None}, 5, 30 * s, 30 * s},   // capped
		{Policy{Base: s, Max: 30 * s, Jitter: None}, 500, 30 * s, 30 * s}, // no overflow
		{Policy{Base: s, Max: 30 * s}, 2, 2 * s, 4 * s},                   // equal: [d/2, d]
		{Policy{Base: s, Max: 30 * s, Jitter: Full}, 2, 0, 4 * s},         // full: [0, d]
		{Policy{Base: 0, Max: 30 * s}, 3, 0, 0},
		{Policy{Base: s, Max: 0}, 3, 0, 0},
	} {
		var lo, hi time.Duration = 1 << 62, -1
		for i := 0; i < 2000; i++ {
			d := tc.p.Delay(tc.n)
			lo, hi = min(lo, d), max(hi, d)
		}
		if lo < tc.min || hi > tc.max {
			t.Errorf("%+v.Delay(%d) in [%v, %v], want within [%v, %v]", tc.p, tc.n, lo, hi, tc.min, tc.max)
		}
		// jitter spreads the delays over most of their range
		if tc.max > tc.min && hi-lo < (tc.max-tc.min)*8/10 {
			t.Errorf("%+v.Delay(%d) spread over [%v, %v] only, want most of [%v, %v]", tc.p, tc.n, lo, hi, tc.min, tc.max)
		}
	}
}

// TestUntil: retryable errors are waited out, others and a cancelled
// context return at once.
func TestUntil(t *testing.T) {
	down := errors.New("connection refused")
	broken := errors.New("authentication failed")
	p := Policy{Base: time.Millisecond, Max: 2 * time.Millisecond, Jitter: None}
	retryable := func(err error) bool { return errors.Is(err, down) }
	for _, tc := range []struct {
		name    string
		fails   []error // errors before success
		cancel  bool
		want    error
		calls   int
		retries int
	}{
		{"first try", nil, false, nil, 1, 0},
		{"an outage is waited out", []error{down, down, down}, false, nil, 4, 3},
		{"another error returns", []error{down, broken}, false, broken, 2, 1},
		{"a cancelled context returns", []error{down, down, down, down, down}, true, context.Canceled, 1, 1},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		calls, retries := 0, 0
		err := Until(ctx, p, func(context.Context) error {
			calls++
			if calls <= len(tc.fails) {
				return tc.fails[calls-1]
			}
			return nil
		}, retryable, func(int, error, time.Duration) {
			retries++
			if tc.cancel {
				cancel()
			}
		})
		cancel()
		if !errors.Is(err, tc.want) && !(err == nil && tc.want == nil) || calls != tc.calls || retries != tc.retries {
			t.Errorf("%s: err %v, %d calls, %d retries; want %v, %d, %d", tc.name, err, calls, retries, tc.want, tc.calls, tc.retries)
		}
	}
}
