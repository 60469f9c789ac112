package watchfilter_test

import (
	"testing"

	"github.com/dengar-id/dengar/ingest/watchfilter"
	"github.com/dengar-id/dengar/mention"
)

func TestKeep(t *testing.T) {
	f, err := watchfilter.Parse(`probebaya OR "dana rt"`, `banjir AND samarinda`)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		title, text, query string
		keep               bool
		want               string
	}{
		{"", "Dana Probebaya sudah cair", "", true, `probebaya OR "dana rt"`},
		{"Banjir lagi", "di Samarinda Ulu", "", true, "banjir AND samarinda"},
		{"", "banjir di Balikpapan", "", false, ""},
		{"", "harga cabai naik", "", false, ""},
		{"", "probebaya", "search-q", true, "search-q"},
	} {
		m := &mention.Mention{Title: tc.title, Text: tc.text, Query: tc.query, Source: "x"}
		if got := f.Keep(m); got != tc.keep || m.Query != tc.want {
			t.Errorf("Keep(%q %q) = %v query %q; want %v %q", tc.title, tc.text, got, m.Query, tc.keep, tc.want)
		}
	}
	if _, err := watchfilter.Parse(`(broken`); err == nil {
		t.Error("bad query accepted")
	}
}

func TestGovernmentAccountsAlwaysKept(t *testing.T) {
	f, err := watchfilter.Parse("probebaya")
	if err != nil {
		t.Fatal(err)
	}
	citizen := &mention.Mention{Text: "Salam dua jari, coblos nomor 2!", Author: mention.Author{Kind: mention.KindCitizen}}
	gov := &mention.Mention{Text: "Salam dua jari, coblos nomor 2!", Author: mention.Author{Kind: mention.KindGovernment, Handle: "kel.airhitam"}}
	if f.Keep(citizen) {
		t.Error("a citizen post matching no query was kept")
	}
	if !f.Keep(gov) {
		t.Error("a government account's post was dropped: neutrality breaches would go unseen")
	}
}
