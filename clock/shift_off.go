//go:build !dengar_clockshift

package clock

import "time"

// shift is zero in normal builds: Now is the real clock.
const shift time.Duration = 0
