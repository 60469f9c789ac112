package dashboards_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/dashboards"
)

var update = flag.Bool("update", false, "rewrite the committed dashboard JSON in json/")

// TestGoldenJSON keeps json/ (committed, provisioned by deploy/) in sync
// with the Go code. Run `go test ./dashboards -update` after a change.
func TestGoldenJSON(t *testing.T) {
	dir := t.TempDir()
	paths, err := dashboards.WriteJSON(dir, dashboards.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 5 {
		t.Fatalf("%d dashboards, want at least 5", len(paths))
	}
	if *update {
		old, _ := filepath.Glob("json/*.json")
		for _, p := range old {
			os.Remove(p)
		}
		if _, err := dashboards.WriteJSON("json", dashboards.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	committed, _ := filepath.Glob("json/*.json")
	if len(committed) != len(paths) {
		t.Errorf("json/ holds %d files, the code builds %d: run go test ./dashboards -update", len(committed), len(paths))
	}
	for _, p := range paths {
		got, _ := os.ReadFile(p)
		want, err := os.ReadFile(filepath.Join("json", filepath.Base(p)))
		if err != nil {
			t.Errorf("%s: %v (run go test ./dashboards -update)", filepath.Base(p), err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("json/%s is stale: run go test ./dashboards -update", filepath.Base(p))
		}
	}
}

// TestDashboardShape checks what Grafana and the users rely on: stable
// uids, Indonesian titles, the data source on every panel, units and
// descriptions, links on post lists, the variables.
func TestDashboardShape(t *testing.T) {
	ds, err := dashboards.All(dashboards.Options{DatasourceUID: "ds-x"})
	if err != nil {
		t.Fatal(err)
	}
	wantUIDs := []string{dashboards.UIDRingkasan, dashboards.UIDBermusuhan, dashboards.UIDNetralitas, dashboards.UIDProgram, dashboards.UIDSumber}
	if len(ds) != len(wantUIDs) {
		t.Fatalf("%d dashboards, want %d", len(ds), len(wantUIDs))
	}
	english := []string{"Overview", "Hostile", "Neutrality", "Sources", "Volume by", "Errors"}
	for i, d := range ds {
		if *d.Uid != wantUIDs[i] {
			t.Errorf("dashboard %d uid %q, want %q", i, *d.Uid, wantUIDs[i])
		}
		b, err := dashboards.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Title      string `json:"title"`
			Tags       []string
			Templating struct {
				List []struct {
					Name       string `json:"name"`
					Multi      bool   `json:"multi"`
					IncludeAll bool   `json:"includeAll"`
				} `json:"list"`
			} `json:"templating"`
			Panels []struct {
				ID          int    `json:"id"`
				Type        string `json:"type"`
				Title       string `json:"title"`
				Description string `json:"description"`
				Datasource  struct{ Type, UID string }
				FieldConfig struct {
					Defaults struct {
						Unit string `json:"unit"`
					} `json:"defaults"`
					Overrides []struct {
						Matcher struct {
							Options string `json:"options"`
						} `json:"matcher"`
						Properties []struct {
							ID string `json:"id"`
						} `json:"properties"`
					} `json:"overrides"`
				} `json:"fieldConfig"`
				Targets []map[string]any `json:"targets"`
			} `json:"panels"`
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for _, w := range english {
			if strings.Contains(m.Title, w) {
				t.Errorf("%s: title %q is not in Indonesian", *d.Uid, m.Title)
			}
		}
		if len(m.Panels) < 5 {
			t.Errorf("%s: only %d panels", *d.Uid, len(m.Panels))
		}
		ids := map[int]bool{}
		for _, p := range m.Panels {
			if ids[p.ID] || p.ID == 0 {
				t.Errorf("%s: panel %q has id %d (duplicate or zero)", *d.Uid, p.Title, p.ID)
			}
			ids[p.ID] = true
			if p.Description == "" {
				t.Errorf("%s: panel %q has no description", *d.Uid, p.Title)
			}
			if p.Datasource.UID != "ds-x" || p.Datasource.Type != dashboards.PluginType {
				t.Errorf("%s: panel %q data source %+v", *d.Uid, p.Title, p.Datasource)
			}
			if len(p.Targets) != 1 {
				t.Fatalf("%s: panel %q has %d targets", *d.Uid, p.Title, len(p.Targets))
			}
			tg := p.Targets[0]
			for _, f := range []string{"refId", "datasource", "editorType", "queryType", "format", "rawSql"} {
				if _, ok := tg[f]; !ok {
					t.Errorf("%s: panel %q target lacks %s", *d.Uid, p.Title, f)
				}
			}
			wantFormat := map[string]float64{"timeseries": 0}[p.Type]
			if p.Type != "timeseries" {
				wantFormat = 1
			}
			if tg["format"] != wantFormat || (p.Type == "timeseries") != (tg["queryType"] == "timeseries") {
				t.Errorf("%s: panel %q (%s) has format %v, queryType %v", *d.Uid, p.Title, p.Type, tg["format"], tg["queryType"])
			}
			if p.Type != "table" && p.FieldConfig.Defaults.Unit == "" {
				t.Errorf("%s: panel %q has no unit", *d.Uid, p.Title)
			}
			sql, _ := tg["rawSql"].(string)
			if p.Type == "table" && strings.Contains(sql, "url") {
				linked := false
				for _, o := range p.FieldConfig.Overrides {
					for _, pr := range o.Properties {
						if o.Matcher.Options == "url" && pr.ID == "links" {
							linked = true
						}
					}
				}
				if !linked {
					t.Errorf("%s: table %q shows url without a link", *d.Uid, p.Title)
				}
			}
			if strings.Contains(sql, "FROM mentions") && strings.Contains(sql, "substringUTF8(") && !strings.Contains(sql, "LIMIT") {
				t.Errorf("%s: panel %q lists raw mentions without LIMIT", *d.Uid, p.Title)
			}
		}
		vars := map[string]bool{}
		for _, v := range m.Templating.List {
			vars[v.Name] = true
			if *d.Uid != dashboards.UIDProgram || v.Name != "program" {
				if !v.Multi || !v.IncludeAll {
					t.Errorf("%s: variable %s is not multi-valued with All", *d.Uid, v.Name)
				}
			} else if v.Multi || v.IncludeAll {
				t.Errorf("%s: $program must be single-valued", *d.Uid)
			}
		}
		need := []string{"program", "source", "place"}
		if *d.Uid == dashboards.UIDSumber {
			need = []string{"source"}
		}
		for _, n := range need {
			if !vars[n] {
				t.Errorf("%s: no $%s variable", *d.Uid, n)
			}
		}
	}
}
