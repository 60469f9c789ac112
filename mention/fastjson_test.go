package mention

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fullMention sets every field, with the strings encoding/json escapes.
func fullMention() Mention {
	created := time.Date(2019, 3, 4, 5, 6, 7, 123456789, time.FixedZone("WITA", 8*3600))
	return Mention{
		Schema: SchemaVersion, ID: "x:1<2>&3", Source: "x", Channel: "q\"uote\\", URL: "https://x.com/a?b=1&c=2",
		Author: Author{ID: "u1", Handle: "warga_smd", Name: "Warga \u2028 Sempaja\u2029", Kind: KindCitizen, Org: "Org\t1",
			Level: LevelOPD, Description: "bio\x01\x1f\b\f\r\n", Followers: -12, Posts: math.MaxInt64, Verified: true, CreatedAt: &created},
		Title: "Judul 😡", Text: "Banjir lagi di Sempaja, drainase kada tuntung 😡 <b>&amp;</b> \xff\xfe end", Lang: "bjn",
		PostedAt: time.Date(2026, 11, 20, 1, 2, 3, 0, time.UTC), CollectedAt: time.Date(2026, 11, 20, 1, 2, 3, 500, time.UTC),
		ParentID: "x:0", StoryID: "ab12", Metrics: Metrics{Likes: 1, Replies: -2, Shares: 0, Views: math.MinInt64}, Query: "banjir",
		Tags: Tags{
			Sentiment: &Sentiment{Label: SentimentNegative, Score: -0.8123456789, Confidence: 1e-7, Review: true},
			Hostility: &Hostility{Label: HostilityAbusive, Score: 1e21, Confidence: 0.5, Target: "institution", Categories: []string{"physical", ""},
				Strength: "weak", Threat: true, Abusive: true, Review: true},
			Emotion:  &Emotion{Label: "anger", Confidence: math.SmallestNonzeroFloat64, Review: true},
			Politics: &Politics{Political: true, Partisan: true, Actors: []string{"pair-01"}, Stance: "support", Cues: []string{`support: "coblos 01" → pair-01`}},
			Programs: []string{"probebaya", "banjir"}, Institutions: []string{"dpupr"}, Places: []string{"sempaja"},
			NeutralityBreach: true, BreachUnverified: true, Model: "id-2026.11.8",
		},
	}
}

func TestAppendMentionMatchesEncodingJSON(t *testing.T) {
	negZero := math.Copysign(0, -1)
	tests := []struct {
		name string
		m    func() Mention
	}{
		{"every field", fullMention},
		{"zero mention", func() Mention { return Mention{} }},
		{"empty slices and tags", func() Mention {
			m := fullMention()
			m.Programs, m.Places, m.Institutions = []string{}, nil, []string{}
			m.Sentiment = &Sentiment{Score: negZero}
			m.Hostility = &Hostility{}
			m.Emotion = &Emotion{}
			m.Politics = &Politics{Actors: []string{}}
			m.Author = Author{}
			return m
		}},
		{"floats in both notations", func() Mention {
			m := fullMention()
			m.Sentiment.Score, m.Sentiment.Confidence = 123456789.125, 0.000001
			m.Hostility.Score, m.Hostility.Confidence = 1e-300, -3e25
			return m
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m()
			want, err := json.Marshal(&m)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := appendMention(nil, &m)
			if !ok || !bytes.Equal(got, want) {
				t.Fatalf("appendMention (ok=%v):\n%s\nencoding/json:\n%s", ok, got, want)
			}
			var fast, slow Mention
			if !decodeFast(bytes.ToValidUTF8(want, []byte("\uFFFD")), &fast) {
				t.Fatalf("decodeFast gave up on encoding/json's output %s", want)
			}
			if err := json.Unmarshal(want, &slow); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(fast, slow) {
				t.Fatalf("decodeFast:\n%+v\nencoding/json:\n%+v", fast, slow)
			}
		})
	}
}

func TestAppendMentionGivesUpOnWhatJSONRejects(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*Mention)
	}{
		{"NaN score", func(m *Mention) { m.Sentiment.Score = math.NaN() }},
		{"infinite confidence", func(m *Mention) { m.Emotion.Confidence = math.Inf(1) }},
		{"year past 9999", func(m *Mention) { m.PostedAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := fullMention()
			tt.edit(&m)
			if _, ok := appendMention(nil, &m); ok {
				t.Fatal("appendMention wrote a value encoding/json rejects")
			}
			if _, err := Encode(&m); err == nil {
				t.Fatal("Encode returned no error")
			}
		})
	}
}

