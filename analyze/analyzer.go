package analyze

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stream"
)

// Pipeline runs every tagger over a mention. It is safe for concurrent use.
type Pipeline struct {
	taggers []Tagger
	version string
	// docs holds normalised documents for reuse: the taggers keep no
	// document past Tag, so its tokens' storage serves the next mention.
	docs sync.Pool
}

// maxPooledTokens bounds the token storage a pooled document keeps, so
// that one very long post does not pin its tokens for good.
const maxPooledTokens = 1 << 12

// Options configure the default pipeline.
type Options struct {
	// Catalog configures attribution and partisanship (watch lists, actors,
	// account registry). Nil means the embedded Samarinda default.
	Catalog *CatalogConfig
}

// NewPipeline builds the pipeline with every tagger Dengar ships.
func NewPipeline(opts Options) (*Pipeline, error) {
	var ts []Tagger
	mt, err := modelTaggers()
	if err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	ts = append(ts, mt...)
	ct, err := catalogTaggers(opts.Catalog)
	if err != nil {
		return nil, fmt.Errorf("load catalog: %w", err)
	}
	ts = append(ts, ct...)
	return NewPipelineOf(ts...), nil
}

// NewPipelineOf builds a pipeline of the given taggers, in order.
func NewPipelineOf(ts ...Tagger) *Pipeline {
	names := make([]string, 0, len(ts))
	for _, t := range ts {
		names = append(names, t.Name())
	}
	v := modelVersion()
	if v == "" {
		v = "none"
	}
	return &Pipeline{taggers: ts, version: v}
}

// Version is the model version written into every tagged mention.
func (p *Pipeline) Version() string { return p.version }

// Taggers lists the tagger names, in order.
func (p *Pipeline) Taggers() []string {
	out := make([]string, len(p.taggers))
	for i, t := range p.taggers {
		out[i] = t.Name()
	}
	return out
}

// Tag normalises m's title and text once and runs every tagger.
func (p *Pipeline) Tag(m *mention.Mention) {
	text := m.Text
	if m.Title != "" {
		text = strings.TrimSpace(m.Title + "\n" + m.Text)
	}
	d, _ := p.docs.Get().(*normalize.Doc)
	if d == nil {
		d = new(normalize.Doc)
	}
	normalize.TextInto(d, text)
	m.Tags = mention.Tags{}
	for _, t := range p.taggers {
		t.Tag(m, d)
	}
	m.Model = p.version
	if cap(d.Tokens) <= maxPooledTokens {
		p.docs.Put(d)
	}
}

var (
	metricTagged = promauto.NewCounter(prometheus.CounterOpts{
		Name: "dengar_analyze_mentions_tagged_total",
		Help: "Mentions tagged and written to the tagged topic.",
	})
	metricTagSeconds = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "dengar_analyze_batch_tag_seconds",
		Help:    "Time to tag one consumed batch (all taggers, all workers).",
		Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
	})
)

// tagBlock is how many mentions a tagging worker takes at a time: small
// enough that the workers of a 2000-message batch end together, large
// enough that the block's encoding fills one shared buffer.
const tagBlock = 128

// Analyzer is the `analyze` role: it consumes raw mentions as consumer group
// "<group>-analyze", tags them and produces them to the tagged topic. Input
// offsets are committed only after the tagged batch is acknowledged by
// Kafka. Undecodable messages go to the dead-letter topic.
type Analyzer struct {
	pipeline *Pipeline
	consumer *stream.Consumer
	out      *stream.Writer
	dlq      *stream.DeadLetters
	workers  int
}

// AnalyzerOption configures NewAnalyzer.
type AnalyzerOption func(*Analyzer)

// WithWorkers sets how many goroutines tag a batch in parallel
// (default GOMAXPROCS).
func WithWorkers(n int) AnalyzerOption {
	return func(a *Analyzer) {
		if n > 0 {
			a.workers = n
		}
	}
}

// NewAnalyzer wires the role. out writes the tagged topic, dlq the
// dead-letter topic.
func NewAnalyzer(p *Pipeline, cfg stream.Config, out, dlq *stream.Writer, opts ...AnalyzerOption) *Analyzer {
	cfg.Defaults()
	a := &Analyzer{
		pipeline: p,
		out:      out,
		dlq:      stream.NewDeadLetters(dlq, "analyze"),
		workers:  runtime.GOMAXPROCS(0),
	}
	for _, o := range opts {
		o(a)
	}
	// The next batch is tagged while the last one is produced and
	// committed (in order, each after the one before is acknowledged).
	a.consumer = stream.NewConsumer(cfg, "analyze", cfg.Topics.Raw, stream.WithBatch(2000, 50*time.Millisecond),
		stream.WithPrepare(a.prepare))
	return a
}

// Run consumes until ctx is done.
func (a *Analyzer) Run(ctx context.Context) error {
	return a.consumer.Run(ctx, a.handle)
}

// handle tags and produces a batch (the consumer's ordinary path).
func (a *Analyzer) handle(ctx context.Context, msgs []kafka.Message) error {
	deliver, err := a.prepare(ctx, msgs)
	if err != nil {
		return err
	}
	return deliver(ctx)
}

// prepare decodes, tags and encodes a batch; deliver produces it to the
// tagged topic. Undecodable messages are dead-lettered here.
func (a *Analyzer) prepare(ctx context.Context, msgs []kafka.Message) (deliver func(context.Context) error, err error) {
	ms, err := stream.DecodeBatch(ctx, msgs, a.dlq)
	if err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	start := clock.Now()
	// Workers take blocks of the batch from a shared counter rather than
	// one fixed share each: on a shared box one worker's share can stall
	// behind a preempted thread while the other core idles. Each worker
	// tags its block and encodes it (encoding is as much CPU as decoding:
	// it belongs on every core too); the block's messages keep their
	// place, so the output order is the input order.
	out := make([]kafka.Message, len(ms))
	workers := min(a.workers, (len(ms)+tagBlock-1)/tagBlock)
	errs := make([]error, workers)
	panics := make([]any, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// A tagger's panic is re-raised in the handler's goroutine,
			// where the consumer turns it into the batch's error (and,
			// split down to the message at fault, a dead letter).
			defer func() { panics[w] = recover() }()
			for {
				lo := int(next.Add(tagBlock)) - tagBlock
				if lo >= len(ms) {
					return
				}
				hi := min(lo+tagBlock, len(ms))
				for i := lo; i < hi; i++ {
					a.pipeline.Tag(&ms[i])
				}
				part, err := stream.EncodeMessages(ms[lo:hi])
				if err != nil {
					errs[w] = err
					return
				}
				copy(out[lo:hi], part)
			}
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
	metricTagSeconds.Observe(clock.Since(start).Seconds())
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("analyze: %w", err)
		}
	}
	return func(ctx context.Context) error {
		if err := a.out.WriteMessages(ctx, out...); err != nil {
			return fmt.Errorf("analyze: %w", err)
		}
		metricTagged.Add(float64(len(out)))
		return nil
	}, nil
}
