package store

import "context"

// SetRecorderInsert replaces how r writes a batch, so that a test can
// play an insert whose answer is lost.
func SetRecorderInsert(r *RunRecorder, insert func(ctx context.Context, runs []CollectorRun) error) {
	r.insert = insert
}
