package analyze

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dengar-id/dengar/mention"
)

// decodeCatalog decodes a dengar.yaml document's catalog section the way
// cmd/dengar does.
func decodeCatalog(t *testing.T, doc string) *CatalogConfig {
	t.Helper()
	var sections map[string]yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &sections); err != nil {
		t.Fatal(err)
	}
	n, ok := sections["catalog"]
	if !ok {
		return nil
	}
	cfg := &CatalogConfig{}
	if err := n.Decode(cfg); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestBadWatchQueryFailsAtLoad(t *testing.T) {
	cfg := decodeCatalog(t, `
catalog:
  programs:
    - id: banjir-kota
      name: Banjir
      query: 'banjir OR (drainase'
`)
	_, err := NewPipeline(Options{Catalog: cfg})
	if err == nil {
		t.Fatal("bad query accepted")
	}
	for _, want := range []string{`"banjir-kota"`, `query "banjir OR (drainase"`, "at 20", `expected ")"`, `after "banjir OR (drainase"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestCatalogConfigInlineAndFiles(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "accounts.csv")
	if err := os.WriteFile(reg, []byte("platform,handle,kind,level,org\ninstagram,kel.contoh,government,kelurahan,Kelurahan Contoh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := decodeCatalog(t, `
catalog:
  registry_file: `+reg+`
  programs:
    - id: smart-city
      name: Samarinda Smart City
      aliases: [smart city samarinda]
  accounts:
    - {platform: x, handle: camatcontoh, kind: government, level: kecamatan, org: Kecamatan Contoh}
`)
	ix, err := LoadCatalog(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ix.Registry.Lookup("instagram", "kel.contoh"); !ok {
		t.Error("registry_file account not found")
	}
	if _, ok := ix.Registry.Lookup("x", "@camatcontoh"); !ok {
		t.Error("inline account not found")
	}
	if _, ok := ix.Registry.Lookup("instagram", "diskominfosmr"); ok {
		t.Error("registry_file should replace the embedded example registry")
	}
	p, err := NewPipeline(Options{Catalog: cfg})
	if err != nil {
		t.Fatal(err)
	}
	m := &mention.Mention{Source: "instagram", Author: mention.Author{Handle: "kel.contoh"},
		Text: "Smart City Samarinda dan Probebaya jalan terus. Coblos 02 ya warga!"}
	p.Tag(m)
	if !slices.Equal(m.Programs, []string{"probebaya", "smart-city"}) {
		t.Errorf("programs %v", m.Programs)
	}
	if m.Politics == nil || !m.Politics.Partisan || !m.NeutralityBreach || m.BreachUnverified {
		t.Errorf("politics %+v breach %v unverified %v", m.Politics, m.NeutralityBreach, m.BreachUnverified)
	}
}

func TestCatalogConfigFileErrors(t *testing.T) {
	for _, doc := range []string{
		"catalog:\n  file: /nonexistent/catalog.yaml\n",
		"catalog:\n  registry_file: /nonexistent/accounts.csv\n",
	} {
		if _, err := LoadCatalog(decodeCatalog(t, doc)); err == nil || !strings.Contains(err.Error(), "nonexistent") {
			t.Errorf("%q: %v", doc, err)
		}
	}
}
