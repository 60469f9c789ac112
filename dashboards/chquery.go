package dashboards

import (
	"errors"
	"reflect"

	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/cog/variants"
	"github.com/grafana/grafana-foundation-sdk/go/common"
)

// PluginType is the Grafana plugin id of the official ClickHouse data source.
const PluginType = "grafana-clickhouse-datasource"

// Format is the plugin's result format (sqlds FormatQueryOption): the
// backend turns a long result into wide time series for FormatTimeSeries and
// passes rows through unchanged for FormatTable.
type Format int

// Result formats understood by grafana-clickhouse-datasource.
const (
	FormatTimeSeries Format = 0
	FormatTable      Format = 1
)

// Query types of the plugin's query editor (src/types/queryBuilder.ts).
const (
	QueryTypeTable      = "table"
	QueryTypeTimeSeries = "timeseries"
)

// EditorSQL is the plugin's raw SQL editor mode.
const EditorSQL = "sql"

// Query is one target of a panel for the ClickHouse data source in SQL
// editor mode. The foundation SDK has no type for this plugin, so Query
// implements its Dataquery variant; its JSON is what the plugin's editor
// saves: refId, datasource, editorType, queryType, format and rawSql.
type Query struct {
	// RefId names the query within its panel ("A", "B", ...).
	RefId string `json:"refId"`
	// Datasource points at the ClickHouse data source by uid.
	Datasource *common.DataSourceRef `json:"datasource,omitempty"`
	// EditorType is always EditorSQL here.
	EditorType string `json:"editorType"`
	// QueryType is QueryTypeTable or QueryTypeTimeSeries.
	QueryType string `json:"queryType"`
	// Format must agree with QueryType (FormatTimeSeries for time series).
	Format Format `json:"format"`
	// RawSql is the query text, with plugin macros and ${variables}.
	RawSql string `json:"rawSql"`
	// Hide disables the query without removing it.
	Hide *bool `json:"hide,omitempty"`
}

var _ variants.Dataquery = Query{}

// ImplementsDataqueryVariant marks Query as a data query for the SDK.
func (Query) ImplementsDataqueryVariant() {}

// DataqueryType is the plugin id.
func (Query) DataqueryType() string { return PluginType }

// Equals reports whether other is the same ClickHouse query.
func (q Query) Equals(other variants.Dataquery) bool {
	o, ok := other.(Query)
	return ok && reflect.DeepEqual(q, o)
}

// Validate checks the fields the plugin needs to run the query.
func (q Query) Validate() error {
	var errs []error
	if q.RefId == "" {
		errs = append(errs, errors.New("clickhouse query: refId is empty"))
	}
	if q.RawSql == "" {
		errs = append(errs, errors.New("clickhouse query: rawSql is empty"))
	}
	if q.EditorType != EditorSQL {
		errs = append(errs, errors.New("clickhouse query: editorType must be \"sql\""))
	}
	switch {
	case q.QueryType == QueryTypeTable && q.Format == FormatTable:
	case q.QueryType == QueryTypeTimeSeries && q.Format == FormatTimeSeries:
	default:
		errs = append(errs, errors.New("clickhouse query: queryType and format disagree (table/1 or timeseries/0)"))
	}
	return errors.Join(errs...)
}

// QueryBuilder builds a Query; it satisfies cog.Builder so panels take it
// like any SDK query builder.
type QueryBuilder struct {
	internal Query
}

var _ cog.Builder[variants.Dataquery] = (*QueryBuilder)(nil)

// NewQueryBuilder starts a table query with refId "A" in SQL mode.
func NewQueryBuilder() *QueryBuilder {
	return &QueryBuilder{internal: Query{RefId: "A", EditorType: EditorSQL, QueryType: QueryTypeTable, Format: FormatTable}}
}

// RefId sets the query's refId.
func (b *QueryBuilder) RefId(refID string) *QueryBuilder { b.internal.RefId = refID; return b }

// Datasource sets the data source reference.
func (b *QueryBuilder) Datasource(ref common.DataSourceRef) *QueryBuilder {
	b.internal.Datasource = &ref
	return b
}

// SQL sets the raw SQL.
func (b *QueryBuilder) SQL(sql string) *QueryBuilder { b.internal.RawSql = sql; return b }

// TimeSeries makes the query return time series (first column the time).
func (b *QueryBuilder) TimeSeries() *QueryBuilder {
	b.internal.QueryType, b.internal.Format = QueryTypeTimeSeries, FormatTimeSeries
	return b
}

// Table makes the query return a table.
func (b *QueryBuilder) Table() *QueryBuilder {
	b.internal.QueryType, b.internal.Format = QueryTypeTable, FormatTable
	return b
}

// Build validates and returns the query.
func (b *QueryBuilder) Build() (variants.Dataquery, error) {
	if err := b.internal.Validate(); err != nil {
		// Panel builders expect cog.BuildErrors from their targets.
		return Query{}, cog.MakeBuildErrors("clickhouse.query", err)
	}
	return b.internal, nil
}
