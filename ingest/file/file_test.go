package file

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/mention"
)

// pullAll drives c the way the runner does (Pull while More, the cursor
// carried over) and returns everything it yielded.
func pullAll(t testing.TB, c *Collector, cur *Cursor) ([]mention.Mention, []ingest.Malformed, int, error) {
	var got []mention.Mention
	var bad []ingest.Malformed
	pulls := 0
	for {
		b, err := c.Pull(context.Background(), cur)
		pulls++
		got = append(got, b.Mentions...)
		bad = append(bad, b.Malformed...)
		if err != nil || !b.More {
			return got, bad, pulls, err
		}
	}
}

func read(t testing.TB, c *Collector) ([]mention.Mention, []ingest.Malformed, error) {
	got, bad, _, err := pullAll(t, c, &Cursor{})
	return got, bad, err
}

var fixed = func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }

const jsonlIn = `{"id":"x:1","source":"x","text":"Banjir lagi di Sempaja","posted_at":"2026-11-20T01:00:00Z"}
# a comment line

{"text":"tanpa id","posted_at":"2026-11-20T02:00:00+08:00","author":{"kind":"citizen"}}
{"id":"x:2","source":"x","text":"","posted_at":"2026-11-20T01:00:00Z"}
{"id": broken
{"id":"77","source":"youtube","text":"Terowongan retak","posted_at":"2026-11-20T01:00:00Z"}
`

