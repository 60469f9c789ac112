// Package file reads mentions from JSON Lines or CSV (kind "file"):
// exports of other listening tools, hand-collected posts, Dengar's demo
// corpus and the simulator's stream. It is a pull source like every
// collector: each Pull reads the next chunk and moves the cursor (byte
// offset and line) past it, so the runner emits the chunk, then saves the
// cursor, and a restart resumes after the last chunk Kafka acknowledged.
//
// A configured file source reads, on every pass, what was appended to its
// file since the cursor; a file that was replaced (its first line changed)
// or truncated is read again from the start. Append whole lines, or move a
// finished file into place. Re-reading is harmless: ids are stable.
//
// Configuration (beside the common fields):
//
//	path: /var/lib/dengar/import/mentions.jsonl   # required
//	format: jsonl                                  # jsonl | csv; default from the extension
//	chunk: 1000                                    # mentions per batch
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

// Kind is the registered source kind.
const Kind = "file"

func init() { ingest.Register(Kind, Options{}, ingest.PullFactory(fromConfig)) }

// Format of an import file.
type Format string

// Supported formats.
const (
	JSONL Format = "jsonl"
	CSV   Format = "csv"
)

// Options are the file-specific settings.
type Options struct {
	Path   string `yaml:"path"`
	Format Format `yaml:"format"`
	Chunk  int    `yaml:"chunk"`
}

// Cursor is the checkpoint: how far the file was read.
type Cursor struct {
	// Offset is the byte offset after the last item returned.
	Offset int64 `json:"offset"`
	// Line is the number of the last line read (for messages).
	Line int `json:"line"`
	// Head fingerprints the file's first line: a different head means
	// the file was replaced and is read from the start.
	Head string `json:"head,omitempty"`
}

// Collector reads one file or stream.
type Collector struct {
	label    string    // the path, or the stream's name
	path     string    // "" for a stream
	stream   io.Reader // FromReader's reader
	format   Format
	chunk    int
	now      func() time.Time
	progress func(read, total int64)

	cur *reader // where the last Pull stopped; nil when closed
}

// Option configures New and FromReader.
type Option func(*Collector)

// WithFormat forces a format; by default it follows the file extension
// (.csv → CSV, anything else → JSON Lines).
func WithFormat(f Format) Option {
	return func(c *Collector) {
		if f != "" {
			c.format = f
		}
	}
}

// WithChunk sets how many items one Pull reads (default 1000).
func WithChunk(n int) Option {
	return func(c *Collector) {
		if n > 0 {
			c.chunk = n
		}
	}
}

// WithProgress is called as bytes are read (for a progress bar).
func WithProgress(f func(read, total int64)) Option { return func(c *Collector) { c.progress = f } }

// WithClock overrides clock.Now (tests).
func WithClock(now func() time.Time) Option { return func(c *Collector) { c.now = now } }

// New returns a source reading the file at path.
func New(path string, opts ...Option) *Collector {
	c := &Collector{label: path, path: path, chunk: 1000, now: clock.Now, format: formatOf(path)}
	for _, o := range opts {
		o(c)
	}
	return c
}

// FromReader returns a source reading r once, from its start (the embedded
// demo corpus, standard input, the simulator's stream); name labels it and
// sets the format by its extension. A stream cannot go back: when the
// runner could not save a chunk's cursor, the next Pull fails.
func FromReader(name string, r io.Reader, opts ...Option) *Collector {
	c := &Collector{label: name, stream: r, chunk: 1000, now: clock.Now, format: formatOf(name)}
	for _, o := range opts {
		o(c)
	}
	return c
}

func formatOf(name string) Format {
	if strings.HasSuffix(strings.ToLower(name), ".csv") {
		return CSV
	}
	return JSONL
}

func fromConfig(cfg ingest.SourceConfig, deps ingest.Deps) (*Collector, error) {
	var o Options
	if err := cfg.Decode(&o); err != nil {
		return nil, err
	}
	if o.Path == "" {
		return nil, errors.New("path is required")
	}
	if o.Format != "" && o.Format != JSONL && o.Format != CSV {
		return nil, fmt.Errorf("format %q: want jsonl or csv", o.Format)
	}
	return New(o.Path, WithFormat(o.Format), WithChunk(o.Chunk), WithClock(deps.Now)), nil
}

