// Package ingest collects public mentions from their sources and hands them
// to an Emitter (in production, the Kafka producer writing
// dengar.mentions.raw). Each source is a sub-package behind the Collector
// interface, in the spirit of Telegraf's input plugins.
package ingest

import (
	"context"

	"github.com/dengar-id/dengar/mention"
)

// Emitter receives collected mentions. Emit returns only after the batch is
// durably accepted (acknowledged by Kafka), so that a collector may advance
// its checkpoint after a successful Emit.
type Emitter interface {
	Emit(ctx context.Context, ms []mention.Mention) error
}

// EmitterFunc adapts a function to Emitter.
type EmitterFunc func(ctx context.Context, ms []mention.Mention) error

// Emit calls f.
func (f EmitterFunc) Emit(ctx context.Context, ms []mention.Mention) error { return f(ctx, ms) }

// Collector is one source instance. Collect performs one pass: it fetches
// what is new since its checkpoint, emits it, saves the checkpoint and
// returns. The runner calls it again after the source's interval.
type Collector interface {
	// Name identifies the instance in logs, metrics and checkpoints
	// ("rss:kaltimpost", "youtube:probebaya").
	Name() string
	// Collect runs one pass.
	Collect(ctx context.Context, emit Emitter) error
}

// Checkpoints persist collector cursors (page tokens, since-ids, ETags)
// where every collector instance can reach them.
type Checkpoints interface {
	// Load returns the saved value for key, or nil when there is none.
	Load(ctx context.Context, key string) ([]byte, error)
	// Save stores value for key durably.
	Save(ctx context.Context, key string, value []byte) error
}
