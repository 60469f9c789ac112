package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// rollupTotals is what every gated rollup says about a range of local
// days: mentions counted (across programs and places), engagement, and
// the mentions using the word "teks" (every rollupMention's text has it).
type rollupTotals struct {
	Hourly, Daily, Places, Signals, Accounts, Terms, Engagement int64
}

func readRollupTotals(t *testing.T, db *store.DB, from, to string) rollupTotals {
	t.Helper()
	ctx := context.Background()
	hours := fmt.Sprintf("hour >= toDateTime('%s 00:00:00', 'Asia/Makassar') AND hour < toDateTime('%s 00:00:00', 'Asia/Makassar')", from, to)
	days := fmt.Sprintf("day >= toDate('%s') AND day < toDate('%s')", from, to)
	var r rollupTotals
	for _, c := range []struct {
		dst *int64
		q   string
	}{
		{&r.Hourly, "SELECT sum(mentions) FROM mentions_hourly WHERE first_program = 1 AND " + hours},
		{&r.Daily, "SELECT sum(mentions) FROM mentions_daily WHERE first_program = 1 AND " + days},
		{&r.Places, "SELECT sum(mentions) FROM places_hourly WHERE first_program = 1 AND first_place = 1 AND " + hours},
		{&r.Signals, "SELECT sum(total) FROM signals_hourly WHERE scope = 'all' AND " + hours},
		{&r.Accounts, "SELECT sum(mentions) FROM accounts_daily WHERE " + days},
		{&r.Terms, "SELECT sum(mentions) FROM terms_daily WHERE first_program = 1 AND term = 'teks' AND " + days},
		{&r.Engagement, "SELECT sum(engagement) FROM mentions_daily WHERE first_program = 1 AND " + days},
	} {
		if err := db.Conn().QueryRow(ctx, c.q).Scan(c.dst); err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
	}
	return r
}

// want is the totals of n distinct mentions of rollupMention with likes
// 2 (engagement 3 each: likes + 1 reply).
func want(n int64) rollupTotals {
	return rollupTotals{n, n, n, n, n, n, 3 * n}
}

func openGateDB(t *testing.T) *store.DB {
	t.Helper()
	cfg := chtest.Config(t)
	db, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestRollupGateCountsEachMentionOnce(t *testing.T) {
	h := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	m := func(id string, at time.Time) mention.Mention {
		return rollupMention(id, at, "negative", "none", []string{"banjir", "probebaya"}, []string{"sungai_kunjang", "samarinda_ulu"}, 2)
	}
	a, b, c := m("a", h), m("b", h.Add(time.Minute)), m("c", h.Add(2*time.Hour))
	late := m("late", time.Date(2026, 10, 2, 5, 0, 0, 0, time.UTC)) // an old day, collected weeks later
	for _, tc := range []struct {
		name    string
		batches [][]mention.Mention
		want    int64
	}{
		{"one batch", [][]mention.Mention{{a, b, c}}, 3},
		{"the batch redelivered after a crash", [][]mention.Mention{{a, b, c}, {a, b, c}, {a, b, c}}, 3},
		{"an id twice in one batch", [][]mention.Mention{{a, b, a, c, a}}, 3},
		{"re-collected one by one", [][]mention.Mention{{a}, {b}, {a}, {c}, {b}, {a, b, c}}, 3},
		{"a late arrival for an old day, then redelivered", [][]mention.Mention{{a, b, c}, {late}, {late, a}, {late}}, 4},
		{"the late one first", [][]mention.Mention{{late}, {a, b, c, late}}, 4},
		{"repeated program and place ids", [][]mention.Mention{{a, rollupMention("rep", h, "negative", "none", []string{"banjir", "probebaya", "banjir"}, []string{"sungai_kunjang", "sungai_kunjang", "samarinda_ulu"}, 2)}}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openGateDB(t)
			ctx := context.Background()
			for _, batch := range tc.batches {
				if err := db.InsertMentions(ctx, batch, nil); err != nil {
					t.Fatal(err)
				}
			}
			if got := readRollupTotals(t, db, "2026-10-01", "2026-12-01"); got != want(tc.want) {
				t.Errorf("rollups = %+v, want %+v", got, want(tc.want))
			}
			// Per program and per place too (each mention has both
			// programs and both places).
			for _, q := range []string{
				"SELECT sum(mentions) FROM mentions_daily WHERE program = 'banjir'",
				"SELECT sum(total) FROM signals_hourly WHERE scope = 'program:banjir'",
				"SELECT sum(total) FROM signals_hourly WHERE scope = 'place:sungai_kunjang'",
				"SELECT sum(mentions) FROM places_hourly WHERE first_program = 1 AND place = 'sungai_kunjang'",
			} {
				var n int64
				if err := db.Conn().QueryRow(ctx, q).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != tc.want {
					t.Errorf("%s = %d, want %d", q, n, tc.want)
				}
			}
			// Every id stored. (Not sum(counted): the ReplacingMergeTree
			// may already have merged a counted row away for a later,
			// uncounted version of the same id; only inserts count.)
			var ids uint64
			if err := db.Conn().QueryRow(ctx, "SELECT uniqExact(id) FROM mentions").Scan(&ids); err != nil {
				t.Fatal(err)
			}
			if ids != uint64(tc.want) {
				t.Errorf("mentions hold %d ids, want %d", ids, tc.want)
			}
		})
	}
}

