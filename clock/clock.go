// Package clock is Dengar's one wall clock.
//
// Code that needs the current time takes a `Now func() time.Time` from its
// options or deps and defaults it to [Now], so that a test can set it. No
// other package reads the wall clock directly (TestOneClock in this package
// enforces that over the whole module).
//
// Built with the tag dengar_clockshift, [Now] runs years ahead of the real
// clock (see shift_on.go). `make test` runs the suite a second time that way:
// a test that only passes near the date it was written — fixed dates in a
// fixture read through a default clock — fails there on the day it is
// written, not weeks later in everyone's CI.
package clock

import "time"

// Now returns the current time, shifted by the guard offset in a
// dengar_clockshift build and unshifted otherwise.
func Now() time.Time {
	if shift == 0 {
		return time.Now()
	}
	return time.Now().Add(shift)
}

// Since returns the time elapsed since t by this clock: use it for
// durations (latency metrics, deadlines) so they stay consistent with Now.
func Since(t time.Time) time.Duration { return Now().Sub(t) }

// Shift reports how far Now runs ahead of the real clock (zero unless the
// binary was built with the dengar_clockshift tag).
func Shift() time.Duration { return shift }
