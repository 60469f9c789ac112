// Package ingest collects public mentions from their sources and hands them
// to an Emitter (in production, the Kafka producer writing
// dengar.mentions.raw). Every way into the raw topic — the configured
// collectors, file imports, the demo corpus and the simulator — is a Source
// run by the Runner, which normalises each mention, fills the author from
// the account registry, applies the watch filter, assigns story ids,
// validates, emits, and only then saves the source's checkpoint.
//
// A source is either a Puller (Telegraf-style: the runner calls Pull on the
// source's interval with the cursor it saved last) or a Pusher (the webhook:
// it serves and hands the runner what it receives).
package ingest

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dengar-id/dengar/mention"
)

// Emitter receives collected mentions. Emit returns only after the batch is
// durably accepted (acknowledged by Kafka); the runner saves a checkpoint
// only after a successful Emit.
type Emitter interface {
	Emit(ctx context.Context, ms []mention.Mention) error
}

// EmitterFunc adapts a function to Emitter.
type EmitterFunc func(ctx context.Context, ms []mention.Mention) error

// Emit calls f.
func (f EmitterFunc) Emit(ctx context.Context, ms []mention.Mention) error { return f(ctx, ms) }

// Batch is what one Pull returns.
type Batch struct {
	// Mentions are the new mentions, in the source's order.
	Mentions []mention.Mention
	// Malformed are items the source could not turn into mentions: the
	// runner counts them (reason "malformed") and hands those with a raw
	// form to its dead-letter hook.
	Malformed []Malformed
	// More asks the runner to call Pull again within the same pass, after
	// this batch is emitted and checkpointed (a large file read in chunks).
	More bool
}

// Malformed is one item a source could not turn into a mention.
type Malformed struct {
	// Raw is the item as read (a file line); nil when the source has no
	// raw form worth keeping (an API item missing its id).
	Raw []byte
	// Err says why.
	Err error
}

// Puller is a pull source whose checkpoint (cursor) has type C. Pull
// fetches what is new after *cur and moves *cur past exactly what it
// returns; the runner emits the batch and saves *cur only after Kafka
// acknowledged it, so a failed emit or a crash repeats the batch (ids are
// stable: duplicates collapse downstream) and never skips it.
//
// A Pull that fails part-way returns what it got, with *cur describing
// exactly that, and the error: the runner still emits and checkpoints the
// batch, then reports the error. C is stored as JSON under the source's
// name; Pull starts from C's zero value when nothing was saved.
type Puller[C any] interface {
	Pull(ctx context.Context, cur *C) (Batch, error)
}

// PullFunc adapts a function to Puller.
type PullFunc[C any] func(ctx context.Context, cur *C) (Batch, error)

// Pull calls f.
func (f PullFunc[C]) Pull(ctx context.Context, cur *C) (Batch, error) { return f(ctx, cur) }

// Pusher is a push source (the webhook): Serve receives mentions until ctx
// ends and hands every received batch to emit, which runs it through the
// runner (normalise, registry, watch filter, story id, validation) and
// returns once Kafka acknowledged it, so the sender is acknowledged only
// then. A push source keeps no checkpoint: its senders retry.
type Pusher interface {
	Serve(ctx context.Context, emit Emitter) error
}

// PushFunc adapts a function to Pusher.
type PushFunc func(ctx context.Context, emit Emitter) error

// Serve calls f.
func (f PushFunc) Serve(ctx context.Context, emit Emitter) error { return f(ctx, emit) }

// Source is one built source as the runner runs it; make it with Pull or
// Push.
type Source struct {
	pull func(ctx context.Context, cursor []byte) (b Batch, next []byte, err error)
	push Pusher
}

// Pull wraps a pull source; the runner keeps its cursor as JSON.
func Pull[C any](p Puller[C]) Source {
	return Source{pull: func(ctx context.Context, cursor []byte) (Batch, []byte, error) {
		var cur C
		if len(cursor) > 0 {
			if err := json.Unmarshal(cursor, &cur); err != nil {
				return Batch{}, nil, &CheckpointError{Err: fmt.Errorf("saved cursor is corrupt: %w", err)}
			}
		}
		b, err := p.Pull(ctx, &cur)
		next, merr := json.Marshal(cur)
		if merr != nil {
			return Batch{}, nil, fmt.Errorf("encode cursor: %w", merr)
		}
		return b, next, err
	}}
}

// Push wraps a push source.
func Push(p Pusher) Source { return Source{push: p} }

// Checkpoints persist source cursors (page tokens, since-ids, ETags, file
// offsets) where every collector instance can reach them. Only the runner
// reads and writes them.
type Checkpoints interface {
	// Load returns the saved value for key, or nil when there is none.
	Load(ctx context.Context, key string) ([]byte, error)
	// Save stores value for key durably.
	Save(ctx context.Context, key string, value []byte) error
}
