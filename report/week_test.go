package report

import (
	"strings"
	"testing"
	"time"

	"github.com/golang/freetype/truetype"
)

func TestParseWeek(t *testing.T) {
	for _, tc := range []struct {
		in    string
		start string // Monday, WITA
		label string
		bad   bool
	}{
		{"2026-W47", "2026-11-16", "Minggu 47, 16–22 November 2026", false},
		{"2026W01", "2025-12-29", "Minggu 1, 29 Desember 2025 – 4 Januari 2026", false},
		{"2026-W53", "2026-12-28", "Minggu 53, 28 Desember 2026 – 3 Januari 2027", false}, // 2026 has 53 ISO weeks
		{"2025-W53", "", "", true},
		{"2026-W09", "2026-02-23", "Minggu 9, 23 Februari – 1 Maret 2026", false},
		{"2026-W00", "", "", true},
		{"2026-47", "", "", true},
		{"", "", "", true},
	} {
		w, err := ParseWeek(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("%q accepted as %v", tc.in, w)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		s := w.Start()
		if got := s.Format("2006-01-02"); got != tc.start || s.Weekday() != time.Monday || s.Hour() != 0 {
			t.Errorf("%q starts %s, want Monday %s 00:00", tc.in, s, tc.start)
		}
		if y, n := s.ISOWeek(); y != w.Year || n != w.Num {
			t.Errorf("%q: start is in ISO week %d-%d", tc.in, y, n)
		}
		l, _ := newLang(LangID)
		if got := l.WeekLabel(w); got != tc.label {
			t.Errorf("%q label %q, want %q", tc.in, got, tc.label)
		}
		if w.Next().Prev() != w {
			t.Errorf("%q: Next().Prev() = %v", tc.in, w.Next().Prev())
		}
	}
}

func TestLastCompleteWeekWITA(t *testing.T) {
	for _, tc := range []struct {
		utc  string
		want string
	}{
		// Sunday 15:59 UTC is Sunday 23:59 WITA: week 47 is not complete.
		{"2026-11-22T15:59:00Z", "2026-W46"},
		// Sunday 16:00 UTC is Monday 00:00 WITA: week 47 is complete.
		{"2026-11-22T16:00:00Z", "2026-W47"},
		{"2026-11-26T09:00:00Z", "2026-W47"},
		{"2027-01-03T16:30:00Z", "2026-W53"},
	} {
		now, _ := time.Parse(time.RFC3339, tc.utc)
		if got := LastCompleteWeek(now).String(); got != tc.want {
			t.Errorf("now %s: last complete week %s, want %s", tc.utc, got, tc.want)
		}
	}
	if _, off := testWeek.Start().Zone(); off != 8*3600 {
		t.Errorf("WITA offset %d, want +8h (time/tzdata must be embedded)", off)
	}
}

func FuzzParseWeek(f *testing.F) {
	for _, s := range []string{"2026-W47", "2026W1", "9999-W53", "0000-W01", "2026-W99", "x", "2026-W-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWeek(s)
		if err != nil {
			return
		}
		if y, n := w.Start().ISOWeek(); y != w.Year || n != w.Num {
			t.Errorf("%q → %v starts in %d-W%d", s, w, y, n)
		}
		if back, err := ParseWeek(w.String()); err != nil || back != w {
			t.Errorf("%q → %v does not round-trip: %v %v", s, w, back, err)
		}
	})
}

func TestNumberFormats(t *testing.T) {
	id, _ := newLang(LangID)
	en, _ := newLang(LangEN)
	for _, tc := range []struct {
		got, want string
	}{
		{id.Int(1234567), "1.234.567"},
		{en.Int(1234567), "1,234,567"},
		{id.Int(999), "999"},
		{id.Int(-1234), "−1.234"},
		{id.Float(12.46), "12,5"},
		{id.Float(-0.04), "0,0"},
		{id.Float(-27.35), "−27,4"},
		{id.Float(1234.96), "1.235,0"},
		{en.Float(12.5), "12.5"},
		{id.Pct(12.5), "12,5\u00a0%"},
		{countChange(id, 5, 0).text, "baru"},
		{countChange(en, 5, 0).text, "new"},
		{countChange(id, 0, 0).text, "tetap"},
		{countChange(id, 0, 4).text, "▼ 100,0\u00a0%"},
		{countChange(id, 1125, 1000).text, "▲ 12,5\u00a0%"},
		{pointChange(id, 3, true, 0, false).text, "n/a"},
		{pointChange(id, -27.3, true, -9.5, true).text, "▼ 17,8\u00a0poin"},
		{pointChange(id, 4, true, 4, true).text, "tetap"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	mon := testWeek.Start()
	for _, tc := range []struct {
		from, to time.Time
		want     string
	}{
		{mon.Add(14 * time.Hour), mon.Add(16 * time.Hour), "Sen 16/11 14:00–16:00"},
		{mon.Add(22 * time.Hour), mon.Add(24 * time.Hour), "Sen 16/11 22:00–00:00"},
		{mon.Add(23 * time.Hour), mon.Add(25 * time.Hour), "Sen 16/11 23:00 – Sel 17/11 01:00"},
	} {
		if got := id.HourRange(tc.from, tc.to); got != tc.want {
			t.Errorf("HourRange = %q, want %q", got, tc.want)
		}
	}
	if _, err := newLang("fr"); err == nil {
		t.Error("fr accepted")
	}
}

// TestFontCoverage checks that the embedded PDF fonts have a glyph for
// every character the report prints, so nothing renders as a box.
func TestFontCoverage(t *testing.T) {
	var text strings.Builder
	for _, v := range texts {
		text.WriteString(v[0] + v[1])
	}
	text.WriteString("▲▼–—“”…−×·•≥é\u00a0")
	for _, m := range monthsID {
		text.WriteString(m)
	}
	for name, data := range map[string][]byte{"regular": fontRegular, "bold": fontBold} {
		f, err := truetype.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, r := range text.String() {
			if r == '\n' {
				continue
			}
			if f.Index(r) == 0 {
				t.Errorf("%s font has no glyph for %q (U+%04X)", name, r, r)
			}
		}
	}
}
