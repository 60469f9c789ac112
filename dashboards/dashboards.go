// Package dashboards builds Dengar's Grafana dashboards as Go code with the
// Grafana foundation SDK, writes them as JSON (committed in json/ and
// provisioned from files by deploy/), and pushes them with the folder and
// the ClickHouse data source through Grafana's HTTP API.
package dashboards

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

// Defaults shared by the generated JSON, the file provisioning in deploy/
// and push.
const (
	DefaultDatasourceUID  = "dengar-clickhouse"
	DefaultDatasourceName = "ClickHouse Dengar"
	DefaultFolderUID      = "dengar"
	DefaultFolderTitle    = "Dengar"
)

// Dashboard uids: stable, so links and bookmarks survive re-provisioning.
const (
	UIDRingkasan  = "dengar-ringkasan"
	UIDBermusuhan = "dengar-bermusuhan"
	UIDNetralitas = "dengar-netralitas"
	UIDProgram    = "dengar-program"
	UIDSumber     = "dengar-sumber"
)

// Options parameterise the dashboards.
type Options struct {
	// DatasourceUID is the uid of the ClickHouse data source every panel
	// queries (DefaultDatasourceUID when empty).
	DatasourceUID string
}

// All builds every dashboard, in a stable order.
func All(opts Options) ([]dashboard.Dashboard, error) {
	if opts.DatasourceUID == "" {
		opts.DatasourceUID = DefaultDatasourceUID
	}
	builders := []func(*kit) *dashboard.DashboardBuilder{ringkasan, bermusuhan, netralitas, program, sumber}
	out := make([]dashboard.Dashboard, 0, len(builders))
	for _, b := range builders {
		d, err := b(newKit(opts.DatasourceUID)).Build()
		if err != nil {
			return nil, fmt.Errorf("build dashboard: %w", err)
		}
		out = append(out, d)
	}
	return out, nil
}

// Marshal renders a dashboard as indented JSON with a trailing newline.
func Marshal(d dashboard.Dashboard) ([]byte, error) {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("marshal dashboard: %w", err)
	}
	return append(b, '\n'), nil
}

// WriteJSON writes every dashboard to dir/<uid>.json and returns the paths.
func WriteJSON(dir string, opts Options) ([]string, error) {
	ds, err := All(opts)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("dashboards: %w", err)
	}
	var paths []string
	for _, d := range ds {
		b, err := Marshal(d)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, *d.Uid+".json")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return nil, fmt.Errorf("dashboards: %w", err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// PanelQuery is one panel's ClickHouse query, for tests and benchmarks.
type PanelQuery struct {
	DashboardUID string
	Panel        string
	PanelType    string
	Query        Query
}

// Key names the panel: "<dashboard uid>/<panel title>".
func (q PanelQuery) Key() string { return q.DashboardUID + "/" + q.Panel }

// Unmatched compares the panels of qs with keys (a test's cases, by
// Key): the panels no key names and the keys that name no panel, sorted.
func Unmatched(qs []PanelQuery, keys []string) (panels, stray []string) {
	named, have := map[string]bool{}, map[string]bool{}
	for _, k := range keys {
		named[k] = true
	}
	for _, q := range qs {
		have[q.Key()] = true
		if !named[q.Key()] {
			panels = append(panels, q.Key())
		}
	}
	for _, k := range keys {
		if !have[k] {
			stray = append(stray, k)
		}
	}
	sort.Strings(panels)
	sort.Strings(stray)
	return panels, stray
}

// Queries lists the ClickHouse query of every panel of ds.
func Queries(ds []dashboard.Dashboard) []PanelQuery {
	var out []PanelQuery
	add := func(uid string, p dashboard.Panel) {
		title := ""
		if p.Title != nil {
			title = *p.Title
		}
		for _, t := range p.Targets {
			if q, ok := t.(Query); ok {
				out = append(out, PanelQuery{DashboardUID: uid, Panel: title, PanelType: p.Type, Query: q})
			}
		}
	}
	for _, d := range ds {
		for _, pr := range d.Panels {
			if pr.Panel != nil {
				add(*d.Uid, *pr.Panel)
			}
			if pr.RowPanel != nil {
				for _, p := range pr.RowPanel.Panels {
					add(*d.Uid, p)
				}
			}
		}
	}
	return out
}

// VariableQueries lists the SQL of every query variable of ds, keyed
// "<dashboard uid>/<variable>".
func VariableQueries(ds []dashboard.Dashboard) map[string]string {
	out := map[string]string{}
	for _, d := range ds {
		for _, v := range d.Templating.List {
			if v.Type == "query" && v.Query != nil && v.Query.String != nil {
				out[*d.Uid+"/"+v.Name] = *v.Query.String
			}
		}
	}
	return out
}

// newDashboard sets what every Dengar dashboard shares.
func newDashboard(uid, title, desc string) *dashboard.DashboardBuilder {
	return dashboard.NewDashboardBuilder(title).
		Uid(uid).
		Description(desc).
		Tags([]string{"dengar"}).
		Editable().
		Timezone("browser").
		Time("now-7d", "now").
		Refresh("1m").
		Tooltip(dashboard.DashboardCursorSyncCrosshair).
		Link(dashboard.NewDashboardLinkBuilder("Dasbor Dengar").
			Type(dashboard.DashboardLinkTypeDashboards).
			Tags([]string{"dengar"}).
			AsDropdown(true).
			IncludeVars(true).
			KeepTime(true))
}

// variable is a ClickHouse query variable.
func (k *kit) variable(name, label, desc, sql string, multiAll bool) cog.Builder[dashboard.VariableModel] {
	v := dashboard.NewQueryVariableBuilder(name).
		Label(label).
		Description(desc).
		Datasource(k.ds).
		Query(dashboard.StringOrMap{String: &sql}).
		Definition(sql).
		Refresh(dashboard.VariableRefreshOnTimeRangeChanged).
		Sort(dashboard.VariableSortAlphabeticalAsc)
	if multiAll {
		all := AllValue
		v.Multi(true).IncludeAll(true).Current(dashboard.VariableOption{
			Text:  dashboard.StringOrArrayOfString{ArrayOfString: []string{"All"}},
			Value: dashboard.StringOrArrayOfString{ArrayOfString: []string{all}},
		})
	}
	return v
}
