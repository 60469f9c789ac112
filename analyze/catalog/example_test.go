package catalog_test

import (
	"fmt"

	"github.com/dengar-id/dengar/analyze/catalog"
)

// Collectors stamp the author's kind, org and level from the registry.
func ExampleRegistry_Lookup() {
	c, err := catalog.Default()
	if err != nil {
		panic(err)
	}
	ix, err := catalog.Compile(c)
	if err != nil {
		panic(err)
	}
	a, ok := ix.Registry.Lookup("instagram", "@DiskominfoSMR")
	fmt.Println(ok, a.Kind, a.Level, a.Org)
	// Output: true government opd Diskominfo
}
