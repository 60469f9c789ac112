package dashboards

import (
	"github.com/grafana/grafana-foundation-sdk/go/barchart"
	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
	"github.com/grafana/grafana-foundation-sdk/go/piechart"
	"github.com/grafana/grafana-foundation-sdk/go/stat"
	"github.com/grafana/grafana-foundation-sdk/go/table"
	"github.com/grafana/grafana-foundation-sdk/go/timeseries"
)

// kit builds panels that all query one ClickHouse data source and get
// stable, sequential ids within a dashboard.
type kit struct {
	ds     common.DataSourceRef
	nextID uint32
}

func newKit(dsUID string) *kit {
	t := PluginType
	return &kit{ds: common.DataSourceRef{Type: &t, Uid: &dsUID}}
}

func (k *kit) id() uint32 { k.nextID++; return k.nextID }

func (k *kit) query(sql string, timeSeries bool) *QueryBuilder {
	q := NewQueryBuilder().RefId("A").Datasource(k.ds).SQL(sql)
	if timeSeries {
		q.TimeSeries()
	}
	return q
}

// step is one threshold: from value (nil = base) on, use color.
type step struct {
	from  *float64
	color string
}

func at(v float64) *float64 { return &v }

func thresholds(steps ...step) *dashboard.ThresholdsConfigBuilder {
	if len(steps) == 0 {
		steps = []step{{nil, "green"}}
	}
	out := make([]dashboard.Threshold, len(steps))
	for i, s := range steps {
		out[i] = dashboard.Threshold{Value: s.from, Color: s.color}
	}
	return dashboard.NewThresholdsConfigBuilder().Mode(dashboard.ThresholdsModeAbsolute).Steps(out)
}

// timeSeries is a line (or stacked area) chart; sql returns a time column
// first, then optional label columns and numeric columns (long format).
func (k *kit) timeSeries(title, desc, sql, unit string, w, h uint32, stacked bool) cog.Builder[dashboard.Panel] {
	p := timeseries.NewPanelBuilder().
		Id(k.id()).Title(title).Description(desc).
		Datasource(k.ds).WithTarget(k.query(sql, true)).
		Unit(unit).Span(w).Height(h).
		FillOpacity(15).LineWidth(2).
		Legend(common.NewVizLegendOptionsBuilder().ShowLegend(true).DisplayMode(common.LegendDisplayModeList).Placement(common.LegendPlacementBottom)).
		Thresholds(thresholds())
	if stacked {
		p.Stacking(common.NewStackingConfigBuilder().Mode(common.StackingModeNormal)).FillOpacity(40)
	}
	return p
}

// single is a stat panel over a one-row, one-value table.
func (k *kit) single(title, desc, sql, unit string, w, h uint32, steps ...step) cog.Builder[dashboard.Panel] {
	return stat.NewPanelBuilder().
		Id(k.id()).Title(title).Description(desc).
		Datasource(k.ds).WithTarget(k.query(sql, false)).
		Unit(unit).Span(w).Height(h).
		ColorMode(common.BigValueColorModeBackground).
		GraphMode(common.BigValueGraphModeNone).
		ReduceOptions(common.NewReduceDataOptionsBuilder().Calcs([]string{"lastNotNull"}).Values(false)).
		Thresholds(thresholds(steps...))
}

// pie is a donut over a two-column table (label, value).
func (k *kit) pie(title, desc, sql, unit string, w, h uint32) *piechart.PanelBuilder {
	return piechart.NewPanelBuilder().
		Id(k.id()).Title(title).Description(desc).
		Datasource(k.ds).WithTarget(k.query(sql, false)).
		Unit(unit).Span(w).Height(h).
		PieType(piechart.PieChartTypeDonut).
		DisplayLabels([]piechart.PieChartLabels{piechart.PieChartLabelsPercent}).
		ReduceOptions(common.NewReduceDataOptionsBuilder().Values(true).Calcs([]string{"lastNotNull"})).
		Legend(piechart.NewPieChartLegendOptionsBuilder().ShowLegend(true).DisplayMode(common.LegendDisplayModeTable).Placement(common.LegendPlacementRight).
			Values([]piechart.PieChartLegendValues{piechart.PieChartLegendValuesValue, piechart.PieChartLegendValuesPercent}))
}

// bars is a horizontal bar chart over a table whose first column labels
// the bars.
func (k *kit) bars(title, desc, sql, unit, xField string, w, h uint32, stacked bool) cog.Builder[dashboard.Panel] {
	p := barchart.NewPanelBuilder().
		Id(k.id()).Title(title).Description(desc).
		Datasource(k.ds).WithTarget(k.query(sql, false)).
		Unit(unit).Span(w).Height(h).
		XField(xField).
		Orientation(common.VizOrientationHorizontal).
		ShowValue(common.VisibilityModeAuto).
		Legend(common.NewVizLegendOptionsBuilder().ShowLegend(true).DisplayMode(common.LegendDisplayModeList).Placement(common.LegendPlacementBottom)).
		Thresholds(thresholds())
	if stacked {
		p.Stacking(common.StackingModeNormal)
	}
	return p
}

// list is a table; the column named "url" becomes a link that opens the
// original post, and units can be set per column.
func (k *kit) list(title, desc, sql string, w, h uint32, units map[string]string) *table.PanelBuilder {
	p := table.NewPanelBuilder().
		Id(k.id()).Title(title).Description(desc).
		Datasource(k.ds).WithTarget(k.query(sql, false)).
		Span(w).Height(h).
		Filterable(true).
		CellHeight(common.TableCellHeightSm).
		Thresholds(thresholds()).
		OverrideByName("url", []dashboard.DynamicConfigValue{
			{Id: "displayName", Value: "Tautan"},
			{Id: "links", Value: []map[string]any{{
				"title":       "Buka unggahan asli",
				"url":         "${__value.raw}",
				"targetBlank": true,
			}}},
		})
	for _, col := range sortedKeys(units) {
		p.OverrideByName(col, []dashboard.DynamicConfigValue{{Id: "unit", Value: units[col]}})
	}
	return p
}

// linkTo is a data link to another Dengar dashboard, keeping the time range.
func linkTo(title, uid, query string) []cog.Builder[dashboard.DashboardLink] {
	return []cog.Builder[dashboard.DashboardLink]{
		dashboard.NewDashboardLinkBuilder(title).Type(dashboard.DashboardLinkTypeLink).Url("/d/" + uid + "?" + query + "&${__url_time_range}"),
	}
}

// colorBy colours a table column's cells by thresholds.
func colorBy(p *table.PanelBuilder, col string, steps ...step) *table.PanelBuilder {
	th := make([]map[string]any, len(steps))
	for i, s := range steps {
		th[i] = map[string]any{"value": s.from, "color": s.color}
	}
	return p.OverrideByName(col, []dashboard.DynamicConfigValue{
		{Id: "thresholds", Value: map[string]any{"mode": "absolute", "steps": th}},
		{Id: "custom.cellOptions", Value: map[string]any{"type": "color-background", "mode": "basic"}},
	})
}
