package catalog

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// Neutrality flags neutrality breaches: a partisan post by a government
// account. The account is government when its author kind says so (stamped
// by the collector) or when the registry knows it; an unregistered account
// whose profile (name, handle, description) clearly marks a government body
// — "Kelurahan …", "Kecamatan …", "Dinas …", "Pemkot", "UPTD", "Puskesmas",
// "Ketua RT" — also breaches, flagged as unverified. It must run after
// Partisanship. An author with no kind (or "unknown") that the registry
// knows is stamped with the registry's kind, org and level, as a collector
// would have done.
type Neutrality struct{ ix *Index }

// NewNeutrality returns the neutrality tagger of ix.
func NewNeutrality(ix *Index) *Neutrality { return &Neutrality{ix: ix} }

// Name implements analyze.Tagger.
func (*Neutrality) Name() string { return "neutrality" }

// Tag implements analyze.Tagger.
func (t *Neutrality) Tag(m *mention.Mention, _ *normalize.Doc) {
	m.NeutralityBreach, m.BreachUnverified = false, false
	if (m.Author.Kind == "" || m.Author.Kind == mention.KindUnknown) && t.ix.Registry != nil {
		t.ix.Registry.Stamp(m)
	}
	if m.Politics == nil || !m.Politics.Partisan {
		return
	}
	switch {
	case m.Author.Kind == mention.KindGovernment:
		m.NeutralityBreach = true
	case m.Author.Kind == mention.KindMedia || m.Author.Kind == mention.KindPublicAdmin:
		// Registered or stamped as non-government.
	case GovernmentProfile(m.Author):
		m.NeutralityBreach, m.BreachUnverified = true, true
	}
	if m.NeutralityBreach {
		breachTotal.WithLabelValues(strconv.FormatBool(m.BreachUnverified)).Inc()
	}
}

// Metrics of the catalog taggers.
var (
	breachTotal = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_catalog_neutrality_breaches_total",
		Help: "Partisan posts by government accounts, by whether the account is unverified (not in the registry).",
	}, []string{"unverified"})
	politicsTotal = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_catalog_politics_total",
		Help: "Mentions tagged by the partisanship tagger, by result (none, political, partisan).",
	}, []string{"result"})
)

// govNameRE matches profile names of government bodies: the body type must
// open the name ("Kelurahan Sempaja Utara", "Dinas PUPR Samarinda", "UPTD
// Puskesmas Lempake", "Ketua RT 12 Sidodadi").
var govNameRE = regexp.MustCompile(`(?i)^\s*(official\s+|akun\s+resmi\s+)?(kelurahan|kel\.|kecamatan|kec\.|kantor\s+(lurah|camat|kelurahan|kecamatan|wali\s*kota)|dinas|pemkot|pemerintah\s+(kota|kabupaten|provinsi|kelurahan|desa)|pemkab|pemprov|uptd|upt|puskesmas|ketua\s+(rt|rw)|rt\.?\s*\d+|rw\.?\s*\d+|lurah|camat|bpbd|satpol\s*pp|bapenda|bappeda|perumda|pdam|sekretariat\s+daerah|setda|bagian\s+\w+\s+setda|(dishub|diskominfo|disdik|disdikbud|disdukcapil|dispar|disperkim|dispora|disnaker|disperindag|dinsos|dinkes|disdamkar|dlh|dpupr))\b`)

// govDescRE matches profile descriptions of official accounts.
var govDescRE = regexp.MustCompile(`(?i)(akun\s+resmi|official\s+account|official\s+instagram|laman\s+resmi|akun\s+official)\s+(of\s+|dari\s+)?(kelurahan|kecamatan|dinas|pemkot|pemerintah|uptd|puskesmas|badan|bagian|sekretariat|rt\b|perumda|kantor)`)

// govHandlePrefixes open the handles of government bodies ("kel.airhitam",
// "kelurahansempaja", "dishubsamarinda", "rt12sidodadi").
var govHandlePrefixes = []string{"kelurahan", "kecamatan", "pemkot", "pemkab", "pemprov", "puskesmas", "uptd",
	"diskominfo", "dishub", "disdik", "disdukcapil", "dukcapil", "dinkes", "dinsos", "dispar", "disperkim", "dispora",
	"disnaker", "dpupr", "pupr", "bpbd", "satpolpp", "bapenda", "bappeda", "perumda", "kantorlurah", "kantorcamat",
	"dinas", "setda", "ketuart"}

var handleJoiner = strings.NewReplacer(".", "", "_", "", "-", "")

// govHandleParts are whole first parts of separated handles ("kel.airhitam").
var govHandleParts = map[string]bool{"kel": true, "kec": true, "rt": true, "rw": true, "lurah": true, "camat": true, "dlh": true}

// GovernmentProfile reports whether an unregistered author's profile
// clearly marks a government body.
func GovernmentProfile(a mention.Author) bool {
	if a.Name != "" && govNameRE.MatchString(a.Name) {
		return true
	}
	if h := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(a.Handle), "@")); h != "" {
		first, sep := h, false
		if i := strings.IndexAny(h, "._-"); i >= 0 {
			first, sep = h[:i], true
		}
		if sep && govHandleParts[first] {
			return true
		}
		if len(first) >= 3 && first[:2] == "rt" && first[2] >= '0' && first[2] <= '9' {
			return true
		}
		joined := h
		if sep {
			joined = handleJoiner.Replace(h)
		}
		for _, p := range govHandlePrefixes {
			if strings.HasPrefix(joined, p) {
				return true
			}
		}
	}
	return a.Description != "" && govDescRE.MatchString(a.Description)
}
