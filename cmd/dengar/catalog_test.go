package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/analyze/catalog"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/config"
)

// exampleConfig adds a clearly fictional future contest to the embedded
// catalog, the way a maintainer adds the next elections.
const exampleConfig = `
catalog:
  elections:
    - id: pilwali-contoh-2029
      name: CONTOH — pemilihan wali kota fiktif
      kind: pilwali
      region: contoh
      numbers: "2029-09-23"
      campaign: {from: "2029-09-25", to: "2029-11-24"}
      vote: "2029-11-28"
  actors:
    - {id: contoh-a-b, kind: pair, name: Calon Contoh A - Calon Contoh B (fiktif), race: pilwali-contoh-2029, number: "1", aliases: [contoh ab]}
`

func TestCatalogActiveGolden(t *testing.T) {
	var out bytes.Buffer
	for _, c := range []struct{ doc, day string }{
		{"", "2024-01-20"}, {"", "2024-11-25"}, {"", "2026-12-06"}, {exampleConfig, "2026-12-06"}, {exampleConfig, "2029-10-01"},
	} {
		cfg, err := config.Load("test", []byte(c.doc))
		if err != nil {
			t.Fatal(err)
		}
		ix := cfg.CatalogIndex()
		d, err := catalog.ParseDate(c.day)
		if err != nil {
			t.Fatal(err)
		}
		printActive(&out, ix, d)
		out.WriteString("----\n")
	}
	cfg, err := config.Load("embedded", defaultConfigYAML)
	if err != nil {
		t.Fatal(err)
	}
	ix := cfg.CatalogIndex()
	printCatalogCounts(&out, ix)
	checkGolden(t, "catalog_active.golden", out.Bytes())
}

// TestCatalogConfigStrict: the catalog section is decoded strictly, and
// every error names what to fix.
func TestCatalogConfigStrict(t *testing.T) {
	tests := []struct{ doc, want string }{
		{"catalog:\n  actorz: []\n", `unknown key "actorz" at line 2 (in catalog; did you mean "actors"?)`},
		{"catalog:\n  elections:\n    - id: x\n      kind: pilwali\n      slogan: y\n", `unknown key "slogan" at line 5 (in catalog.elections[0])`},
		{"catalog:\n  elections:\n    - {id: x, kind: pilwali, vote: \"2029-11-31\", campaign: {from: \"2029-09-25\", to: \"2029-11-24\"}}\n", `line 3: "2029-11-31" is not a date (want YYYY-MM-DD)`},
		{"catalog:\n  actors:\n    - {id: baru, kind: party, race: pileg-2029, number: \"3\"}\n", `actors "baru": race "pileg-2029" is not an election of the calendar (add it under elections)`},
		{"catalog:\n  actors:\n    - {id: psi-baru, kind: party, race: pileg-2024, number: \"15\"}\n", `ballot number 15 in pileg-2024 is already`},
	}
	for _, tt := range tests {
		// One strict load serves every command, the pipeline included.
		_, err := config.Load("bad.yaml", []byte(tt.doc))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q:\n got %v\nwant %q", tt.doc, err, tt.want)
		}
	}
}

// tagCatalogInput is one post per rule, dated (texts written for this test).
const tagCatalogInput = `{"text":"Titik kumpul warga RT 05 untuk kampanye akbar Rudy-Seno: halaman kantor lurah jam 7, bus disediakan","posted_at":"2024-11-16T00:00:00Z","author":{"kind":"government","handle":"kel.contoh","name":"Kelurahan Contoh"}}
{"text":"Dirgahayu Partai Golkar ke-60, semoga makin jaya","posted_at":"2024-10-20T02:00:00Z","author":{"kind":"government"}}
{"text":"Terima kasih DPC Partai Gerindra atas paket beras untuk warga banjir. Gerindra peduli!","posted_at":"2025-06-03T02:00:00Z","author":{"kind":"citizen"}}
{"text":"Salam dua jari dari peserta jalan sehat HUT RI","posted_at":"2025-08-17T02:00:00Z","author":{"kind":"government"}}
{"text":"Salam dua jari dari peserta jalan sehat","posted_at":"2024-02-05T02:00:00Z","author":{"kind":"unknown","name":"Kelurahan Sempaja Utara"}}
{"text":"Ribuan warga memadati kampanye akbar paslon Rudy-Seno, kata polisi","posted_at":"2024-11-17T02:00:00Z","author":{"kind":"media"}}
{"text":"Diskominfo mengingatkan admin akun OPD: jangan menyukai atau membagikan konten kampanye paslon mana pun","posted_at":"2024-09-25T02:00:00Z","author":{"kind":"government"}}
`

// TestTagCatalogExplainGolden pins what `dengar tag --explain` shows of the
// catalog's decision: the decisive cues, those not counted and why, the
// calendar's reading of the day and the breach basis.
func TestTagCatalogExplainGolden(t *testing.T) {
	ix, err := analyze.LoadCatalog(nil)
	if err != nil {
		t.Fatal(err)
	}
	p := analyze.NewPipelineOf(catalog.NewTagger(ix))
	var out bytes.Buffer
	if err := runTag(context.Background(), p, strings.NewReader(tagCatalogInput), &out, tagOptions{explain: true, top: 3, now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "tag_catalog_explain.golden", out.Bytes())
}

// TestDocumentedCatalogExample uncomments the example of the next contests
// in dengar.yaml, fills its placeholders, and checks that the documented
// shape loads and works.
func TestDocumentedCatalogExample(t *testing.T) {
	var block []string
	in := false
	for _, line := range strings.Split(string(defaultConfigYAML), "\n") {
		switch {
		case strings.HasPrefix(line, "  # elections:"):
			in = true
		case in && !strings.HasPrefix(line, "  #"):
			in = false
		}
		if in {
			block = append(block, "  "+strings.TrimPrefix(strings.TrimPrefix(line, "  #"), " "))
		}
	}
	if len(block) < 20 {
		t.Fatalf("example block not found in dengar.yaml (%d lines)", len(block))
	}
	doc := "catalog:\n" + strings.Join(block, "\n") + "\n"
	for _, d := range []string{"2029-09-23", "2029-09-25", "2029-11-24", "2029-11-28", "2030-01-31"} {
		doc = strings.Replace(doc, "YYYY-MM-DD", d, 1)
	}
	doc = strings.Replace(doc, `number: "N"`, `number: "7"`, 1)
	// The party's further ballot needs its contest in the calendar.
	doc = strings.Replace(doc, "  elections:\n", "  elections:\n    - {id: pileg-2029, kind: pileg, vote: \"2029-04-17\", campaign: {from: \"2029-01-10\", to: \"2029-04-13\"}}\n", 1)
	cfg, err := config.Load("example", []byte(doc))
	if err != nil {
		t.Fatalf("the documented example does not load: %v\n%s", err, doc)
	}
	ix := cfg.CatalogIndex()
	d, _ := catalog.ParseDate("2029-10-10")
	p := ix.PoliticsAt(normalize.Text("Salam 1 jari ✌️ dari warga kami"), d.Noon())
	if !p.Partisan || len(p.Actors) != 1 || p.Actors[0] != "paslon-contoh-1" {
		t.Errorf("a pose in the example contest: %+v", *p)
	}
	// The documented party symbol, after a ballot call.
	p = ix.PoliticsAt(normalize.Text("Jadwal senam Jumat pagi. Pemilu nanti coblos 🦅 ya"), d.Noon())
	if !p.Partisan || !slices.Contains(p.Actors, "gerindra") {
		t.Errorf("the example party's symbol after a call: %+v", *p)
	}
}