func TestDecodeFastGivesUp(t *testing.T) {
	base := `{"id":"x:1","source":"x","text":"a","author":{"kind":"citizen"},"posted_at":"2026-11-20T01:02:03Z","collected_at":"2026-11-20T01:02:03Z"}`
	for _, tt := range []struct{ name, in string }{
		{"null value", strings.Replace(base, `"text":"a"`, `"text":"a","title":null`, 1)},
		{"repeated key", strings.Replace(base, `"text":"a"`, `"text":"a","text":"b"`, 1)},
		{"repeated nested key", strings.Replace(base, `{"kind":"citizen"}`, `{"kind":"citizen","kind":"media"}`, 1)},
		{"unknown key", strings.Replace(base, `"text":"a"`, `"text":"a","extra":1`, 1)},
		{"key in another case", strings.Replace(base, `"text":"a"`, `"TEXT":"a"`, 1)},
		{"escaped key", strings.Replace(base, `"text":"a"`, `"te\u0078t":"a"`, 1)},
		{"surrogate pair", strings.Replace(base, `"text":"a"`, `"text":"\ud83d\ude21"`, 1)},
		{"fraction for an integer", strings.Replace(base, `"id"`, `"schema":1.0,"id"`, 1)},
		{"integer overflow", strings.Replace(base, `{"kind":"citizen"}`, `{"followers":9223372036854775808}`, 1)},
		{"leading zero", strings.Replace(base, `{"kind":"citizen"}`, `{"followers":01}`, 1)},
		{"escaped time", strings.Replace(base, `"2026-11-20T01:02:03Z"`, `"2026-11-20T01:02:03\u005a"`, 1)},
		{"bad time", strings.Replace(base, `"2026-11-20T01:02:03Z"`, `"20/11/2026"`, 1)},
		{"control character", strings.Replace(base, `"text":"a"`, "\"text\":\"a\x01\"", 1)},
		{"trailing garbage", base + "x"},
		{"not an object", `[]`},
		{"truncated", base[:40]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var m Mention
			if decodeFast([]byte(tt.in), &m) {
				t.Fatalf("decodeFast accepted %s", tt.in)
			}
		})
	}
	var m Mention
	if !decodeFast([]byte(" \n"+base+"\t "), &m) || m.Author.Kind != KindCitizen {
		t.Fatalf("decodeFast gave up on the plain form (kind %q)", m.Author.Kind)
	}
}

// FuzzDecodeFast holds the fast path to encoding/json: whatever it
// accepts, encoding/json accepts and decodes to the same value.
func FuzzDecodeFast(f *testing.F) {
	m := fullMention()
	full, _ := json.Marshal(&m)
	f.Add(full)
	f.Add([]byte(`{"id":"x:1","source":"x","text":"a\u0026b\n","posted_at":"2026-11-20T01:02:03Z","collected_at":"2026-11-20T09:02:03+08:00","metrics":{"likes":-0,"views":12}}`))
	f.Add([]byte(`{"sentiment":{"label":"positive","score":-1.5e-7,"confidence":0.25E+2},"programs":[],"politics":{"political":false,"actors":[ "a" , "b" ]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		var fast Mention
		if !decodeFast(data, &fast) {
			return
		}
		var slow Mention
		if err := json.Unmarshal(data, &slow); err != nil {
			t.Fatalf("decodeFast accepted what encoding/json rejects (%v): %q", err, data)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("decodeFast and encoding/json differ on %q:\n%+v\n%+v", data, fast, slow)
		}
	})
}

// FuzzAppendMention holds the fast encoder to encoding/json's bytes.
func FuzzAppendMention(f *testing.F) {
	f.Add("x:1<&>", "Banjir \u2028 😡\x00\xff", "neg", -0.8, 1e-7, int64(5), int64(1700000000), true)
	f.Add("", "", "", 0.0, 1e21, int64(-1), int64(0), false)
	f.Fuzz(func(t *testing.T, id, text, label string, score, conf float64, n, sec int64, flag bool) {
		m := fullMention()
		m.ID, m.Text, m.Title, m.Author.Name = id, text, label, text
		m.Sentiment.Label, m.Sentiment.Score, m.Sentiment.Confidence, m.Sentiment.Review = label, score, conf, flag
		m.Hostility.Score, m.Emotion.Confidence = conf, score
		m.Metrics.Likes, m.Author.Followers, m.Author.Verified = n, n, flag
		m.PostedAt = time.Unix(sec%(1<<40), n%1e9).UTC()
		m.Programs = strings.Fields(text)
		if flag {
			m.Politics = nil
		}
		want, err := json.Marshal(&m)
		got, ok := appendMention(nil, &m)
		if err != nil {
			if ok {
				t.Fatalf("appendMention wrote what encoding/json rejects (%v): %s", err, got)
			}
			return
		}
		if !ok || !bytes.Equal(got, want) {
			t.Fatalf("appendMention (ok=%v):\n%s\nencoding/json:\n%s", ok, got, want)
		}
	})
}
