package file

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/mention"
)

func collect(t testing.TB, c *Collector, in string) ([]mention.Mention, []BadLine, Stats, error) {
	var got []mention.Mention
	var bad []BadLine
	c.onBad = func(b BadLine) { bad = append(bad, b) }
	st, err := c.ImportFrom(context.Background(), strings.NewReader(in), ingest.EmitterFunc(func(ctx context.Context, ms []mention.Mention) error {
		got = append(got, ms...)
		return nil
	}))
	return got, bad, st, err
}

var fixed = func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }

func TestImportJSONL(t *testing.T) {
	in := `{"id":"x:1","source":"x","text":"Banjir lagi di Sempaja","posted_at":"2026-11-20T01:00:00Z"}
# a comment line

{"text":"tanpa id","posted_at":"2026-11-20T02:00:00+08:00","author":{"kind":"citizen"}}
{"id":"x:2","source":"x","text":"","posted_at":"2026-11-20T01:00:00Z"}
{"id": broken
{"id":"77","source":"youtube","text":"Terowongan retak","posted_at":"2026-11-20T01:00:00Z"}
`
	got, bad, st, err := collect(t, New("in.jsonl", WithClock(fixed), WithChunk(2)), in)
	if err != nil {
		t.Fatal(err)
	}
	if st.Lines != 5 || st.Emitted != 3 || st.Bad != 2 {
		t.Fatalf("stats = %+v", st)
	}
	if got[0].ID != "x:1" || !got[0].CollectedAt.Equal(fixed()) {
		t.Errorf("first = %+v", got[0])
	}
	if got[1].Source != "file" || !strings.HasPrefix(got[1].ID, "file:") {
		t.Errorf("no-id line got id %q source %q", got[1].ID, got[1].Source)
	}
	if got[2].ID != "youtube:77" {
		t.Errorf("native id not prefixed: %q", got[2].ID)
	}
	if bad[0].Line != 5 || !strings.Contains(bad[0].Err.Error(), "text or title is required") {
		t.Errorf("bad[0] = %d %v", bad[0].Line, bad[0].Err)
	}
	if bad[1].Line != 6 || !strings.Contains(bad[1].Err.Error(), "line 6: not a JSON mention") {
		t.Errorf("bad[1] = %d %v", bad[1].Line, bad[1].Err)
	}
	// Re-importing yields the same ids (idempotent import).
	again, _, _, _ := collect(t, New("in.jsonl", WithClock(fixed)), in)
	if again[1].ID != got[1].ID {
		t.Errorf("content-hash id not stable: %q vs %q", again[1].ID, got[1].ID)
	}
}

func TestImportCSV(t *testing.T) {
	in := "\ufeffid,source,text,posted_at,author_kind,likes,extra\n" +
		"1,x,\"Teras Samarinda, bersih dan rapi\",2026-11-20T01:00:00Z,citizen,5,ignored\n" +
		"2,x,Parkir liar,not-a-time,citizen,1,\n" +
		"3,x,Lampu mati,2026-11-20T01:00:00Z,citizen,many,\n" +
		"4,x,only three fields\n"
	got, bad, st, err := collect(t, New("in.csv", WithClock(fixed)), in)
	if err != nil {
		t.Fatal(err)
	}
	if st.Emitted != 1 || st.Bad != 3 {
		t.Fatalf("stats = %+v, bad = %v", st, bad)
	}
	if got[0].ID != "x:1" || got[0].Text != "Teras Samarinda, bersih dan rapi" || got[0].Metrics.Likes != 5 {
		t.Errorf("row = %+v", got[0])
	}
	for i, want := range []string{"column posted_at", "column likes", "3 fields, header has 7"} {
		if !strings.Contains(bad[i].Err.Error(), want) {
			t.Errorf("bad[%d] = %v, want %q", i, bad[i].Err, want)
		}
	}
	if _, _, _, err := collect(t, New("in.csv"), "id,source\n1,x\n"); err == nil || !strings.Contains(err.Error(), "no text or title column") {
		t.Errorf("header without text: err = %v", err)
	}
}

func FuzzImport(f *testing.F) {
	f.Add("{\"id\":\"x:1\",\"source\":\"x\",\"text\":\"a\",\"posted_at\":\"2026-11-20T01:00:00Z\"}\n", false)
	f.Add("id,text,posted_at\n1,a,2026-11-20T01:00:00Z\n", true)
	f.Add("text\n\"unterminated\n", true)
	f.Fuzz(func(t *testing.T, in string, csv bool) {
		format := JSONL
		if csv {
			format = CSV
		}
		got, bad, st, err := collect(t, New("fuzz", WithFormat(format), WithClock(fixed)), in)
		if err != nil {
			return
		}
		if st.Emitted != len(got) || st.Bad != len(bad) || st.Lines != st.Emitted+st.Bad {
			t.Fatalf("inconsistent stats %+v (got %d, bad %d)", st, len(got), len(bad))
		}
		for _, m := range got {
			if err := m.Validate(); err != nil {
				t.Fatalf("emitted an invalid mention: %v", err)
			}
		}
	})
}
