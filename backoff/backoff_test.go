package backoff

import (
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
