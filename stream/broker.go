package stream

import (
	"fmt"

	"github.com/twmb/franz-go/pkg/kfake"
)

// Broker is an embedded Kafka-protocol broker (franz-go's kfake) for
// development and single-machine mode. Clients reach it over TCP like any
// Kafka cluster.
type Broker struct {
	cluster *kfake.Cluster
}

// BrokerOption configures StartBroker.
type BrokerOption func(*brokerConfig)

type brokerConfig struct {
	port    int
	dataDir string
}

// WithPort listens on the given TCP port (0, the default, picks a free one).
func WithPort(port int) BrokerOption { return func(c *brokerConfig) { c.port = port } }

// WithDataDir keeps topics, data and consumer offsets in dir, so that a
// restarted broker loses nothing. Without it everything lives in memory.
func WithDataDir(dir string) BrokerOption { return func(c *brokerConfig) { c.dataDir = dir } }

// StartBroker starts a single-node broker on 127.0.0.1.
func StartBroker(opts ...BrokerOption) (*Broker, error) {
	var c brokerConfig
	for _, o := range opts {
		o(&c)
	}
	kopts := []kfake.Opt{
		kfake.NumBrokers(1),
		kfake.Ports(c.port),
		kfake.DefaultNumPartitions(3),
		kfake.ListenFn(listenLoopback),
	}
	if c.dataDir != "" {
		kopts = append(kopts, kfake.DataDir(c.dataDir))
	}
	cl, err := kfake.NewCluster(kopts...)
	if err != nil {
		return nil, fmt.Errorf("start embedded broker: %w", err)
	}
	return &Broker{cluster: cl}, nil
}

// Addrs are the broker's bootstrap addresses.
func (b *Broker) Addrs() []string { return b.cluster.ListenAddrs() }

// Close stops the broker, flushing its state to the data dir if any.
func (b *Broker) Close() { b.cluster.Close() }
