package ingest

import (
	"context"
	"sync"
)

// MemoryCheckpoints keep checkpoints in memory: for dry runs, one-off
// imports and tests. Production uses ingest/checkpoint's Kafka store.
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
