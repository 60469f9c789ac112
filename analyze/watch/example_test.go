package watch_test

import (
	"fmt"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/analyze/watch"
)

// A collector keeps only the items its watch query matches.
func ExampleParse() {
	q, err := watch.Parse(`("pro bebaya" OR banjir*) -hoaks lang:id`)
	if err != nil {
		panic(err)
	}
	doc := normalize.Text("Dana #ProBebaya RT kami sudah cair")
	fmt.Println(q.Match(doc, watch.Fields{Source: "x", Lang: "id"}))

	_, err = watch.Parse(`banjir OR (drainase`)
	fmt.Println(err)
	// Output:
	// true
	// watch: at 20: expected ")" after "banjir OR (drainase"
}

// A Set matches many named queries with one scan of the text.
func ExampleNewSet() {
	set, err := watch.NewSet(map[string]*watch.Query{
		"banjir":  watch.MustParse(`banjir OR drainase OR polder`),
		"teras":   watch.MustParse(`"teras samarinda"`),
		"youtube": watch.MustParse(`source:youtube author:government`),
	})
	if err != nil {
		panic(err)
	}
	doc := normalize.Text("Teras Samarinda tergenang, drainase mampet")
	fmt.Println(set.Match(doc, watch.Fields{Source: "youtube", AuthorKind: "citizen"}))
	// Output: [banjir teras]
}
