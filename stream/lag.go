package stream

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/segmentio/kafka-go"
)

// lagPoller measures a group's lag on a topic from the broker itself: the
// end offset of every partition minus the group's committed offset (or
// the partition's start when nothing is committed). kafka-go's Reader.Lag
// is -1 for consumer groups, and a lag counted from fetched messages
// stops growing exactly when the consumer stops fetching.
type lagPoller struct {
	client       *kafka.Client
	group, topic string
}

func newLagPoller(cfg Config, group, topic string) *lagPoller {
	return &lagPoller{
		client: &kafka.Client{Addr: kafka.TCP(cfg.Brokers...), Timeout: 5 * time.Second},
		group:  group,
		topic:  topic,
	}
}

// ping asks the broker for the topic's metadata: nil when it answers.
func (p *lagPoller) ping(ctx context.Context) error {
	_, err := p.partitions(ctx)
	return err
}

func (p *lagPoller) partitions(ctx context.Context) ([]int, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	md, err := p.client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{p.topic}})
	if err != nil {
		return nil, err
	}
	for _, t := range md.Topics {
		if t.Name != p.topic {
			continue
		}
		if t.Error != nil {
			return nil, fmt.Errorf("topic %s: %w", p.topic, t.Error)
		}
		ids := make([]int, len(t.Partitions))
		for i, part := range t.Partitions {
			ids[i] = part.ID
		}
		return ids, nil
	}
	return nil, fmt.Errorf("topic %s: not in the broker's metadata", p.topic)
}

// poll returns the group's total lag on the topic.
func (p *lagPoller) poll(ctx context.Context) (int64, error) {
	ids, err := p.partitions(ctx)
	if err != nil {
		return 0, err
	}
	reqs := make([]kafka.OffsetRequest, 0, 2*len(ids))
	for _, id := range ids {
		reqs = append(reqs, kafka.FirstOffsetOf(id), kafka.LastOffsetOf(id))
	}
	lo, err := p.client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{p.topic: reqs}})
	if err != nil {
		return 0, fmt.Errorf("list offsets: %w", err)
	}
	of, err := p.client.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: p.group, Topics: map[string][]int{p.topic: ids}})
	if err != nil {
		return 0, fmt.Errorf("committed offsets: %w", err)
	}
	if of.Error != nil && !errors.Is(of.Error, kafka.GroupIdNotFound) { // no group yet: nothing committed
		return 0, fmt.Errorf("committed offsets: %w", of.Error)
	}
	committed := map[int]int64{}
	for _, pt := range of.Topics[p.topic] {
		if pt.Error != nil {
			return 0, fmt.Errorf("committed offset of partition %d: %w", pt.Partition, pt.Error)
		}
		committed[pt.Partition] = pt.CommittedOffset
	}
	var lag int64
	for _, po := range lo.Topics[p.topic] {
		if po.Error != nil {
			return 0, fmt.Errorf("offsets of partition %d: %w", po.Partition, po.Error)
		}
		at, ok := committed[po.Partition]
		if !ok || at < 0 || at < po.FirstOffset {
			at = po.FirstOffset
		}
		lag += max(0, po.LastOffset-at)
	}
	return lag, nil
}

// GroupLag returns how many messages of topic the consumer group
// cfg.Group+"-"+role has not committed yet (for tools and tests).
func GroupLag(ctx context.Context, cfg Config, role, topic string) (int64, error) {
	cfg.Defaults()
	if len(cfg.Brokers) == 0 {
		return 0, errors.New("group lag: no brokers configured")
	}
	return newLagPoller(cfg, cfg.Group+"-"+role, topic).poll(ctx)
}
