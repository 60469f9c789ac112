// Package stream is Dengar's Kafka plumbing, shared by every stage: topic
// creation, a batching producer, a consumer loop that commits offsets only
// after its output is durable, the dead-letter topic, and the embedded
// Kafka-protocol broker for single-machine mode. Clients use
// github.com/segmentio/kafka-go over TCP.
package stream

import "time"

// Config is the `kafka` section of the configuration.
type Config struct {
	// Brokers are host:port bootstrap addresses. Empty in `dengar run` means
	// "start the embedded broker".
	Brokers []string `yaml:"brokers"`
	// Topics names the three pipeline topics.
	Topics Topics `yaml:"topics"`
	// Partitions is the partition count used when a topic is created.
	Partitions int `yaml:"partitions"`
	// ReplicationFactor is used when a topic is created (1 for dev).
	ReplicationFactor int `yaml:"replication_factor"`
	// BatchSize and BatchTimeout bound producer batches. kafka-go's 1 s
	// default timeout would add a second of latency to every message.
	BatchSize    int           `yaml:"batch_size"`
	BatchTimeout time.Duration `yaml:"batch_timeout"`
	// Group prefixes consumer group ids ("dengar" → "dengar-analyze").
	Group string `yaml:"group"`
	// MaxAttempts is how many times a consumer tries a batch that fails
	// while its output is up before it splits the batch and dead-letters
	// the messages that still fail on their own (outages are retried
	// without end).
	MaxAttempts int `yaml:"max_attempts"`
	// Readiness bounds when a consumer reports ready on /readyz.
	Readiness Readiness `yaml:"readiness"`
}

// Readiness is the `kafka.readiness` section: when a consumer role is ready.
type Readiness struct {
	// MaxLag is the most uncommitted messages a ready consumer may have.
	MaxLag int64 `yaml:"max_lag"`
	// MaxStall is how long a consumer with messages waiting may go
	// without committing a batch and still be ready.
	MaxStall time.Duration `yaml:"max_stall"`
	// PollInterval is how often lag and the output are probed.
	PollInterval time.Duration `yaml:"poll_interval"`
}

// Topics are the pipeline's topic names.
type Topics struct {
	Raw         string `yaml:"raw"`
	Tagged      string `yaml:"tagged"`
	DLQ         string `yaml:"dlq"`
	Checkpoints string `yaml:"checkpoints"`
}

// Defaults fills unset fields with the documented defaults.
func (c *Config) Defaults() {
	if c.Topics.Raw == "" {
		c.Topics.Raw = "dengar.mentions.raw"
	}
	if c.Topics.Tagged == "" {
		c.Topics.Tagged = "dengar.mentions.tagged"
	}
	if c.Topics.DLQ == "" {
		c.Topics.DLQ = "dengar.mentions.dlq"
	}
	if c.Topics.Checkpoints == "" {
		c.Topics.Checkpoints = "dengar.checkpoints"
	}
	if c.Partitions <= 0 {
		c.Partitions = 3
	}
	if c.ReplicationFactor <= 0 {
		c.ReplicationFactor = 1
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 1000
	}
	if c.BatchTimeout <= 0 {
		c.BatchTimeout = 5 * time.Millisecond
	}
	if c.Group == "" {
		c.Group = "dengar"
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = 5
	}
	if c.Readiness.MaxLag <= 0 {
		c.Readiness.MaxLag = 100000
	}
	if c.Readiness.MaxStall <= 0 {
		c.Readiness.MaxStall = 2 * time.Minute
	}
	if c.Readiness.PollInterval <= 0 {
		c.Readiness.PollInterval = 5 * time.Second
	}
}
