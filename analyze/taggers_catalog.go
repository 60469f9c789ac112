package analyze

// CatalogConfig is the watch-list part of the configuration: programs,
// agencies, places, political actors and the account registry.
//
// TODO(catalog owner): fill in.
type CatalogConfig struct{}

// catalogTaggers returns the attribution and partisanship taggers.
//
// TODO(catalog owner): wire the catalog here.
func catalogTaggers(cfg *CatalogConfig) ([]Tagger, error) { return nil, nil }