// TestRollupGateBoundedAcrossRetention runs eight months of a deployment
// that keeps three months of raw mentions: every day brings two new
// mentions, every ten days or so a batch of them comes with a redelivery
// of every mention of the past 200 days (the worst a re-collecting source
// or a replayed topic could do), and retention runs on the first of each
// month. The gate must hold only the months retention keeps, while the
// rollups stay exact: every mention counted once, the ones of dropped
// months never again.
func TestRollupGateBoundedAcrossRetention(t *testing.T) {
	db := openGateDB(t)
	ctx := context.Background()
	rc := store.RetentionConfig{RawMonths: 3, RollupMonths: 36}
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var all []mention.Mention
	for month := start; month.Before(end); month = month.AddDate(0, 1, 0) {
		if month.After(start) {
			if _, err := db.Retain(ctx, month, rc, false); err != nil {
				t.Fatal(err)
			}
			// The gate is what mentions holds: the retained months only.
			var months []string
			err := db.Conn().QueryRow(ctx, "SELECT groupArray(m) FROM (SELECT DISTINCT toString(toYYYYMM(posted_at)) AS m FROM mentions ORDER BY m)").Scan(&months)
			if err != nil {
				t.Fatal(err)
			}
			var wantMonths []string
			for m := month.AddDate(0, 1-rc.RawMonths, 0); m.Before(month); m = m.AddDate(0, 1, 0) {
				if !m.Before(start) {
					wantMonths = append(wantMonths, m.Format("200601"))
				}
			}
			if !reflect.DeepEqual(months, wantMonths) {
				t.Fatalf("%s: the gate (mentions) holds months %v, want %v", month.Format("2006-01"), months, wantMonths)
			}
			if h, err := db.GateHorizon(ctx); err != nil || h != store.RetentionCutoff(month, rc.RawMonths) {
				t.Fatalf("%s: gate horizon %d (%v), want %d", month.Format("2006-01"), h, err, store.RetentionCutoff(month, rc.RawMonths))
			}
		}
		next := month.AddDate(0, 1, 0)
		for _, days := range [][2]int{{1, 11}, {11, 21}, {21, 32}} {
			var batch []mention.Mention
			from := month.AddDate(0, 0, days[0]-1)
			for _, m := range all {
				if m.PostedAt.After(from.AddDate(0, 0, -200)) {
					batch = append(batch, m)
				}
			}
			for day := from; day.Before(next) && day.Day() < days[1] && (day.Day() >= days[0]); day = day.AddDate(0, 0, 1) {
				fresh := []mention.Mention{
					rollupMention(day.Format("20060102")+"-1", day.Add(2*time.Hour), "positive", "none", []string{"probebaya"}, []string{"sungai_kunjang"}, 2),
					rollupMention(day.Format("20060102")+"-2", day.Add(14*time.Hour), "negative", "abusive", nil, nil, 2),
				}
				all = append(all, fresh...)
				batch = append(batch, fresh...)
			}
			if err := db.InsertMentions(ctx, batch, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Every mention of the eight months counted exactly once.
	if got, w := readRollupTotals(t, db, "2026-03-01", "2026-11-01"), want(int64(len(all))); got != w {
		t.Errorf("rollups of March–October = %+v, want %+v", got, w)
	}
	// No Join table (RAM) left: the gate keeps nothing of its own.
	var joins uint64
	if err := db.Conn().QueryRow(ctx, "SELECT count() FROM system.tables WHERE database = currentDatabase() AND engine IN ('Join', 'Set')").Scan(&joins); err != nil {
		t.Fatal(err)
	}
	if joins != 0 {
		t.Errorf("%d Join or Set tables in the database, want none", joins)
	}
	// A mention first seen now for a dropped month is outside retention:
	// stored until the next retention run, counted nowhere.
	old := rollupMention("very-late", time.Date(2026, 5, 10, 3, 0, 0, 0, time.UTC), "negative", "none", nil, nil, 2)
	if err := db.InsertMentions(ctx, []mention.Mention{old}, nil); err != nil {
		t.Fatal(err)
	}
	if got, w := readRollupTotals(t, db, "2026-03-01", "2026-11-01"), want(int64(len(all))); got != w {
		t.Errorf("after a mention of a dropped month: rollups = %+v, want %+v", got, w)
	}
}

// TestRollupGateMigratesADeployment upgrades a database that ran with
// the Join gate (migrations up to 0024, a mention counted by it) to 0025:
// the stored mention, redelivered, is not counted again, a new one is,
// and the Join table that held every id in RAM is gone.
func TestRollupGateMigratesADeployment(t *testing.T) {
	ctx := context.Background()
	cfg := chtest.RawConfig(t)
	admin, err := store.Open(ctx, store.Config{Addr: cfg.Addr, Database: "default"})
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	d := "`" + cfg.Database + "`"
	for _, q := range []string{
		"CREATE DATABASE " + d,
		"CREATE TABLE " + d + ".schema_migrations (version UInt32, name String, applied_at DateTime) ENGINE = ReplacingMergeTree(applied_at) ORDER BY version",
	} {
		if err := admin.Conn().Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := store.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Version >= 25 {
			break
		}
		for _, q := range m.Statements(cfg.Database) {
			if err := admin.Conn().Exec(ctx, q); err != nil {
				t.Fatalf("%04d_%s: %v", m.Version, m.Name, err)
			}
		}
		if err := admin.Conn().Exec(ctx, fmt.Sprintf("INSERT INTO %s.schema_migrations (version, name, applied_at) SELECT %d, '%s', toDateTime(0)", d, m.Version, m.Name)); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	old := rollupMention("old", at, "negative", "none", []string{"banjir"}, []string{"sungai_kunjang"}, 2)
	// Written as the sink of 0024 wrote it (insert_id; no counted column).
	if err := admin.Conn().Exec(ctx, fmt.Sprintf(`INSERT INTO %s.mentions (id, source, author_id, author_kind, text, posted_at, collected_at,
		likes, replies, views, sentiment, hostility, programs, places, ingested_at, insert_id)
		SELECT '%s', 'x', 'uold', 'citizen', 'teks old', toDateTime(%d), toDateTime(%d), 2, 1, 10, 'negative', 'none', ['banjir'], ['sungai_kunjang'], toDateTime(%d), 77`,
		d, old.ID, at.Unix(), at.Unix(), at.Unix())); err != nil {
		t.Fatal(err)
	}
	applied, err := store.Migrate(ctx, cfg)
	if err != nil || !reflect.DeepEqual(applied, []int{25}) {
		t.Fatalf("migrate = %v, %v; want [25]", applied, err)
	}
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := readRollupTotals(t, db, "2026-11-01", "2026-12-01"); got != want(1) {
		t.Fatalf("before redelivery: rollups = %+v, want %+v", got, want(1))
	}
	fresh := rollupMention("new", at.Add(time.Minute), "positive", "none", []string{"banjir"}, []string{"sungai_kunjang"}, 2)
	if err := db.InsertMentions(ctx, []mention.Mention{old, fresh}, nil); err != nil {
		t.Fatal(err)
	}
	if got := readRollupTotals(t, db, "2026-11-01", "2026-12-01"); got != want(2) {
		t.Errorf("after redelivering the old mention with a new one: rollups = %+v, want %+v", got, want(2))
	}
	var tables []string
	if err := db.Conn().QueryRow(ctx, "SELECT groupArray(name) FROM system.tables WHERE database = currentDatabase() AND name LIKE 'rollup_seen%'").Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if len(tables) != 0 {
		t.Errorf("tables left from the Join gate: %v", tables)
	}
}
