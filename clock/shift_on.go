//go:build dengar_clockshift

package clock

import (
	"fmt"
	"os"
	"time"
)

// DefaultShift is how far ahead the guard build runs: a little over
// 3 years and 5 months plus 7 hours, so that it crosses years, a leap day,
// months, ISO weeks, the UTC/WITA day boundary and YouTube's Pacific
// quota day from any real date.
const DefaultShift = (3*365+1+153)*24*time.Hour + 7*time.Hour

// shift is DefaultShift, or the Go duration in DENGAR_CLOCK_SHIFT.
var shift = func() time.Duration {
	v := os.Getenv("DENGAR_CLOCK_SHIFT")
	if v == "" {
		return DefaultShift
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		panic(fmt.Sprintf("clock: DENGAR_CLOCK_SHIFT=%q: %v", v, err))
	}
	return d
}()
