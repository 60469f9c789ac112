package store

import (
	"crypto/rand"
	"encoding/binary"

	"github.com/dengar-id/dengar/clock"
)

// newInsertID returns a non-zero id unique to one insert call: the
// rollup views (migration 0002) remember the insert that first wrote a
// mention id and ignore every later insert of that id.
func newInsertID() uint64 {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return uint64(clock.Now().UnixNano())
	}
	if v := binary.LittleEndian.Uint64(b[:]); v != 0 {
		return v
	}
	return 1
}
