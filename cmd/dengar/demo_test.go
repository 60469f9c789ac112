package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/dashboards"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

func TestMain(m *testing.M) { chtest.Main(m) }

// TestDemoFillsEveryPanel runs what `make run` runs — the whole pipeline
// over the demo corpus — and then every panel's SQL of every dashboard on
// its ClickHouse, over the demo's four weeks with every variable at All (the
// Program dashboard on each program): a newcomer who opens Grafana on the
// demo sees no empty panel. The demo records its replayed alerts and its
// collectors' passes (marked demo:…) for that.
func TestDemoFillsEveryPanel(t *testing.T) {
	cfg := chtest.Config(t)
	dir := t.TempDir()
	yaml := fmt.Sprintf("clickhouse:\n  addr: %s\n  database: %s\nreport:\n  out_dir: %s\n", cfg.Addr, cfg.Database, filepath.Join(dir, "reports"))
	cfgPath := filepath.Join(dir, "dengar.yaml")
	if err := os.WriteFile(cfgPath, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := runDengar(t, "run", "--demo", "--exit-when-done", "--config", cfgPath, "--data-dir", filepath.Join(dir, "data"), "--metrics-addr", "")
	if err != nil {
		t.Fatalf("demo run: %v\n%s", err, out)
	}
	if !strings.Contains(out, "Lonjakan ujaran kebencian") && !strings.Contains(out, "Lonjakan konten") {
		t.Errorf("the demo's spike alert is not listed:\n%s", out)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	ds, err := dashboards.All(dashboards.Options{})
	if err != nil {
		t.Fatal(err)
	}
	env := dashboards.Env{
		From: time.Date(2026, 10, 26, 0, 0, 0, 0, clock.WITA), To: time.Date(2026, 11, 23, 2, 0, 0, 0, clock.WITA),
		Interval: time.Hour, Vars: map[string]dashboards.Variable{},
	}
	// The variables' options, as Grafana would list them.
	options := map[string][]string{}
	for key, sql := range dashboards.VariableQueries(ds) {
		q, err := dashboards.Expand(sql, env)
		if err != nil {
			t.Fatal(err)
		}
		_, rows := chtest.Rows(t, db, q)
		for _, r := range rows {
			options[key] = append(options[key], r[0])
		}
		if len(rows) == 0 {
			t.Errorf("variable %s lists nothing on the demo", key)
		}
	}
	envOf := func(uid string) []dashboards.Env {
		e := env
		e.Vars = map[string]dashboards.Variable{}
		for key, opts := range options {
			if name, ok := strings.CutPrefix(key, uid+"/"); ok {
				e.Vars[name] = dashboards.Variable{Selected: []string{dashboards.AllValue}, Options: opts}
			}
		}
		if uid != dashboards.UIDProgram {
			return []dashboards.Env{e}
		}
		var out []dashboards.Env // one program at a time
		for _, p := range options[uid+"/program"] {
			ep := e
			ep.Vars = map[string]dashboards.Variable{}
			for k, v := range e.Vars {
				ep.Vars[k] = v
			}
			ep.Vars["program"] = dashboards.Variable{Selected: []string{p}}
			out = append(out, ep)
		}
		return out
	}
	for _, pq := range dashboards.Queries(ds) {
		for _, e := range envOf(pq.DashboardUID) {
			q, err := dashboards.Expand(pq.Query.RawSql, e)
			if err != nil {
				t.Fatalf("%s: %v", pq.Key(), err)
			}
			if _, rows := chtest.Rows(t, db, q); len(rows) == 0 {
				t.Errorf("panel %s is empty on the demo (program %v)", pq.Key(), e.Vars["program"].Selected)
			}
		}
	}
}
