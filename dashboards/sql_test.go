package dashboards_test

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/dashboards"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

func TestMain(m *testing.M) { chtest.Main(m) }

// t0 is the start of the dashboards' time range in these tests.
var t0 = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)

// fixture is a small, hand-counted week of mentions. Every expected value
// in TestPanelSQL follows from it.
func fixture() []mention.Mention {
	type spec struct {
		id, source, text string
		at               time.Duration
		programs, places []string
		sentiment        string
		hostility        string
		hScore           float64
		target           string
		cats             []string
		author           mention.Author
		breach, unverif  bool
		likes            int64
	}
	citizen := func(id string) mention.Author {
		return mention.Author{ID: id, Handle: id, Name: "Nama " + id, Kind: mention.KindCitizen}
	}
	specs := []spec{
		{id: "m1", source: "rss", text: "Probebaya membangun jalan lingkungan kami, terima kasih", at: 1 * time.Hour,
			programs: []string{"probebaya"}, places: []string{"samarinda-ulu"}, sentiment: "positive", hostility: "none", author: citizen("ani"), likes: 10},
		{id: "m2", source: "youtube", text: "Probebaya lambat, pengurus bodoh", at: 90 * time.Minute,
			programs: []string{"probebaya"}, places: []string{"samarinda-ulu"}, sentiment: "negative", hostility: "abusive", hScore: 0.8,
			target: "individual", cats: []string{"other"}, author: citizen("budi"), likes: 3},
		{id: "m3", source: "x", text: "Probebaya cuma untuk golongan mereka saja", at: 130 * time.Minute,
			programs: []string{"probebaya"}, places: []string{"sungai-kunjang"}, sentiment: "negative", hostility: "hate", hScore: 0.95,
			target: "group", cats: []string{"religion"}, author: citizen("cici"), likes: 7},
		{id: "m4", source: "x", text: "Banjir surut di Sungai Kunjang", at: 140 * time.Minute,
			programs: []string{"penanganan-banjir"}, places: []string{"sungai-kunjang"}, sentiment: "neutral", hostility: "none",
			author: mention.Author{ID: "kaltimpost", Handle: "kaltimpost", Name: "Kaltim Post", Kind: mention.KindMedia}, likes: 1},
		{id: "m5", source: "facebook", text: "Dukung paslon nomor dua demi Probebaya lanjut", at: 3 * time.Hour,
			programs: []string{"probebaya"}, sentiment: "positive", hostility: "none", breach: true,
			author: mention.Author{ID: "kel.airhitam", Handle: "kel.airhitam", Name: "Kelurahan Air Hitam", Kind: mention.KindGovernment, Org: "Kelurahan Air Hitam", Level: mention.LevelKelurahan}, likes: 20},
		{id: "m6", source: "facebook", text: "Coblos nomor satu", at: 210 * time.Minute,
			places: []string{"samarinda-ulu"}, sentiment: "neutral", hostility: "none", breach: true,
			author: mention.Author{ID: "dinaspupr", Handle: "dinaspupr", Name: "Dinas PUPR", Kind: mention.KindGovernment, Org: "Dinas PUPR", Level: mention.LevelOPD}, likes: 5},
		{id: "m7", source: "rss", text: "Penanganan banjir lamban, walikota tolol", at: 26 * time.Hour,
			programs: []string{"penanganan-banjir"}, places: []string{"samarinda-ulu", "sungai-kunjang"}, sentiment: "negative", hostility: "abusive", hScore: 0.7,
			target: "individual", cats: []string{"physical"}, author: citizen("ani"), likes: 2},
		{id: "m8", source: "youtube", text: "Probebaya membangun jalan dan drainase di banjir", at: 27 * time.Hour,
			programs: []string{"probebaya", "penanganan-banjir"}, sentiment: "positive", hostility: "none", author: citizen("dedi"), likes: 30},
		{id: "m9", source: "telegram", text: "Probebaya mantap, pilih nomor dua", at: 28 * time.Hour,
			programs: []string{"probebaya"}, places: []string{"sungai-kunjang"}, sentiment: "neutral", hostility: "none", breach: true, unverif: true,
			author: mention.Author{ID: "humas.sempaja", Handle: "humas.sempaja", Name: "Humas Sempaja", Kind: mention.KindGovernment}, likes: 4},
		// The previous range, for rising terms only.
		{id: "m10", source: "rss", text: "Probebaya drainase mampet", at: -10 * time.Hour,
			programs: []string{"probebaya"}, sentiment: "negative", hostility: "none", author: citizen("eka")},
		{id: "m11", source: "rss", text: "Probebaya drainase lagi", at: -20 * time.Hour,
			programs: []string{"probebaya"}, sentiment: "negative", hostility: "none", author: citizen("fani")},
	}
	var out []mention.Mention
	for _, s := range specs {
		at := t0.Add(s.at)
		m := mention.Mention{
			Schema: 1, ID: mention.NewID(s.source, s.id), Source: s.source, URL: "https://example.org/" + s.id,
			Author: s.author, Text: s.text, Lang: "id", PostedAt: at, CollectedAt: at.Add(time.Minute),
			Metrics: mention.Metrics{Likes: s.likes, Replies: 1, Shares: 1},
			Tags: mention.Tags{
				Sentiment: &mention.Sentiment{Label: s.sentiment, Score: 0, Confidence: 0.9},
				Hostility: &mention.Hostility{Label: s.hostility, Score: s.hScore, Target: s.target, Categories: s.cats, Threat: s.id == "m3"},
				Programs:  s.programs, Places: s.places,
				NeutralityBreach: s.breach, BreachUnverified: s.unverif,
			},
		}
		if s.breach {
			m.Politics = &mention.Politics{Political: true, Partisan: true, Stance: "support", Actors: []string{"paslon-2"},
				Cues: []string{`hand-sign: "nomor dua" → paslon-2`, "a cue written before cues had rules"}}
		}
		out = append(out, m)
	}
	return out
}

