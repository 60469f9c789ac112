package health_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/dengar-id/dengar/health"
)

func TestReadiness(t *testing.T) {
	reg := health.NewRegistry()
	ch := reg.Check("sink", "clickhouse")
	lagOK := true
	reg.Func("sink", "lag", func() error {
		if lagOK {
			return nil
		}
		return errors.New("120000 messages behind")
	})
	br := reg.Check("analyze", "broker")
	srv := httptest.NewServer(reg.Handler())
	defer srv.Close()
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, step := range []struct {
		name      string
		do        func()
		path      string
		code      int
		contains  []string
		ready     bool
		gaugeSink float64 // dengar_ready{role="sink",check="clickhouse"}
	}{
		{"new checks start not ready", func() {}, "/readyz", 503, []string{"FAIL analyze/broker: starting", "FAIL sink/clickhouse: starting", "ok sink/lag"}, false, 0},
		{"a role's own path", func() { br.OK() }, "/readyz/analyze", 200, []string{"ok analyze/broker"}, false, 0},
		{"one failing check fails all", func() { ch.Set(errors.New("dial tcp: connection refused")) }, "/readyz", 503, []string{"FAIL sink/clickhouse: dial tcp: connection refused (since "}, false, 0},
		{"all pass", func() { ch.OK() }, "/readyz", 200, []string{"ok sink/clickhouse", "ok sink/lag", "ok analyze/broker"}, true, 1},
		{"a function check is read each time", func() { lagOK = false }, "/readyz/sink", 503, []string{"FAIL sink/lag: 120000 messages behind"}, false, 1},
		{"liveness does not depend on readiness", func() {}, "/healthz", 200, []string{"ok"}, false, 1},
		{"unknown role", func() { lagOK = true }, "/readyz/nope", 404, []string{"no role"}, true, 1},
	} {
		step.do()
		code, body := get(step.path)
		if code != step.code {
			t.Errorf("%s: %s answered %d, want %d:\n%s", step.name, step.path, code, step.code, body)
		}
		for _, c := range step.contains {
			if !strings.Contains(body, c) {
				t.Errorf("%s: %s body lacks %q:\n%s", step.name, step.path, c, body)
			}
		}
		if ok, why := reg.Ready(""); ok != step.ready {
			t.Errorf("%s: Ready = %v %v, want %v", step.name, ok, why, step.ready)
		}
		if got := gauge(t, reg, "sink", "clickhouse"); got != step.gaugeSink {
			t.Errorf("%s: dengar_ready{sink,clickhouse} = %v, want %v", step.name, got, step.gaugeSink)
		}
	}
}

func gauge(t *testing.T, reg *health.Registry, role, check string) float64 {
	t.Helper()
	pr := prometheus.NewPedanticRegistry()
	pr.MustRegister(reg.Collector())
	mfs, err := pr.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			lbl := map[string]string{}
			for _, l := range m.GetLabel() {
				lbl[l.GetName()] = l.GetValue()
			}
			if lbl["role"] == role && lbl["check"] == check {
				return m.GetGauge().GetValue()
			}
		}
	}
	t.Fatalf("no dengar_ready{role=%q,check=%q}", role, check)
	return -1
}