func TestImportJSONL(t *testing.T) {
	got, bad, pulls, err := pullAll(t, FromReader("in.jsonl", strings.NewReader(jsonlIn), WithClock(fixed), WithChunk(2)), &Cursor{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || len(bad) != 2 || pulls != 3 {
		t.Fatalf("got %d, bad %d in %d pulls; want 3, 2 in 3 (chunks of 2 items)", len(got), len(bad), pulls)
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
	if !strings.Contains(bad[0].Err.Error(), "line 5: ") || !strings.Contains(bad[0].Err.Error(), "text or title is required") || !strings.Contains(string(bad[0].Raw), `"x:2"`) {
		t.Errorf("bad[0] = %v %s", bad[0].Err, bad[0].Raw)
	}
	if !strings.Contains(bad[1].Err.Error(), "line 6: not a JSON mention") || string(bad[1].Raw) != `{"id": broken` {
		t.Errorf("bad[1] = %v %s", bad[1].Err, bad[1].Raw)
	}
	// Re-reading yields the same ids (idempotent import).
	again, _, _ := read(t, FromReader("in.jsonl", strings.NewReader(jsonlIn), WithClock(fixed)))
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
	got, bad, err := read(t, FromReader("in.csv", strings.NewReader(in), WithClock(fixed)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(bad) != 3 {
		t.Fatalf("got %d, bad %v", len(got), bad)
	}
	if got[0].ID != "x:1" || got[0].Text != "Teras Samarinda, bersih dan rapi" || got[0].Metrics.Likes != 5 {
		t.Errorf("row = %+v", got[0])
	}
	for i, want := range []string{"line 3: column posted_at", "line 4: column likes", "line 5: 3 fields, header has 7"} {
		if !strings.Contains(bad[i].Err.Error(), want) {
			t.Errorf("bad[%d] = %v, want %q", i, bad[i].Err, want)
		}
	}
	if _, _, err := read(t, FromReader("in.csv", strings.NewReader("id,source\n1,x\n"))); err == nil || !strings.Contains(err.Error(), "no text or title column") {
		t.Errorf("header without text: err = %v", err)
	}
}

// TestFileResumes is the configured kind: a pass reads what was appended
// since the cursor; a replaced file is read from its start.
func TestFileResumes(t *testing.T) {
	for _, tc := range []struct {
		name, ext, header string
		line              func(i int) string
	}{
		{"jsonl", ".jsonl", "", func(i int) string {
			return `{"id":"x:` + strconv.Itoa(i) + `","text":"Banjir ` + strconv.Itoa(i) + `","posted_at":"2026-11-20T01:00:00Z"}` + "\n"
		}},
		{"csv", ".csv", "id,source,text,posted_at\n", func(i int) string {
			return strconv.Itoa(i) + ",x,\"Banjir, ke-" + strconv.Itoa(i) + "\",2026-11-20T01:00:00Z\n"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "drop"+tc.ext)
			write := func(flag int, from, to int) {
				f, err := os.OpenFile(path, flag|os.O_WRONLY, 0o600)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if flag&os.O_TRUNC != 0 {
					f.WriteString(tc.header)
				}
				for i := from; i < to; i++ {
					f.WriteString(tc.line(i))
				}
			}
			ids := func(ms []mention.Mention) string {
				var s []string
				for _, m := range ms {
					s = append(s, strings.TrimPrefix(m.ID, "x:"))
				}
				return strings.Join(s, ",")
			}
			write(os.O_CREATE|os.O_TRUNC, 0, 5)
			var cur Cursor
			// A new collector per pull (a restart): the cursor alone
			// carries the position, mid-file too.
			first, err := New(path, WithChunk(2), WithClock(fixed)).Pull(context.Background(), &cur)
			if err != nil || !first.More || ids(first.Mentions) != "0,1" {
				t.Fatalf("first chunk: %s, more %v, err %v", ids(first.Mentions), first.More, err)
			}
			got, bad, _, err := pullAll(t, New(path, WithChunk(2), WithClock(fixed)), &cur)
			if err != nil || len(bad) != 0 || ids(got) != "2,3,4" {
				t.Fatalf("resumed pass: %s, bad %v, err %v", ids(got), bad, err)
			}
			if got, _, _, _ := pullAll(t, New(path, WithClock(fixed)), &cur); len(got) != 0 {
				t.Fatalf("nothing appended, yet read %s", ids(got))
			}
			write(os.O_APPEND, 5, 8)
			if got, _, _, _ := pullAll(t, New(path, WithClock(fixed)), &cur); ids(got) != "5,6,7" {
				t.Fatalf("after appending: %s, want 5,6,7 (line %d)", ids(got), cur.Line)
			}
			if cur.Line != 8+len(strings.Split(tc.header, "\n"))-1 {
				t.Errorf("cursor line %d", cur.Line)
			}
			write(os.O_TRUNC, 20, 22) // replaced: a shorter, different file
			if got, _, _, _ := pullAll(t, New(path, WithClock(fixed)), &cur); ids(got) != "20,21" {
				t.Fatalf("after replacing: %s, want 20,21", ids(got))
			}
		})
	}
}

func TestStreamCannotRewind(t *testing.T) {
	c := FromReader("s.jsonl", strings.NewReader(jsonlIn), WithChunk(1))
	cur := Cursor{}
	if _, err := c.Pull(context.Background(), &cur); err != nil {
		t.Fatal(err)
	}
	// The runner could not save that chunk: it asks again from the start.
	if _, err := c.Pull(context.Background(), &Cursor{}); err == nil || !strings.Contains(err.Error(), "cannot resume") {
		t.Fatalf("a stream was rewound: %v", err)
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
		got, _, err := read(t, FromReader("fuzz", strings.NewReader(in), WithFormat(format), WithClock(fixed), WithChunk(3)))
		if err != nil {
			return
		}
		for _, m := range got {
			if err := m.Validate(); err != nil {
				t.Fatalf("emitted an invalid mention: %v", err)
			}
		}
	})
}

// TestCSVTimes: the time forms spreadsheets and Indonesian exports write
// are read (slashes day first, no offset meaning WITA); others are refused
// with the forms that are accepted.
func TestCSVTimes(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Time // zero: refused
	}{
		{"2026-12-04T19:30:00+08:00", time.Date(2026, 12, 4, 11, 30, 0, 0, time.UTC)},
		{"2026-12-04T11:30:00Z", time.Date(2026, 12, 4, 11, 30, 0, 0, time.UTC)},
		{"04/12/2026 19:30", time.Date(2026, 12, 4, 11, 30, 0, 0, time.UTC)},
		{"04/12/2026 19:30:15", time.Date(2026, 12, 4, 11, 30, 15, 0, time.UTC)},
		{"4/12/2026", time.Date(2026, 12, 3, 16, 0, 0, 0, time.UTC)},
		{"2026-12-04 19:30", time.Date(2026, 12, 4, 11, 30, 0, 0, time.UTC)},
		{" 2026-12-04 ", time.Date(2026, 12, 3, 16, 0, 0, 0, time.UTC)},
		{"12/31/2026 19:30", time.Time{}}, // month first: refused, not guessed
		{"kemarin", time.Time{}},
	} {
		var got time.Time
		err := parseTime(&got, c.in)
		switch {
		case c.want.IsZero() && (err == nil || !strings.Contains(err.Error(), "DD/MM/YYYY HH:MM[:SS] (day first; without an offset, WITA)")):
			t.Errorf("%q: %v, %v; want refused with the accepted forms", c.in, got, err)
		case !c.want.IsZero() && (err != nil || !got.Equal(c.want)):
			t.Errorf("%q: %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}
