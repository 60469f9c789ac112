package mention

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	valid := `{"id":"x:1","source":"x","text":"Probebaya mantap","author":{"kind":"citizen"},"posted_at":"2026-11-20T01:02:03Z","collected_at":"2026-11-20T01:05:00Z"}`
	tests := []struct {
		name    string
		in      string
		wantErr string // "" = valid
		check   func(t *testing.T, m Mention)
	}{
		{name: "valid", in: valid, check: func(t *testing.T, m Mention) {
			if m.Schema != SchemaVersion || m.ID != "x:1" || m.PostedAt.Location() != time.UTC {
				t.Errorf("decoded %+v", m)
			}
		}},
		{name: "offset time becomes UTC", in: strings.Replace(valid, "2026-11-20T01:02:03Z", "2026-11-20T09:02:03+08:00", 1), check: func(t *testing.T, m Mention) {
			if !m.PostedAt.Equal(time.Date(2026, 11, 20, 1, 2, 3, 0, time.UTC)) || m.PostedAt.Location() != time.UTC {
				t.Errorf("posted_at = %v", m.PostedAt)
			}
		}},
		{name: "invalid UTF-8 repaired, not dropped", in: strings.Replace(valid, "mantap", "mant\xffap", 1), check: func(t *testing.T, m Mention) {
			if !utf8.ValidString(m.Text) || !strings.Contains(m.Text, "mant\uFFFDap") {
				t.Errorf("text = %q", m.Text)
			}
		}},
		{name: "missing kind becomes unknown", in: strings.Replace(valid, `"author":{"kind":"citizen"},`, "", 1), check: func(t *testing.T, m Mention) {
			if m.Author.Kind != KindUnknown {
				t.Errorf("kind = %q", m.Author.Kind)
			}
		}},
		{name: "not JSON", in: `{"id": `, wantErr: "not a JSON mention"},
		{name: "no id", in: strings.Replace(valid, `"id":"x:1",`, "", 1), wantErr: "id is required"},
		{name: "id without source", in: strings.Replace(valid, `"id":"x:1"`, `"id":"1"`, 1), wantErr: "is not <source>:<native id>"},
		{name: "id of another source", in: strings.Replace(valid, `"id":"x:1"`, `"id":"youtube:1"`, 1), wantErr: "does not start with source"},
		{name: "no text", in: strings.Replace(valid, `"Probebaya mantap"`, `"  "`, 1), wantErr: "text or title is required"},
		{name: "no posted_at", in: strings.Replace(valid, `"posted_at":"2026-11-20T01:02:03Z",`, "", 1), wantErr: "posted_at is required"},
		{name: "bad time", in: strings.Replace(valid, "2026-11-20T01:02:03Z", "20/11/2026", 1), wantErr: "not a JSON mention"},
		{name: "unknown kind", in: strings.Replace(valid, `"citizen"`, `"bot"`, 1), wantErr: `author.kind "bot"`},
		{name: "future schema", in: strings.Replace(valid, `{"id"`, `{"schema":2,"id"`, 1), wantErr: "schema 2 is not supported"},
		{name: "text too long", in: strings.Replace(valid, "Probebaya mantap", strings.Repeat("a", MaxTextBytes+1), 1), wantErr: "more than the 65536 allowed"},
		{name: "message too large", in: strings.Replace(valid, "Probebaya mantap", strings.Repeat("a", MaxMessageBytes), 1), wantErr: "message is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Decode([]byte(tt.in))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				tt.check(t, m)
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
		})
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	created := time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)
	m := Mention{
		ID: NewID("youtube", "Ugx1"), Source: "youtube", Text: "Terowongan retak lagi 😡", Title: "Video",
		Author:   Author{ID: "UC1", Handle: "@warga", Kind: KindCitizen, Followers: 12, CreatedAt: &created},
		PostedAt: time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC), CollectedAt: time.Date(2026, 11, 19, 12, 1, 0, 0, time.UTC),
		ParentID: "youtube:Ugx0", Metrics: Metrics{Likes: 3},
		Tags: Tags{Sentiment: &Sentiment{Label: SentimentNegative, Score: -0.8, Confidence: 0.9}, Programs: []string{"terowongan-samarinda"}},
	}
	b, err := Encode(&m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := Encode(&got)
	if string(b) != string(b2) {
		t.Fatalf("round trip changed the mention:\n%s\n%s", b, b2)
	}
}

func TestSplitID(t *testing.T) {
	for _, tt := range []struct {
		id, src, native string
		ok              bool
	}{
		{"x:123", "x", "123", true},
		{"rss:https://a/b", "rss", "https://a/b", true},
		{"x:", "", "", false},
		{":1", "", "", false},
		{"nocolon", "", "", false},
	} {
		src, native, ok := SplitID(tt.id)
		if src != tt.src || native != tt.native || ok != tt.ok {
			t.Errorf("SplitID(%q) = %q, %q, %v", tt.id, src, native, ok)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"id":"x:1","source":"x","text":"a","posted_at":"2026-11-20T01:02:03Z","collected_at":"2026-11-20T01:02:03Z"}`))
	f.Add([]byte(`{"id":"x:1","author":{"created_at":"0001-01-01T00:00:00Z"}}`))
	f.Add([]byte("\xff"))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		if !utf8.ValidString(m.Text) || !utf8.ValidString(m.Title) {
			t.Fatal("decoded text is not valid UTF-8")
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("Decode returned a mention that does not validate: %v", err)
		}
		if _, err := Encode(&m); err != nil {
			t.Fatalf("cannot re-encode: %v", err)
		}
	})
}
