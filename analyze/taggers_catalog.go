package analyze

import (
	"fmt"

	"github.com/dengar-id/dengar/analyze/catalog"
)

// CatalogConfig is the watch-list part of the configuration (the top-level
// `catalog:` section): programs, agencies, places, political actors and the
// account registry. Nil means the embedded Samarinda default.
//
// File replaces the embedded catalog with a YAML file of the same shape;
// RegistryFile replaces the embedded example account registry (CSV with a
// header, or YAML); entries written inline here are merged over the result
// by id (the same id replaces an entry, a new id is added; inline accounts
// are added to the registry).
type CatalogConfig struct {
	// File is a catalog YAML that replaces the embedded default.
	File string `yaml:"file,omitempty"`
	// RegistryFile is an accounts CSV or YAML that replaces the embedded
	// example registry.
	RegistryFile string `yaml:"registry_file,omitempty"`
	// Catalog holds inline entries merged over the base catalog.
	catalog.Catalog `yaml:",inline"`
}

// LoadCatalog builds the compiled catalog from cfg (nil: the embedded
// default). Every watch query is parsed here, so a bad query fails at start
// with the entry, the query, the position and what was expected.
func LoadCatalog(cfg *CatalogConfig) (*catalog.Index, error) {
	base, err := catalog.Default()
	if err != nil {
		return nil, err
	}
	if cfg != nil {
		if cfg.File != "" {
			if base, err = catalog.LoadFile(cfg.File); err != nil {
				return nil, err
			}
		}
		if cfg.RegistryFile != "" {
			accs, err := catalog.LoadAccounts(cfg.RegistryFile)
			if err != nil {
				return nil, err
			}
			base.Accounts = accs
		}
		// The inline accounts are checked as written: merged after the
		// base registry, the first would be reported as accounts[29].
		if err := catalog.ValidateAccounts("catalog.accounts", cfg.Accounts); err != nil {
			return nil, err
		}
		base.Merge(&cfg.Catalog)
	}
	ix, err := catalog.Compile(base)
	if err != nil {
		return nil, fmt.Errorf("config catalog: %w", err)
	}
	return ix, nil
}

// catalogTaggers returns the attribution, partisanship and neutrality
// taggers, in that order (neutrality reads the partisanship result).
func catalogTaggers(cfg *CatalogConfig) ([]Tagger, error) {
	ix, err := LoadCatalog(cfg)
	if err != nil {
		return nil, err
	}
	return []Tagger{catalog.NewTagger(ix)}, nil
}