// Pull reads the next chunk of items after cur: valid mentions, and the
// lines that are not (with their raw bytes, for the dead-letter topic). It
// asks for More until the end of the input.
func (c *Collector) Pull(ctx context.Context, cur *Cursor) (ingest.Batch, error) {
	var b ingest.Batch
	if c.cur == nil || c.cur.offset() != cur.Offset {
		c.close()
		if err := c.open(cur); err != nil {
			return b, fmt.Errorf("import %s: %w", c.label, err)
		}
	}
	r := c.cur
	for n := 0; n < c.chunk; n++ {
		if n%1000 == 0 && ctx.Err() != nil {
			return b, ctx.Err()
		}
		it, err := r.items.next()
		if err != nil {
			c.close()
			if errors.Is(err, io.EOF) {
				return b, nil
			}
			return b, fmt.Errorf("import %s: %w", c.label, err)
		}
		cur.Offset, cur.Line = r.offset(), it.line
		if it.err == nil {
			if err := c.complete(&it.m); err != nil {
				it.err = fmt.Errorf("line %d: %w", it.line, err)
			}
		}
		if it.err != nil {
			b.Malformed = append(b.Malformed, ingest.Malformed{Raw: it.raw, Err: it.err})
			continue
		}
		b.Mentions = append(b.Mentions, it.m)
	}
	b.More = true
	return b, nil
}

// open positions a reader at cur, starting over when the file was
// replaced or truncated.
func (c *Collector) open(cur *Cursor) error {
	var src io.Reader
	var f *os.File
	var total int64
	if c.path == "" {
		if cur.Offset != 0 || c.stream == nil {
			return fmt.Errorf("a stream cannot resume at byte %d", cur.Offset)
		}
		src, c.stream = c.stream, nil
	} else {
		var err error
		if f, err = os.Open(c.path); err != nil {
			return err
		}
		if total, err = positionAt(f, cur); err != nil {
			f.Close()
			return err
		}
		src = f
	}
	cr := &countingReader{r: src, n: cur.Offset, total: total, progress: c.progress}
	var items itemReader = newJSONLReader(cr, cur.Line)
	if c.format == CSV {
		var header io.Reader = cr // a fresh read: the header, then the records
		if cur.Offset > 0 {
			header = io.NewSectionReader(f, 0, total)
		}
		var err error
		if items, err = newCSVReader(header, cr, cur); err != nil {
			if f != nil {
				f.Close()
			}
			return err
		}
	}
	c.cur = &reader{items: items, base: cur.Offset}
	if f != nil {
		c.cur.closer = f
	}
	return nil
}

// positionAt checks that f is the file cur was saved for (same first line,
// not shorter), else resets cur to its start, and seeks f to cur.Offset. It
// returns the file's size.
func positionAt(f *os.File, cur *Cursor) (int64, error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	buf := make([]byte, 4096)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return 0, err
	}
	if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
		n = i
	}
	h := sha256.Sum256(buf[:n])
	head := hex.EncodeToString(h[:8])
	if cur.Head != head || cur.Offset > fi.Size() {
		*cur = Cursor{Head: head}
	}
	_, err = f.Seek(cur.Offset, io.SeekStart)
	return fi.Size(), err
}

func (c *Collector) close() {
	if c.cur != nil && c.cur.closer != nil {
		c.cur.closer.Close()
	}
	c.cur = nil
}

// complete fills what an import may leave out and validates the result.
func (c *Collector) complete(m *mention.Mention) error {
	if m.Source == "" {
		if src, _, ok := mention.SplitID(m.ID); ok {
			m.Source = src
		} else {
			m.Source = Kind
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
	m.Normalize()
	return m.Validate()
}

// reader is an open input positioned after the last item returned.
type reader struct {
	closer io.Closer
	items  itemReader
	base   int64 // the file offset items started reading at
}

func (r *reader) offset() int64 { return r.base + r.items.consumed() }

// item is one line (JSONL) or record (CSV).
type item struct {
	line int
	raw  []byte
	m    mention.Mention
	err  error // why it is not a mention
}

// itemReader yields items; next returns io.EOF at the end and another
// error when the input as a whole cannot be read further.
type itemReader interface {
	next() (item, error)
	// consumed is how many bytes the items returned so far span.
	consumed() int64
}

type jsonlReader struct {
	sc   *bufio.Scanner
	line int
	n    int64
}

func newJSONLReader(r io.Reader, line int) *jsonlReader {
	j := &jsonlReader{sc: bufio.NewScanner(r), line: line}
	j.sc.Buffer(make([]byte, 0, 64<<10), mention.MaxMessageBytes+1)
	j.sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		adv, tok, err := bufio.ScanLines(data, atEOF)
		j.n += int64(adv) // exact offsets, for the cursor
		return adv, tok, err
	})
	return j
}