// seed fills a fresh database and returns a connection to it.
func seed(t *testing.T) *store.DB {
	t.Helper()
	ctx := context.Background()
	cfg := chtest.Config(t)
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ms := fixture()
	p := store.NewPseudonymizer("k")
	// Written twice, as at-least-once delivery does: every panel must count
	// each mention once.
	if err := db.InsertMentions(ctx, ms, p); err != nil {
		t.Fatal(err)
	}
	if err := db.InsertMentions(ctx, ms[:3], p); err != nil {
		t.Fatal(err)
	}
	err = db.InsertAlerts(ctx, []store.AlertRecord{
		{ID: "a1", Key: "k1", Family: "hostile", ScopeKind: "program", ScopeID: "probebaya", State: "firing", Severity: "high",
			OpenedAt: t0.Add(2 * time.Hour), UpdatedAt: t0.Add(2 * time.Hour), Observed: 6, Expected: 1.5, Ratio: 4, Title: "Lonjakan konten bermusuhan", Version: 1},
		{ID: "a1", Key: "k1", Family: "hostile", ScopeKind: "program", ScopeID: "probebaya", State: "resolved", Severity: "high",
			OpenedAt: t0.Add(2 * time.Hour), UpdatedAt: t0.Add(5 * time.Hour), Observed: 6, Expected: 1.5, Ratio: 4, Title: "Lonjakan konten bermusuhan", Version: 2,
			SpanFrom: t0.Add(95 * time.Minute), SpanTo: t0.Add(130 * time.Minute), SpanCount: 7},
		{ID: "a3", Key: "k3", Family: "threat", ScopeKind: "all", ScopeID: "all", State: "firing", Severity: "high",
			OpenedAt: t0.Add(9 * time.Hour), UpdatedAt: t0.Add(9 * time.Hour), WindowFrom: t0.Add(8 * time.Hour), WindowTo: t0.Add(9 * time.Hour),
			Observed: 2, Title: "Ancaman terdeteksi", Version: 1},
		{ID: "a2", Key: "k2", Family: "negative", ScopeKind: "all", ScopeID: "all", State: "firing", Severity: "low",
			OpenedAt: t0.Add(3 * time.Hour), UpdatedAt: t0.Add(3 * time.Hour), Observed: 3, Expected: 1, Ratio: 3, Title: "Sentimen negatif", Version: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Collector passes (migration 0005_collector_runs).
	type run struct {
		collector, source string
		at                time.Duration
		items, errors     int64
		class, last       string
		quota             int64
		ok                uint8
	}
	runs := []run{
		{"rss-kominfo", "rss", 1 * time.Hour, 5, 0, "", "", -1, 1},
		{"rss-kominfo", "rss", 30 * time.Hour, 3, 0, "", "", -1, 1},
		{"youtube", "youtube", 2 * time.Hour, 10, 0, "", "", 9000, 1},
		{"youtube", "youtube", 26 * time.Hour, 0, 2, "quota", "quotaExceeded", 0, 0},
		{"x-search", "x", 3 * time.Hour, 4, 0, "", "", 400, 1},
	}
	b, err := db.Conn().PrepareBatch(ctx, "INSERT INTO collector_runs (collector, source, started_at, finished_at, items, dropped, errors, error_class, last_error, quota_remaining, ok)")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		if err := b.Append(r.collector, r.source, t0.Add(r.at), t0.Add(r.at+time.Minute), r.items, int64(0), r.errors, r.class, r.last, r.quota, r.ok); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Send(); err != nil {
		t.Fatal(err)
	}
	// Human corrections (migration 0004): m2 was not negative but neutral,
	// m7 was not abusive, m4 was hateful. Lists and breakdowns of posts must
	// use the corrected labels.
	b, err = db.Conn().PrepareBatch(ctx, "INSERT INTO label_corrections (mention_id, field, value, previous, posted_at, corrected_by, corrected_at, note)")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][3]string{{"m2", "sentiment", "neutral"}, {"m7", "hostility", "none"}, {"m4", "hostility", "hate"}} {
		id := ""
		for _, m := range ms {
			if strings.HasSuffix(m.ID, ":"+c[0]) {
				id = m.ID
			}
		}
		var posted time.Time
		for _, m := range ms {
			if m.ID == id {
				posted = m.PostedAt
			}
		}
		if err := b.Append(id, c[1], c[2], "", posted, "tim-medsos", t0.Add(72*time.Hour), ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Send(); err != nil {
		t.Fatal(err)
	}
	return db
}

// run expands sql and returns the column names and the rows as strings
// (times in RFC 3339 UTC, floats with 4 decimals).
func run(t *testing.T, db *store.DB, sql string, env dashboards.Env) ([]string, [][]string) {
	t.Helper()
	expanded, err := dashboards.Expand(sql, env)
	if err != nil {
		t.Fatalf("expand: %v\n%s", err, sql)
	}
	return chtest.Rows(t, db, expanded)
}

// all selects "All"; Grafana then knows every option of the variable.
func all(options ...string) dashboards.Variable {
	return dashboards.Variable{Selected: []string{dashboards.AllValue}, Options: options}
}

func sel(v ...string) dashboards.Variable { return dashboards.Variable{Selected: v} }

// envAll is the default view: two days, hourly buckets, All everywhere.
func envAll() dashboards.Env {
	return dashboards.Env{
		From: t0, To: t0.Add(48*time.Hour - time.Second), Interval: time.Hour,
		Vars: map[string]dashboards.Variable{
			"program": all("penanganan-banjir", "probebaya"),
			"source":  all("facebook", "rss", "telegram", "x", "youtube"),
			"place":   all("samarinda-ulu", "sungai-kunjang"),
		},
	}
}

func with(env dashboards.Env, name string, v dashboards.Variable) dashboards.Env {
	vars := map[string]dashboards.Variable{}
	for k, x := range env.Vars {
		vars[k] = x
	}
	vars[name] = v
	env.Vars = vars
	return env
}

func hour(h int) string { return t0.Add(time.Duration(h) * time.Hour).Format(time.RFC3339) }

// panelCase is what one panel must return.
type panelCase struct {
	env  dashboards.Env
	cols []string
	rows [][]string // nil: only the columns and check are asserted
	// check, when set, asserts on the rows instead of (or beside) rows.
	check func(t *testing.T, rows [][]string)
}

func TestPanelSQL(t *testing.T) {
	db := seed(t)
	ds, err := dashboards.All(dashboards.Options{})
	if err != nil {
		t.Fatal(err)
	}
	probebaya := with(envAll(), "program", sel("probebaya"))
	daily := envAll()
	daily.Interval = 24 * time.Hour
	pseudonym := func(col int) func(t *testing.T, rows [][]string) {
		return func(t *testing.T, rows [][]string) {
			for _, r := range rows {
				if !strings.HasPrefix(r[col], "warga-") && !strings.HasPrefix(r[col], "kel.") && r[col] != "dinaspupr" && r[col] != "humas.sempaja" && r[col] != "kaltimpost" {
					t.Errorf("author %q is neither a pseudonym nor a named institution", r[col])
				}
				for _, name := range []string{"ani", "budi", "cici", "dedi"} {
					if r[col] == name {
						t.Errorf("citizen %q shown by name", name)
					}
				}
			}
		}
	}
	cases := map[string][]panelCase{
		// Ringkasan.
		"dengar-ringkasan/Jumlah sebutan": {
			{env: envAll(), cols: []string{"sebutan"}, rows: [][]string{{"9"}}},
			{env: probebaya, cols: []string{"sebutan"}, rows: [][]string{{"6"}}},
			{env: with(envAll(), "source", sel("x", "rss")), cols: []string{"sebutan"}, rows: [][]string{{"4"}}},
			{env: with(envAll(), "place", sel("sungai-kunjang")), cols: []string{"sebutan"}, rows: [][]string{{"4"}}},
			{env: with(with(envAll(), "place", sel("sungai-kunjang")), "program", sel("penanganan-banjir", "probebaya")), cols: []string{"sebutan"}, rows: [][]string{{"4"}}},
		},
		"dengar-ringkasan/Penulis unik":           {{env: envAll(), cols: []string{"penulis"}, rows: [][]string{{"8"}}}},
		"dengar-ringkasan/Sentimen negatif":       {{env: envAll(), cols: []string{"porsi_negatif"}, rows: [][]string{{"0.3333"}}}},
		"dengar-ringkasan/Konten bermusuhan":      {{env: envAll(), cols: []string{"porsi_bermusuhan"}, rows: [][]string{{"0.3333"}}}},
		"dengar-ringkasan/Pelanggaran netralitas": {{env: envAll(), cols: []string{"pelanggaran"}, rows: [][]string{{"3"}}}, {env: probebaya, cols: []string{"pelanggaran"}, rows: [][]string{{"2"}}}},
		"dengar-ringkasan/Volume sebutan per sumber": {
			{env: envAll(), cols: []string{"time", "sumber", "sebutan"}, rows: [][]string{
				{hour(1), "rss", "1"}, {hour(1), "youtube", "1"}, {hour(2), "x", "2"}, {hour(3), "facebook", "2"},
				{hour(26), "rss", "1"}, {hour(27), "youtube", "1"}, {hour(28), "telegram", "1"}}},
			{env: daily, cols: []string{"time", "sumber", "sebutan"}, rows: [][]string{
				{hour(0), "facebook", "2"}, {hour(0), "rss", "1"}, {hour(0), "x", "2"}, {hour(0), "youtube", "1"},
				{hour(24), "rss", "1"}, {hour(24), "telegram", "1"}, {hour(24), "youtube", "1"}}},
		},
		"dengar-ringkasan/Tren sentimen": {{env: daily, cols: []string{"time", "sentimen", "sebutan"}, rows: [][]string{
			{hour(0), "negatif", "2"}, {hour(0), "netral", "2"}, {hour(0), "positif", "2"},
			{hour(24), "negatif", "1"}, {hour(24), "netral", "1"}, {hour(24), "positif", "1"}}}},
		"dengar-ringkasan/Porsi suara per program": {{env: envAll(), cols: []string{"program", "sebutan"}, rows: [][]string{
			{"probebaya", "6"}, {"penanganan-banjir", "3"}}}},
		"dengar-ringkasan/Porsi konten bermusuhan": {{env: daily, cols: []string{"time", "porsi_bermusuhan"}, rows: [][]string{
			{hour(0), "0.3333"}, {hour(24), "0.3333"}}}},
		"dengar-ringkasan/Pelanggaran netralitas terbaru": {{env: envAll(), cols: []string{"waktu", "instansi", "tingkat", "akun", "sumber", "isi", "url"}, rows: [][]string{
			{hour(28), "Humas Sempaja", "tidak diketahui", "humas.sempaja", "telegram", "Probebaya mantap, pilih nomor dua", "https://example.org/m9"},
			{t0.Add(210 * time.Minute).Format(time.RFC3339), "Dinas PUPR", "OPD", "dinaspupr", "facebook", "Coblos nomor satu", "https://example.org/m6"},
			{hour(3), "Kelurahan Air Hitam", "Kelurahan", "kel.airhitam", "facebook", "Dukung paslon nomor dua demi Probebaya lanjut", "https://example.org/m5"}}}},

		"dengar-ringkasan/Versi model": {
			{env: envAll(), cols: []string{"hari", "model", "sebutan"}, rows: [][]string{{"2026-11-02T00:00:00Z", "(tanpa versi)", "6"}, {"2026-11-03T00:00:00Z", "(tanpa versi)", "3"}}},
			{env: with(envAll(), "source", sel("x", "rss")), cols: []string{"hari", "model", "sebutan"}, rows: [][]string{{"2026-11-02T00:00:00Z", "(tanpa versi)", "3"}, {"2026-11-03T00:00:00Z", "(tanpa versi)", "1"}}},
		},

		// Konten bermusuhan.
		// m3 (hate) is also a threat: counted under both.
		"dengar-bermusuhan/Volume konten bermusuhan": {{env: envAll(), cols: []string{"time", "jenis", "sebutan"}, rows: [][]string{
			{hour(1), "kasar", "1"}, {hour(2), "ancaman", "1"}, {hour(2), "ujaran kebencian", "1"}, {hour(26), "kasar", "1"}}}},
		"dengar-bermusuhan/Ancaman": {{env: envAll(), cols: []string{"ancaman"}, rows: [][]string{{"1"}}},
			{env: with(envAll(), "source", sel("rss")), cols: []string{"ancaman"}, rows: [][]string{{"0"}}}},
		"dengar-bermusuhan/Porsi konten bermusuhan": {{env: envAll(), cols: []string{"time", "porsi_bermusuhan"}, rows: [][]string{
			{hour(1), "0.5000"}, {hour(2), "0.5000"}, {hour(3), "0.0000"}, {hour(26), "1.0000"}, {hour(27), "0.0000"}, {hour(28), "0.0000"}}}},
		// m7 (physical, individual) was corrected to not hostile, m4 (no
		// category, no target) to hateful.
		"dengar-bermusuhan/Kategori": {{env: envAll(), cols: []string{"kategori", "sebutan"}, rows: [][]string{
			{"agama", "1"}, {"lainnya", "1"}}}},
		"dengar-bermusuhan/Sasaran": {
			{env: envAll(), cols: []string{"sasaran", "sebutan"}, rows: [][]string{
				{"individu", "1"}, {"kelompok", "1"}, {"tidak diketahui", "1"}}},
			{env: with(envAll(), "source", sel("x")), cols: []string{"sasaran", "sebutan"}, rows: [][]string{
				{"kelompok", "1"}, {"tidak diketahui", "1"}}},
			{env: with(envAll(), "source", sel("rss")), cols: []string{"sasaran", "sebutan"}, rows: nil,
				check: func(t *testing.T, rows [][]string) {
					if len(rows) != 0 {
						t.Errorf("rss has no hostile mention after corrections, got %q", rows)
					}
				}},
		},
		"dengar-bermusuhan/Menurut kecamatan": {
			{env: envAll(), cols: []string{"wilayah", "bermusuhan", "semua"}, rows: [][]string{
				{"samarinda-ulu", "2", "4"}, {"sungai-kunjang", "2", "4"}}},
			{env: with(envAll(), "program", sel("penanganan-banjir")), cols: []string{"wilayah", "bermusuhan", "semua"}, rows: [][]string{
				{"samarinda-ulu", "1", "1"}, {"sungai-kunjang", "1", "2"}}},
		},
		// a1 has a span (its first to last post, 7 of them); a3, recorded
		// before spans existed, shows its peak window and count.
		"dengar-bermusuhan/Lonjakan": {{env: envAll(), cols: []string{"dibuka", "tingkat", "cakupan", "jenis", "mulai", "selesai", "sebutan", "puncak", "dugaan", "rasio", "status", "judul"}, rows: [][]string{
			{hour(9), "high", "all", "threat", hour(8), hour(9), "2", "2.0000", "0.0000", "0.0000", "firing", "Ancaman terdeteksi"},
			{hour(2), "high", "probebaya", "hostile", t0.Add(95 * time.Minute).Format(time.RFC3339), t0.Add(130 * time.Minute).Format(time.RFC3339), "7", "6.0000", "1.5000", "4.0000", "resolved", "Lonjakan konten bermusuhan"}}}},
		"dengar-bermusuhan/Unggahan paling bermusuhan": {{env: envAll(), cols: []string{"waktu", "akun", "jenis_akun", "sumber", "label", "skor", "sasaran", "isi", "url"},
			check: func(t *testing.T, rows [][]string) {
				if len(rows) != 3 {
					t.Fatalf("got %d rows, want 3 (m7 corrected to not hostile, m4 to hateful)", len(rows))
				}
				var got []string
				for _, r := range rows {
					got = append(got, r[8]+" "+r[4]+" "+r[5]+" "+r[6])
				}
				want := []string{"https://example.org/m3 ujaran kebencian 0.9500 kelompok", "https://example.org/m2 kasar 0.8000 individu", "https://example.org/m4 ujaran kebencian 0.0000 tidak diketahui"}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("got %q, want %q", got, want)
				}
				pseudonym(1)(t, rows)
				if rows[0][1] == rows[1][1] {
					t.Errorf("two citizens share a pseudonym: %q", rows[0][1])
				}
			}}},

		// Netralitas.
		"dengar-netralitas/Pelanggaran netralitas":   {{env: envAll(), cols: []string{"pelanggaran"}, rows: [][]string{{"3"}}}},
		"dengar-netralitas/Akun pemerintah terlibat": {{env: envAll(), cols: []string{"akun"}, rows: [][]string{{"3"}}}},
		"dengar-netralitas/Belum terverifikasi":      {{env: envAll(), cols: []string{"belum_terverifikasi"}, rows: [][]string{{"1"}}}},
		"dengar-netralitas/Unggahan partisan akun pemerintah": {{env: envAll(), cols: []string{"time", "partisan_akun_pemerintah", "pelanggaran"}, rows: [][]string{
			{hour(3), "2", "2"}, {hour(28), "1", "1"}}}},
		"dengar-netralitas/Menurut instansi": {{env: envAll(), cols: []string{"instansi", "pelanggaran"}, rows: [][]string{
			{"Dinas PUPR", "1"}, {"Kelurahan Air Hitam", "1"}, {"humas.sempaja", "1"}}}},
		"dengar-netralitas/Menurut tingkat": {{env: envAll(), cols: []string{"tingkat", "pelanggaran"}, rows: [][]string{
			{"Kelurahan", "1"}, {"OPD", "1"}, {"tidak diketahui", "1"}}}},
		"dengar-netralitas/Daftar pelanggaran": {{env: with(envAll(), "place", sel("samarinda-ulu")),
			cols: []string{"waktu", "instansi", "tingkat", "akun", "sumber", "sikap", "aktor", "isyarat", "terverifikasi", "isi", "url"}, rows: [][]string{
				{t0.Add(210 * time.Minute).Format(time.RFC3339), "Dinas PUPR", "OPD", "dinaspupr", "facebook", "mendukung", "paslon-2",
					`salam atau pose jari nomor urut: "nomor dua" → paslon-2; a cue written before cues had rules`, "ya", "Coblos nomor satu", "https://example.org/m6"}}}},

		// Program.
		"dengar-program/Sebutan":         {{env: probebaya, cols: []string{"sebutan"}, rows: [][]string{{"6"}}}},
		"dengar-program/Sentimen bersih": {{env: probebaya, cols: []string{"sentimen_bersih"}, rows: [][]string{{"0.1667"}}}},
		"dengar-program/Penulis unik":    {{env: probebaya, cols: []string{"penulis"}, rows: [][]string{{"6"}}}},
		"dengar-program/Keterlibatan":    {{env: probebaya, cols: []string{"keterlibatan"}, rows: [][]string{{strconv.Itoa(10 + 3 + 7 + 20 + 30 + 4 + 6*2)}}}},
		"dengar-program/Sentimen dari waktu ke waktu": {{env: func() dashboards.Env { e := probebaya; e.Interval = 24 * time.Hour; return e }(),
			cols: []string{"time", "sentimen", "sebutan"}, rows: [][]string{
				{hour(0), "negatif", "2"}, {hour(0), "positif", "2"}, {hour(24), "netral", "1"}, {hour(24), "positif", "1"}}}},
		"dengar-program/Istilah yang sedang naik": {{env: probebaya, cols: []string{"istilah", "sekarang", "sebelumnya", "kenaikan"}, rows: [][]string{
			{"probebaya", "6", "2", "4"}, {"jalan", "2", "0", "2"}, {"membangun", "2", "0", "2"}, {"nomor", "2", "0", "2"}}}},
		"dengar-program/Sumber": {{env: probebaya, cols: []string{"sumber", "positif", "netral", "negatif"}, rows: [][]string{
			{"youtube", "1", "0", "1"}, {"facebook", "1", "0", "0"}, {"rss", "1", "0", "0"}, {"telegram", "0", "1", "0"}, {"x", "0", "0", "1"}}}},
		"dengar-program/Wilayah": {{env: probebaya, cols: []string{"wilayah", "sebutan"}, rows: [][]string{
			{"samarinda-ulu", "2"}, {"sungai-kunjang", "2"}}}},
		"dengar-program/Contoh unggahan": {{env: with(probebaya, "source", sel("youtube", "rss")), cols: []string{"waktu", "akun", "sumber", "sentimen", "keterlibatan", "isi", "url"},
			check: func(t *testing.T, rows [][]string) {
				var got []string
				for _, r := range rows {
					got = append(got, r[6]+" "+r[4]+" "+r[3])
				}
				// m2's sentiment was corrected from negative to neutral.
				want := []string{"https://example.org/m8 32 positif", "https://example.org/m1 12 positif", "https://example.org/m2 5 netral"}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("got %q, want %q", got, want)
				}
				pseudonym(1)(t, rows)
			}}},

		// Sumber (collector_runs).
		"dengar-sumber/Kesegaran per sumber": {{env: envAll(), cols: []string{"sumber", "kolektor", "terakhir_berhasil", "umur_detik", "terakhir_jalan"}, rows: [][]string{
			{"youtube", "youtube", t0.Add(2*time.Hour + time.Minute).Format(time.RFC3339), "165539", hour(26)},
			{"x", "x-search", t0.Add(3*time.Hour + time.Minute).Format(time.RFC3339), "161939", hour(3)},
			{"rss", "rss-kominfo", t0.Add(30*time.Hour + time.Minute).Format(time.RFC3339), "64739", hour(30)}}}},
		"dengar-sumber/Kuota API": {{env: envAll(), cols: []string{"sumber", "kolektor", "sisa_kuota", "diukur"}, rows: [][]string{
			{"youtube", "youtube", "0", hour(26)}, {"x", "x-search", "400", hour(3)}}}},
		"dengar-sumber/Item per jam": {
			{env: envAll(), cols: []string{"time", "sumber", "item"}, rows: [][]string{
				{hour(1), "rss", "5"}, {hour(2), "youtube", "10"}, {hour(3), "x", "4"}, {hour(26), "youtube", "0"}, {hour(30), "rss", "3"}}},
			{env: with(envAll(), "source", sel("rss")), cols: []string{"time", "sumber", "item"}, rows: [][]string{
				{hour(1), "rss", "5"}, {hour(30), "rss", "3"}}},
		},
		"dengar-sumber/Galat": {{env: with(envAll(), "source", sel("youtube")), cols: []string{"time", "sumber", "galat"}, rows: [][]string{
			{hour(2), "youtube", "0"}, {hour(26), "youtube", "2"}}}},
		"dengar-sumber/Galat terakhir": {{env: envAll(), cols: []string{"waktu", "sumber", "kolektor", "jenis", "galat", "pesan"}, rows: [][]string{
			{hour(26), "youtube", "youtube", "quota", "2", "quotaExceeded"}}}},
	}

	qs := dashboards.Queries(ds)
	panels, stray := dashboards.Unmatched(qs, slices.Collect(maps.Keys(cases)))
	if len(panels)+len(stray) > 0 {
		t.Errorf("panels without a test case %q, test cases without a panel %q", panels, stray)
	}
	for _, pq := range qs {
		key := pq.Key()
		cs := cases[key]
		if pq.Query.Format == dashboards.FormatTimeSeries && strings.Contains(pq.Query.RawSql, "FROM mentions FINAL") {
			t.Errorf("time series %s scans raw mentions: trends must come from the rollups", key)
		}
		for i, c := range cs {
			t.Run(fmt.Sprintf("%s/%d", key, i), func(t *testing.T) {
				cols, rows := run(t, db, pq.Query.RawSql, c.env)
				if !reflect.DeepEqual(cols, c.cols) {
					t.Fatalf("columns %q, want %q", cols, c.cols)
				}
				if pq.Query.Format == dashboards.FormatTimeSeries && (len(cols) == 0 || cols[0] != "time") {
					t.Errorf("time series must start with the time column, got %q", cols)
				}
				if c.rows != nil && !reflect.DeepEqual(rows, c.rows) {
					t.Errorf("rows\n got %q\nwant %q", rows, c.rows)
				}
				if c.check != nil {
					c.check(t, rows)
				}
			})
		}
	}
}

func TestVariableSQL(t *testing.T) {
	db := seed(t)
	ds, err := dashboards.All(dashboards.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"program": {"penanganan-banjir", "probebaya"},
		"source":  {"facebook", "rss", "telegram", "x", "youtube"},
		"place":   {"samarinda-ulu", "sungai-kunjang"},
		// Sumber lists the sources that have collector runs.
		"source_runs": {"rss", "x", "youtube"},
	}
	vars := dashboards.VariableQueries(ds)
	if len(vars) == 0 {
		t.Fatal("no query variables")
	}
	for key, sql := range vars {
		name := key[strings.Index(key, "/")+1:]
		if strings.HasPrefix(key, dashboards.UIDSumber+"/") {
			name = "source_runs"
		}
		t.Run(key, func(t *testing.T) {
			_, rows := run(t, db, sql, envAll())
			var got []string
			for _, r := range rows {
				got = append(got, r[0])
			}
			if !reflect.DeepEqual(got, want[name]) {
				t.Errorf("values %q, want %q", got, want[name])
			}
		})
	}
}
