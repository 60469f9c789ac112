package mention

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxTextBytes bounds Text (and Title): a mention is a post, not a book.
// Long news articles are truncated by collectors; on the wire anything
// larger is rejected.
const MaxTextBytes = 64 << 10

// MaxMessageBytes bounds one encoded mention on the wire.
const MaxMessageBytes = 256 << 10

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("invalid mention")

// NewID returns the stable id of an item: "<source>:<native id>".
func NewID(source, nativeID string) string {
	return source + ":" + nativeID
}

// SplitID splits an id made by NewID. ok is false when id has no source part.
func SplitID(id string) (source, nativeID string, ok bool) {
	i := strings.IndexByte(id, ':')
	if i <= 0 || i == len(id)-1 {
		return "", "", false
	}
	return id[:i], id[i+1:], true
}

// Normalize repairs what can be repaired without losing information:
// invalid UTF-8 bytes become U+FFFD, times become UTC, the schema version and
// an unknown author kind are filled in.
func (m *Mention) Normalize() {
	m.Schema = SchemaVersion
	m.Text = repairUTF8(m.Text)
	m.Title = repairUTF8(m.Title)
	m.Author.Name = repairUTF8(m.Author.Name)
	m.Author.Handle = repairUTF8(m.Author.Handle)
	m.Author.Description = repairUTF8(m.Author.Description)
	m.PostedAt = m.PostedAt.UTC()
	m.CollectedAt = m.CollectedAt.UTC()
	if m.Author.CreatedAt != nil {
		t := m.Author.CreatedAt.UTC()
		m.Author.CreatedAt = &t
	}
	if m.Author.Kind == "" {
		m.Author.Kind = KindUnknown
	}
}

func repairUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// Validate checks the v1 contract: required fields, known kinds, sane times
// and the text size bound. It does not modify m; call Normalize first.
func (m *Mention) Validate() error {
	var problems []string
	if m.ID == "" {
		problems = append(problems, "id is required")
	} else if _, _, ok := SplitID(m.ID); !ok {
		problems = append(problems, fmt.Sprintf("id %q is not <source>:<native id>", m.ID))
	}
	if m.Source == "" {
		problems = append(problems, "source is required")
	} else if src, _, ok := SplitID(m.ID); ok && src != m.Source {
		problems = append(problems, fmt.Sprintf("id %q does not start with source %q", m.ID, m.Source))
	}
	if strings.TrimSpace(m.Text) == "" && strings.TrimSpace(m.Title) == "" {
		problems = append(problems, "text or title is required")
	}
	if n := len(m.Text); n > MaxTextBytes {
		problems = append(problems, fmt.Sprintf("text is %d bytes, more than the %d allowed", n, MaxTextBytes))
	}
	if n := len(m.Title); n > MaxTextBytes {
		problems = append(problems, fmt.Sprintf("title is %d bytes, more than the %d allowed", n, MaxTextBytes))
	}
	if m.PostedAt.IsZero() {
		problems = append(problems, "posted_at is required")
	}
	if m.CollectedAt.IsZero() {
		problems = append(problems, "collected_at is required")
	}
	if !m.PostedAt.IsZero() && m.PostedAt.Location() != time.UTC {
		problems = append(problems, "posted_at must be UTC")
	}
	switch m.Author.Kind {
	case KindCitizen, KindGovernment, KindMedia, KindPublicAdmin, KindUnknown:
	default:
		problems = append(problems, fmt.Sprintf("author.kind %q is not one of citizen, government, media, public_admin, unknown", m.Author.Kind))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrInvalid, strings.Join(problems, "; "))
	}
	return nil
}

// Decode parses one wire message, repairs it (Normalize) and validates it.
// Every error wraps ErrInvalid and says what is wrong, so that the caller
// can put it in the dead-letter topic's headers.
func Decode(data []byte) (Mention, error) {
	var m Mention
	if len(data) > MaxMessageBytes {
		return m, fmt.Errorf("%w: message is %d bytes, more than the %d allowed", ErrInvalid, len(data), MaxMessageBytes)
	}
	if !utf8.Valid(data) {
		// Repair rather than drop: JSON strings with stray Latin-1 bytes are
		// common in scraped text.
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	// The fast path reads what Encode writes; anything else (and every
	// error) goes through encoding/json.
	if !decodeFast(data, &m) {
		m = Mention{}
		if err := json.Unmarshal(data, &m); err != nil {
			return Mention{}, fmt.Errorf("%w: not a JSON mention: %v", ErrInvalid, err)
		}
	}
	if m.Schema != 0 && m.Schema != SchemaVersion {
		return Mention{}, fmt.Errorf("%w: schema %d is not supported (want %d)", ErrInvalid, m.Schema, SchemaVersion)
	}
	m.Normalize()
	if err := m.Validate(); err != nil {
		return Mention{}, err
	}
	return m, nil
}

// Encode writes the wire form of m: its JSON, byte for byte what
// encoding/json writes.
func Encode(m *Mention) ([]byte, error) {
	return AppendEncode(make([]byte, 0, EncodedSizeHint(m)), m)
}

// EncodedSizeHint is a buffer size that usually holds m's wire form.
func EncodedSizeHint(m *Mention) int {
	n := 768 + len(m.Text) + len(m.Title) + len(m.URL) + len(m.Channel) + len(m.Query) + len(m.Author.Description) + len(m.Author.Name)
	if m.Politics != nil {
		for _, c := range m.Politics.Cues {
			n += len(c) + 8
		}
	}
	return n + n/8 // escapes
}

// AppendEncode appends the wire form of m to b (Encode into a buffer the
// caller reuses or shares between messages).
func AppendEncode(b []byte, m *Mention) ([]byte, error) {
	m.Schema = SchemaVersion
	if out, ok := appendMention(b, m); ok {
		return out, nil
	}
	j, err := json.Marshal(m)
	if err != nil {
		return b, fmt.Errorf("encode mention %s: %w", m.ID, err)
	}
	return append(b, j...), nil
}
