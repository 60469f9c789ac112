package catalog

import "github.com/dengar-id/dengar/analyze/watch"

func watchFields() watch.Fields { return watch.Fields{Source: "x"} }
