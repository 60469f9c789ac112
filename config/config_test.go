package config

import (
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/dengar-id/dengar/ingest/all" // the source kinds whose keys are checked
	"gopkg.in/yaml.v3"
)

// TestShippedConfigsLoadStrictly: the embedded default, the Compose
// deployment's config and the Kubernetes ConfigMap's hold no key Dengar
// does not read.
func TestShippedConfigsLoadStrictly(t *testing.T) {
	b, err := os.ReadFile("../deploy/k8s/configmap.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cm struct {
		Data map[string]string `yaml:"data"`
	}
	if err := yaml.Unmarshal(b, &cm); err != nil || cm.Data["dengar.yaml"] == "" {
		t.Fatalf("ConfigMap: %v", err)
	}
	files := map[string][]byte{"deploy/k8s/configmap.yaml (dengar.yaml)": []byte(cm.Data["dengar.yaml"])}
	for _, path := range []string{"../cmd/dengar/dengar.yaml", "../deploy/dengar.yaml"} {
		if files[path], err = os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	for path, data := range files {
		c, err := Load(path, data)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(c.Sources.Collectors) < 9 || c.CatalogIndex() == nil || c.Kafka.Topics.Raw != "dengar.mentions.raw" {
			t.Errorf("%s: %d collectors, catalog %v, raw topic %q", path, len(c.Sources.Collectors), c.CatalogIndex() != nil, c.Kafka.Topics.Raw)
		}
	}
}

// TestUnknownKeys: a typo anywhere — top level, a stage's section, a
// source's common or kind-specific keys, the catalog — stops the load with
// the key and its line; so does a secret written into the file.
func TestUnknownKeys(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"top level", "kafka:\n  brokers: []\nsorces:\n  collectors: []\n",
			`unknown key "sorces" at line 3 (did you mean "sources"?)`},
		{"a source's common key", "sources:\n  collectors:\n    - name: berita\n      kind: rss\n      enabeld: true\n      feeds: [{url: 'https://x.example/rss'}]\n",
			`unknown key "enabeld" at line 5 (in sources.collectors[0]; did you mean "enabled"?)`},
		{"a kind's own key", "sources:\n  collectors:\n    - name: berita\n      kind: rss\n      feeds:\n        - url: https://x.example/rss\n          outlte: ANTARA\n",
			`unknown key "outlte" at line 7 (in sources.collectors[0].feeds[0]; did you mean "outlet"?)`},
		{"another kind's key", "sources:\n  collectors:\n    - name: tg\n      kind: telegram\n      hashtags: [samarinda]\n",
			`unknown key "hashtags" at line 5 (in sources.collectors[0])`},
		{"nested section", "alerts:\n  notify:\n    telegram:\n      chat_id: ['-100']\n",
			`unknown key "chat_id" at line 4 (in alerts.notify.telegram; did you mean "chat_ids"?)`},
		{"catalog", "catalog:\n  programs:\n    - id: probebaya\n      alias: [probebaya]\n",
			`unknown key "alias" at line 4 (in catalog.programs[0]; did you mean "aliases"?)`},
		{"a secret in the file", "clickhouse:\n  addr: 127.0.0.1:9000\n  password: hunter2\n",
			`unknown key "password" at line 3 (in clickhouse)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load("dengar.yaml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "config dengar.yaml: ") {
				t.Fatalf("err = %v\nwant it to contain %s", err, tc.want)
			}
		})
	}
	// Every unknown key is reported at once.
	_, err := Load("x", []byte("kafak: {}\nreport:\n  outdir: r\n"))
	if err == nil || !strings.Contains(err.Error(), `"kafak" at line 1`) || !strings.Contains(err.Error(), `"outdir" at line 3`) {
		t.Fatalf("err = %v", err)
	}
}

// TestDefaultsAndValidation: defaults at load, validation at load.
func TestDefaultsAndValidation(t *testing.T) {
	c, err := Load("empty", nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.ClickHouse.Addr != "127.0.0.1:9000" || c.Report.OutDir != "reports" || c.Retention.RawMonths != 12 ||
		c.Alerts.Interval != time.Minute || c.Grafana.ClickHouseHost != "127.0.0.1" || c.Grafana.ClickHousePort != 9000 {
		t.Errorf("defaults: %+v %+v %+v %+v", c.ClickHouse, c.Report, c.Retention, c.Grafana)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"alerts:\n  families: [hostile, gossip]\n", "gossip"},
		{"sources:\n  collectors:\n    - {name: a, kind: rss}\n    - {name: a, kind: rss}\n", `duplicate name "a"`},
		{"sources:\n  collectors:\n    - {name: a, kind: myspace}\n", `unknown kind "myspace"`},
		{"retention:\n  raw_months: -1\n", "at least 1"},
		{"catalog:\n  programs:\n    - {id: probebaya, query: '\"dana rt\" AND'}\n", "probebaya"},
		{"kafka:\n  partitions: many\n", "line 2"},
		// A bad inline account is named by its place in the user's list,
		// not in the registry it is merged into (29 embedded accounts first).
		{"catalog:\n  accounts:\n    - {platform: x, handle: dinas.ok, kind: government, level: opd}\n    - {handle: tanpa.platform, kind: government, level: opd}\n",
			"catalog.accounts[1]: account :@tanpa.platform needs a platform"},
	} {
		if _, err := Load("bad", []byte(tc.yaml)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

// TestAlertsSection of the embedded config: the documented values, and
// alert links to the top-level grafana.url.
func TestAlertsSection(t *testing.T) {
	b, err := os.ReadFile("../cmd/dengar/dengar.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Load("embedded", b)
	if err != nil {
		t.Fatal(err)
	}
	ac := c.Alerts
	if len(ac.Windows) != 3 || ac.Windows[0] != 5*time.Minute || ac.Windows[2] != time.Hour {
		t.Errorf("windows %v", ac.Windows)
	}
	if ac.Interval != time.Minute || ac.Cooldown != time.Hour || ac.FireScore != 5 || *ac.PlacePrefix != "kec-" {
		t.Errorf("alerts config %+v", ac)
	}
	if ac.Grafana.URL != "http://127.0.0.1:3000" || ac.Grafana.Dashboards["hostile"] != "dengar-bermusuhan" || ac.Notify.Email.TLS != "starttls" {
		t.Errorf("grafana %q %v email %+v", ac.Grafana.URL, ac.Grafana.Dashboards, ac.Notify.Email)
	}
	c, err = Load("own", []byte("grafana:\n  url: http://grafana:3000\nalerts:\n  grafana:\n    url: https://g.example\n"))
	if err != nil || c.Alerts.Grafana.URL != "https://g.example" || c.Grafana.URL != "http://grafana:3000" {
		t.Errorf("alerts.grafana.url of its own: %v %+v", err, c.Alerts.Grafana)
	}
}
