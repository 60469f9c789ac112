// Package watchfilter keeps the mentions a watch list matches: it adapts
// analyze/watch's query set to ingest.Filter, so collectors drop unrelated
// items before Kafka.
package watchfilter

import (
	"fmt"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/analyze/watch"
	"github.com/dengar-id/dengar/mention"
)

// Filter matches mentions against named watch queries.
type Filter struct {
	set *watch.Set
}

// New compiles named queries (for example catalog.Index.WatchQueries()).
func New(queries map[string]*watch.Query) (*Filter, error) {
	if len(queries) == 0 {
		return nil, fmt.Errorf("watch filter: no queries")
	}
	s, err := watch.NewSet(queries)
	if err != nil {
		return nil, fmt.Errorf("watch filter: %w", err)
	}
	return &Filter{set: s}, nil
}

// Parse compiles queries written in the watch-query language; each is
// named by its own text.
func Parse(qs ...string) (*Filter, error) {
	m := map[string]*watch.Query{}
	for _, q := range qs {
		pq, err := watch.Parse(q)
		if err != nil {
			return nil, fmt.Errorf("watch query %q: %w", q, err)
		}
		m[q] = pq
	}
	return New(m)
}

// Keep reports whether a query matches the mention's title and text; when
// m.Query is empty it is set to the first matching query's name.
func (f *Filter) Keep(m *mention.Mention) bool {
	// Every post of a registered government account is kept, whatever it
	// says: a partisan post that names no program or place is exactly the
	// neutrality breach the office must see. (The runner stamps the author
	// from the account registry before filtering.)
	if m.Author.Kind == mention.KindGovernment {
		if m.Query == "" {
			m.Query = "author:government"
		}
		return true
	}
	text := m.Text
	if m.Title != "" && m.Title != m.Text {
		text = m.Title + "\n" + m.Text
	}
	names := f.set.Match(normalize.Text(text), watch.FieldsOf(m))
	if len(names) == 0 {
		return false
	}
	if m.Query == "" {
		m.Query = names[0]
	}
	return true
}
