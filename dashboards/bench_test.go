package dashboards_test

import (
	"context"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/dengar-id/dengar/dashboards"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// BenchmarkPanels loads simulated mentions (DENGAR_BENCH_MENTIONS, default
// 1,000,000, over 30 days) and runs every panel's query as Grafana would
// for the default view (the last 7 days, All selected; the Program
// dashboard on its busiest program). It reports ns/op and the p50 and p95
// latencies in ms of each panel:
//
//	DENGAR_BENCH_MENTIONS=10000000 go test ./dashboards -run '^$' -bench Panels -benchtime 20x
//
// Loading 10 M mentions takes minutes. To load once and re-run, point the
// bench at a persistent server (DENGAR_TEST_CLICKHOUSE=host:port) and name
// a database with DENGAR_BENCH_DATABASE: it is created and loaded when
// empty, and reused (not reloaded, not dropped) when it already holds
// mentions. The simulator is deterministic, so the variables' options are
// regenerated without inserting.
func BenchmarkPanels(b *testing.B) {
	n := 1_000_000
	if s := os.Getenv("DENGAR_BENCH_MENTIONS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("DENGAR_BENCH_MENTIONS=%q: %v", s, err)
		}
		n = v
	}
	ctx := context.Background()
	var cfg store.Config
	if name := os.Getenv("DENGAR_BENCH_DATABASE"); name != "" {
		cfg = store.Config{Addr: chtest.Addr(b), Database: name}
		cfg.Defaults()
		if _, err := store.Migrate(ctx, cfg); err != nil {
			b.Fatal(err)
		}
	} else {
		cfg = chtest.Config(b)
	}
	db, err := store.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	end := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	start := end.Add(-30 * 24 * time.Hour)
	p := store.NewPseudonymizer("bench")
	batch := make([]mention.Mention, 0, 100_000)
	programs := map[string]int{}
	sources, places := map[string]bool{}, map[string]bool{}
	loaded := 0
	var existing uint64
	if err := db.Conn().QueryRow(ctx, "SELECT count() FROM mentions").Scan(&existing); err != nil {
		b.Fatal(err)
	}
	reuse := existing > 0
	t0 := time.Now()
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if reuse {
			loaded += len(batch)
			batch = batch[:0]
			return nil
		}
		err := db.InsertMentions(ctx, batch, p)
		loaded += len(batch)
		batch = batch[:0]
		return err
	}
	err = simulate.Generate(simulate.Options{Start: start, End: end, PerHour: float64(n) / (30 * 24), Seed: 1, Truth: true, CollectDelay: time.Minute},
		func(m *mention.Mention) error {
			for _, pr := range m.Programs {
				programs[pr]++
			}
			sources[m.Source] = true
			for _, pl := range m.Places {
				places[pl] = true
			}
			batch = append(batch, *m)
			if len(batch) == cap(batch) {
				return flush()
			}
			return nil
		})
	if err == nil {
		err = flush()
	}
	if err != nil {
		b.Fatal(err)
	}
	if reuse {
		b.Logf("reused %s: %d mentions already loaded (%d generated)", cfg.Database, existing, loaded)
	} else {
		b.Logf("loaded %d mentions in %s", loaded, time.Since(t0).Round(time.Millisecond))
	}
	busiest := ""
	for pr, c := range programs {
		if busiest == "" || c > programs[busiest] || (c == programs[busiest] && pr < busiest) {
			busiest = pr
		}
	}
	keys := func(m map[string]bool) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	var progs []string
	for k := range programs {
		progs = append(progs, k)
	}
	sort.Strings(progs)
	envDefault := dashboards.Env{From: end.Add(-7 * 24 * time.Hour), To: end, Interval: 10 * time.Minute,
		Vars: map[string]dashboards.Variable{
			"program": {Selected: []string{dashboards.AllValue}, Options: progs},
			"source":  {Selected: []string{dashboards.AllValue}, Options: keys(sources)},
			"place":   {Selected: []string{dashboards.AllValue}, Options: keys(places)},
		}}
	ds, err := dashboards.All(dashboards.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, pq := range dashboards.Queries(ds) {
		env := envDefault
		if pq.DashboardUID == dashboards.UIDProgram {
			env.Vars = map[string]dashboards.Variable{"program": {Selected: []string{busiest}}, "source": env.Vars["source"], "place": env.Vars["place"]}
		}
		sql, err := dashboards.Expand(pq.Query.RawSql, env)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(pq.DashboardUID+"/"+pq.Panel, func(b *testing.B) {
			var lat []time.Duration
			for i := 0; i < b.N; i++ {
				s := time.Now()
				rows, err := db.Conn().Query(ctx, sql)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				if err := rows.Err(); err != nil {
					b.Fatal(err)
				}
				rows.Close()
				lat = append(lat, time.Since(s))
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			p50 := lat[(len(lat)*50+99)/100-1]
			p95 := lat[(len(lat)*95+99)/100-1]
			b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
		})
	}

}
