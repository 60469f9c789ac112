// Package file imports mentions from JSON Lines or CSV files: exports of
// other listening tools, hand-collected posts, and Dengar's demo corpus.
package file

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/mention"
)

// Format of an import file.
type Format string

// Supported formats.
const (
	JSONL Format = "jsonl"
	CSV   Format = "csv"
)

// BadLine describes an input line that could not become a mention.
type BadLine struct {
	Line int
	Raw  []byte
	Err  error
}

// Collector imports one file. It is an ingest.Collector whose pass reads the
// whole file; re-importing a file is harmless because ids are stable.
type Collector struct {
	path      string
	format    Format
	chunk     int
	now       func() time.Time
	onBad     func(BadLine)
	progress  func(read, total int64)
	stampKind func(m *mention.Mention)
}

// Option configures New.
type Option func(*Collector)

// WithFormat forces a format; by default it follows the file extension
// (.csv → CSV, anything else → JSON Lines).
func WithFormat(f Format) Option { return func(c *Collector) { c.format = f } }

// WithChunk sets how many mentions are emitted per Emit call (default 1000).
func WithChunk(n int) Option {
	return func(c *Collector) {
		if n > 0 {
			c.chunk = n
		}
	}
}

// WithBadLineHandler receives every line that is not a valid mention (for
// the dead-letter topic and the user's report). Without it bad lines are
// only counted.
func WithBadLineHandler(f func(BadLine)) Option { return func(c *Collector) { c.onBad = f } }

// WithProgress is called as bytes are read (for a progress bar).
func WithProgress(f func(read, total int64)) Option { return func(c *Collector) { c.progress = f } }

// WithAuthorStamp lets the account registry set author kind and org.
func WithAuthorStamp(f func(m *mention.Mention)) Option {
	return func(c *Collector) { c.stampKind = f }
}

// WithClock overrides clock.Now (tests).
func WithClock(now func() time.Time) Option { return func(c *Collector) { c.now = now } }

// New returns a collector for path.
func New(path string, opts ...Option) *Collector {
	c := &Collector{path: path, chunk: 1000, now: clock.Now}
	if strings.HasSuffix(strings.ToLower(path), ".csv") {
		c.format = CSV
	} else {
		c.format = JSONL
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Name implements ingest.Collector.
func (c *Collector) Name() string { return "file:" + c.path }

// Stats summarise one import.
type Stats struct {
	Lines, Emitted, Bad int
}

// Collect implements ingest.Collector.
func (c *Collector) Collect(ctx context.Context, emit ingest.Emitter) error {
	_, err := c.Import(ctx, emit)
	return err
}

// Import reads the whole file and emits its mentions in chunks.
func (c *Collector) Import(ctx context.Context, emit ingest.Emitter) (Stats, error) {
	f, err := os.Open(c.path)
	if err != nil {
		return Stats{}, fmt.Errorf("import %s: %w", c.path, err)
	}
	defer f.Close()
	var total int64
	if fi, err := f.Stat(); err == nil {
		total = fi.Size()
	}
	cr := &countingReader{r: f, total: total, progress: c.progress}
	return c.ImportFrom(ctx, cr, emit)
}

// ImportFrom reads mentions from r in the collector's format.
func (c *Collector) ImportFrom(ctx context.Context, r io.Reader, emit ingest.Emitter) (Stats, error) {
	var st Stats
	buf := make([]mention.Mention, 0, c.chunk)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if err := emit.Emit(ctx, buf); err != nil {
			return fmt.Errorf("import %s: %w", c.path, err)
		}
		st.Emitted += len(buf)
		buf = buf[:0]
		return nil
	}
	add := func(line int, raw []byte, m mention.Mention, err error) error {
		st.Lines++
		if err == nil {
			err = c.complete(&m)
		}
		if err != nil {
			st.Bad++
			if c.onBad != nil {
				c.onBad(BadLine{Line: line, Raw: append([]byte(nil), raw...), Err: err})
			}
			return nil
		}
		buf = append(buf, m)
		if len(buf) >= c.chunk {
			return flush()
		}
		return nil
	}
	var err error
	switch c.format {
	case CSV:
		err = readCSV(ctx, r, add)
	default:
		err = readJSONL(ctx, r, add)
	}
	if err != nil {
		return st, fmt.Errorf("import %s: %w", c.path, err)
	}
	return st, flush()
}

// complete fills what an import may leave out and validates the result.
func (c *Collector) complete(m *mention.Mention) error {
	if m.Source == "" {
		if src, _, ok := mention.SplitID(m.ID); ok {
			m.Source = src
		} else {
			m.Source = "file"
		}
	}
	if m.ID == "" {
		// No native id: a content hash keeps re-imports idempotent.
		h := sha256.Sum256([]byte(m.Source + "\x00" + m.URL + "\x00" + m.Text + "\x00" + m.PostedAt.UTC().Format(time.RFC3339)))
		m.ID = mention.NewID(m.Source, hex.EncodeToString(h[:10]))
	} else if _, _, ok := mention.SplitID(m.ID); !ok {
		m.ID = mention.NewID(m.Source, m.ID)
	}
	if m.CollectedAt.IsZero() {
		m.CollectedAt = c.now()
	}
	if c.stampKind != nil {
		c.stampKind(m)
	}
	m.Normalize()
	return m.Validate()
}

func readJSONL(ctx context.Context, r io.Reader, add func(int, []byte, mention.Mention, error) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), mention.MaxMessageBytes+1)
	line := 0
	for sc.Scan() {
		line++
		if line%1000 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 || raw[0] == '#' {
			continue
		}
		var m mention.Mention
		err := json.Unmarshal(raw, &m)
		if err != nil {
			err = fmt.Errorf("line %d: not a JSON mention: %w", line, err)
		}
		if err := add(line, raw, m, err); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("line %d: longer than %d bytes", line+1, mention.MaxMessageBytes)
		}
		return err
	}
	return nil
}