func (j *jsonlReader) consumed() int64 { return j.n }

func (j *jsonlReader) next() (item, error) {
	for j.sc.Scan() {
		j.line++
		raw := bytes.TrimSpace(j.sc.Bytes())
		if len(raw) == 0 || raw[0] == '#' {
			continue
		}
		it := item{line: j.line, raw: append([]byte(nil), raw...)}
		if err := json.Unmarshal(raw, &it.m); err != nil {
			it.err = fmt.Errorf("line %d: not a JSON mention: %w", j.line, err)
		}
		return it, nil
	}
	if err := j.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return item{}, fmt.Errorf("line %d: longer than %d bytes", j.line+1, mention.MaxMessageBytes)
		}
		return item{}, err
	}
	return item{}, io.EOF
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

// timeLayouts are the CSV time forms accepted besides RFC 3339: the ones
// spreadsheets and Indonesian exports write. Slashes are day/month/year,
// as Indonesians write dates; a time without an offset is Samarinda time
// (WITA).
var timeLayouts = []string{
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02",
	"02/01/2006 15:04:05", "02/01/2006 15:04", "02/01/2006", "2/1/2006 15:04", "2/1/2006",
}

func parseTime(t *time.Time, v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	if p, err := time.Parse(time.RFC3339, v); err == nil {
		*t = p.UTC()
		return nil
	}
	for _, l := range timeLayouts {
		if p, err := time.ParseInLocation(l, v, clock.WITA); err == nil {
			*t = p.UTC()
			return nil
		}
	}
	return fmt.Errorf("time %q: want RFC 3339 (2026-12-04T19:30:00+08:00), YYYY-MM-DD HH:MM[:SS] or DD/MM/YYYY HH:MM[:SS] (day first; without an offset, WITA)", v)
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

type csvReader struct {
	cr       *csv.Reader
	setters  []func(*mention.Mention, string) error
	names    []string
	baseLine int
}

// newCSVReader reads the header from header, then the records from body
// (the same reader on a fresh read; a resumed file reads its header again
// from its start).
func newCSVReader(header, body io.Reader, cur *Cursor) (*csvReader, error) {
	c := &csvReader{}
	h := csv.NewReader(header)
	h.FieldsPerRecord = -1
	cols, err := h.Read()
	if err != nil {
		return nil, fmt.Errorf("CSV header: %w", err)
	}
	hasText := false
	for _, col := range cols {
		col = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(col, "\ufeff")))
		c.names = append(c.names, col)
		c.setters = append(c.setters, csvColumns[col]) // unknown columns are ignored
		hasText = hasText || col == "text" || col == "title"
	}
	if !hasText {
		return nil, fmt.Errorf("CSV header %v has no text or title column", cols)
	}
	c.cr = h
	if cur.Offset > 0 {
		c.cr, c.baseLine = csv.NewReader(body), cur.Line
		c.cr.FieldsPerRecord = -1
	}
	return c, nil
}

func (c *csvReader) consumed() int64 { return c.cr.InputOffset() }

func (c *csvReader) next() (item, error) {
	c.cr.ReuseRecord = true
	rec, err := c.cr.Read()
	if errors.Is(err, io.EOF) {
		return item{}, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			return item{}, err
		}
		return item{line: c.baseLine + pe.StartLine, err: err}, nil
	}
	line, _ := c.cr.FieldPos(0)
	line += c.baseLine
	it := item{line: line, raw: []byte(strings.Join(rec, ","))}
	if len(rec) != len(c.names) {
		it.err = fmt.Errorf("line %d: %d fields, header has %d", line, len(rec), len(c.names))
		return it, nil
	}
	for i, v := range rec {
		if c.setters[i] != nil {
			if err := c.setters[i](&it.m, v); err != nil {
				it.err = fmt.Errorf("line %d: column %s: %w", line, c.names[i], err)
				return it, nil
			}
		}
	}
	return it, nil
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
