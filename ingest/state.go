package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
)

// LoadState reads the JSON checkpoint stored under key into v. ok is false
// when there is none (v is left unchanged).
func LoadState(ctx context.Context, cp Checkpoints, key string, v any) (ok bool, err error) {
	b, err := cp.Load(ctx, key)
	if err != nil {
		return false, &CheckpointError{Err: fmt.Errorf("load %s: %w", key, err)}
	}
	if len(b) == 0 {
		return false, nil
	}
	if err := json.Unmarshal(b, v); err != nil {
		return false, &CheckpointError{Err: fmt.Errorf("%s is corrupt: %w", key, err)}
	}
	return true, nil
}

// SaveState stores v as the JSON checkpoint of key.
func SaveState(ctx context.Context, cp Checkpoints, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode checkpoint %s: %w", key, err)
	}
	if err := cp.Save(ctx, key, b); err != nil {
		return &CheckpointError{Err: fmt.Errorf("save %s: %w", key, err)}
	}
	return nil
}

// MemoryCheckpoints keep checkpoints in memory: for dry runs and tests.
// Production uses ingest/checkpoint's Kafka store.
type MemoryCheckpoints struct {
	mu sync.Mutex
	m  map[string][]byte
}

// NewMemoryCheckpoints returns an empty in-memory store.
func NewMemoryCheckpoints() *MemoryCheckpoints {
	return &MemoryCheckpoints{m: map[string][]byte{}}
}

// Load implements Checkpoints.
func (c *MemoryCheckpoints) Load(_ context.Context, key string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := c.m[key]
	if v == nil {
		return nil, nil
	}
	return append([]byte(nil), v...), nil
}

// Save implements Checkpoints.
func (c *MemoryCheckpoints) Save(_ context.Context, key string, value []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = append([]byte(nil), value...)
	return nil
}