// csvColumns maps CSV header names to mention fields.
var csvColumns = map[string]func(m *mention.Mention, v string) error{
	"id":            func(m *mention.Mention, v string) error { m.ID = v; return nil },
	"source":        func(m *mention.Mention, v string) error { m.Source = v; return nil },
	"channel":       func(m *mention.Mention, v string) error { m.Channel = v; return nil },
	"url":           func(m *mention.Mention, v string) error { m.URL = v; return nil },
	"author_id":     func(m *mention.Mention, v string) error { m.Author.ID = v; return nil },
	"author_handle": func(m *mention.Mention, v string) error { m.Author.Handle = v; return nil },
	"author_name":   func(m *mention.Mention, v string) error { m.Author.Name = v; return nil },
	"author_kind":   func(m *mention.Mention, v string) error { m.Author.Kind = v; return nil },
	"author_org":    func(m *mention.Mention, v string) error { m.Author.Org = v; return nil },
	"title":         func(m *mention.Mention, v string) error { m.Title = v; return nil },
	"text":          func(m *mention.Mention, v string) error { m.Text = v; return nil },
	"lang":          func(m *mention.Mention, v string) error { m.Lang = v; return nil },
	"parent_id":     func(m *mention.Mention, v string) error { m.ParentID = v; return nil },
	"query":         func(m *mention.Mention, v string) error { m.Query = v; return nil },
	"posted_at":     func(m *mention.Mention, v string) error { return parseTime(&m.PostedAt, v) },
	"collected_at":  func(m *mention.Mention, v string) error { return parseTime(&m.CollectedAt, v) },
	"likes":         func(m *mention.Mention, v string) error { return parseInt(&m.Metrics.Likes, v) },
	"replies":       func(m *mention.Mention, v string) error { return parseInt(&m.Metrics.Replies, v) },
	"shares":        func(m *mention.Mention, v string) error { return parseInt(&m.Metrics.Shares, v) },
	"views":         func(m *mention.Mention, v string) error { return parseInt(&m.Metrics.Views, v) },
}

func parseTime(t *time.Time, v string) error {
	if v == "" {
		return nil
	}
	p, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return fmt.Errorf("time %q is not RFC 3339", v)
	}
	*t = p.UTC()
	return nil
}

func parseInt(n *int64, v string) error {
	if v == "" {
		return nil
	}
	p, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return fmt.Errorf("%q is not a whole number", v)
	}
	*n = p
	return nil
}

func readCSV(ctx context.Context, r io.Reader, add func(int, []byte, mention.Mention, error) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("CSV header: %w", err)
	}
	setters := make([]func(*mention.Mention, string) error, len(header))
	names := make([]string, len(header))
	hasText := false
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		names[i] = h
		setters[i] = csvColumns[h] // unknown columns are ignored
		hasText = hasText || h == "text" || h == "title"
	}
	if !hasText {
		return fmt.Errorf("CSV header %v has no text or title column", header)
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		var m mention.Mention
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return err
			}
			if err := add(pe.StartLine, nil, m, err); err != nil {
				return err
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		if line%1000 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		var rowErr error
		if len(rec) != len(header) {
			rowErr = fmt.Errorf("line %d: %d fields, header has %d", line, len(rec), len(header))
		}
		for i := 0; rowErr == nil && i < len(rec); i++ {
			if setters[i] != nil {
				if err := setters[i](&m, rec[i]); err != nil {
					rowErr = fmt.Errorf("line %d: column %s: %w", line, names[i], err)
				}
			}
		}
		if err := add(line, []byte(strings.Join(rec, ",")), m, rowErr); err != nil {
			return err
		}
	}
}

type countingReader struct {
	r        io.Reader
	n, total int64
	progress func(read, total int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.progress != nil {
		c.progress(c.n, c.total)
	}
	return n, err
}
