package report

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

func TestMain(m *testing.M) { chtest.Main(m) }

// testWeek is the week the seeded corpus is built around.
var testWeek = Week{Year: 2026, Num: 47}

// corpus is a synthetic, deterministic set of mentions (written for the
// tests; no dataset text): four quiet baseline weeks, a previous week, and a
// busier target week with a flood-control controversy, a rising hashtag, a
// hostile spike on Wednesday evening in Sungai Pinang, two neutrality
// breaches, and a YouTube collector that falls silent.
type corpus struct {
	all []mention.Mention
}

type seedSpec struct {
	// silentThisWeek drops these sources from the target week.
	silentThisWeek map[string]bool
	// emptyThisWeek drops the whole target week.
	emptyThisWeek bool
	// runs records collector passes: every 6 hours for each source, all
	// successful before the target week; in an empty target week the x
	// collector fails every pass (auth) and the others do not run at all.
	runs bool
}

func seedRuns(spec seedSpec) []store.CollectorRun {
	var out []store.CollectorRun
	for at := testWeek.Start().AddDate(0, 0, -28); at.Before(testWeek.End()); at = at.Add(6 * time.Hour) {
		inWeek := !at.Before(testWeek.Start())
		for _, src := range seedSources {
			r := store.CollectorRun{Collector: src, Source: src, StartedAt: at.UTC(), FinishedAt: at.Add(time.Minute).UTC(), Items: 3, OK: true}
			if inWeek && spec.emptyThisWeek {
				if src != "x" {
					continue
				}
				r.OK, r.Items, r.Errors, r.ErrorClass, r.LastError = false, 0, 1, "auth", "401 Unauthorized"
			}
			out = append(out, r)
		}
	}
	return out
}

var (
	seedPrograms = []string{"probebaya", "pengendalian-banjir", "smart-city", "pasar-pagi"}
	seedPlaces   = []string{"sungai-pinang", "samarinda-ulu", "samarinda-kota"}
	seedSources  = []string{"x", "facebook", "youtube", "rss"}
	seedNeutral  = []string{
		"Warga membahas %s di media sosial hari ini",
		"Ada kabar terbaru soal %s dari kelurahan",
		"Info %s untuk warga Samarinda",
		"Rapat RT membicarakan %s minggu depan",
	}
	seedPositive = []string{
		"Terima kasih pemkot, %s sangat membantu warga",
		"Mantap, %s berjalan lancar di lingkungan kami",
	}
	seedNegative = []string{
		"Kecewa dengan %s, janji tidak ditepati",
		"%s lambat sekali, warga menunggu terus",
	}
)

func makeCorpus(spec seedSpec) corpus {
	rng := rand.New(rand.NewPCG(47, 2026))
	var c corpus
	n := 0
	add := func(at time.Time, src string, mod func(m *mention.Mention)) {
		n++
		if spec.emptyThisWeek && !at.Before(testWeek.Start()) && at.Before(testWeek.End()) {
			return
		}
		if spec.silentThisWeek[src] && !at.Before(testWeek.Start()) && at.Before(testWeek.End()) {
			return
		}
		prog := seedPrograms[rng.IntN(len(seedPrograms))]
		m := mention.Mention{
			ID: mention.NewID(src, fmt.Sprintf("p%05d", n)), Source: src,
			URL:      fmt.Sprintf("https://%s.example/post/%05d", src, n),
			Author:   mention.Author{ID: fmt.Sprintf("u%03d", rng.IntN(40)), Handle: fmt.Sprintf("akun%03d", n%40), Name: "Nama Warga", Kind: mention.KindCitizen},
			Text:     fmt.Sprintf(seedNeutral[rng.IntN(len(seedNeutral))], prog),
			PostedAt: at.UTC(), CollectedAt: at.UTC().Add(5 * time.Minute),
			Metrics: mention.Metrics{Likes: int64(rng.IntN(20)), Replies: int64(rng.IntN(5)), Shares: int64(rng.IntN(3))},
			Tags: mention.Tags{
				Sentiment: &mention.Sentiment{Label: mention.SentimentNeutral, Confidence: 0.8},
				Hostility: &mention.Hostility{Label: mention.HostilityNone},
				Politics:  &mention.Politics{},
				Programs:  []string{prog},
				Places:    []string{seedPlaces[rng.IntN(len(seedPlaces))]},
				Model:     "dengar-tags-1.2",
			},
		}
		switch x := rng.IntN(10); {
		case x < 3:
			m.Sentiment.Label = mention.SentimentPositive
			m.Text = fmt.Sprintf(seedPositive[rng.IntN(len(seedPositive))], prog)
		case x < 5:
			m.Sentiment.Label = mention.SentimentNegative
			m.Text = fmt.Sprintf(seedNegative[rng.IntN(len(seedNegative))], prog)
		}
		if mod != nil {
			mod(&m)
		}
		c.all = append(c.all, m)
	}
	// Baseline (four weeks before the previous week's start … previous
	// week): 6 posts a day, spread over the day and the sources.
	for d := -35; d < 0; d++ {
		day := testWeek.Start().AddDate(0, 0, d)
		for i := 0; i < 6; i++ {
			add(day.Add(time.Duration(2+3*i)*time.Hour+time.Duration(rng.IntN(50))*time.Minute), seedSources[i%len(seedSources)], nil)
		}
	}
	// Target week: 9 posts a day, the flood-control program turns sour.
	for d := 0; d < 7; d++ {
		day := testWeek.Start().AddDate(0, 0, d)
		for i := 0; i < 9; i++ {
			add(day.Add(time.Duration(1+2*i)*time.Hour+time.Duration(rng.IntN(50))*time.Minute), seedSources[i%len(seedSources)], func(m *mention.Mention) {
				if i%3 == 0 {
					m.Programs = []string{"pengendalian-banjir"}
					m.Sentiment.Label = mention.SentimentNegative
					m.Text = "Tanggul jebol lagi, pengendalian banjir cuma janji #banjirlagi"
					if d == 0 {
						m.Model = "dengar-tags-1.3"
					}
				}
			})
		}
	}
	// The spike: Wednesday 20:01–20:59 WITA, 30 hostile posts in Sungai
	// Pinang, insults at the agency and hate at migrants, one a threat.
	wed := testWeek.Start().AddDate(0, 0, 2).Add(20 * time.Hour)
	for i := 0; i < 30; i++ {
		add(wed.Add(time.Duration(1+2*i)*time.Minute), "x", func(m *mention.Mention) {
			m.Programs = []string{"pengendalian-banjir"}
			m.Places = []string{"sungai-pinang"}
			m.Institutions = []string{"dinas-pupr"}
			m.Sentiment.Label = mention.SentimentNegative
			m.Hostility = &mention.Hostility{Label: mention.HostilityAbusive, Score: 0.9, Target: "institution"}
			m.Text = "Dasar pejabat tidak becus, tanggul jebol rumah kami tenggelam #banjirlagi"
			if i%4 == 0 {
				m.Hostility = &mention.Hostility{Label: mention.HostilityHate, Score: 0.9, Target: "group", Categories: []string{"race"}}
				m.Institutions = nil
				m.Text = "Pendatang bikin tanggul jebol, usir saja mereka #banjirlagi"
			}
			if i == 7 {
				m.Hostility.Threat = true
				m.Text = "Tunggu haja kantor dinas, kami datang bawa parang #banjirlagi"
			}
			m.Metrics.Likes = int64(40 + i)
		})
	}
	// Two neutrality breaches and one ordinary partisan post by a citizen.
	add(testWeek.Start().AddDate(0, 0, 3).Add(9*time.Hour+15*time.Minute), "facebook", func(m *mention.Mention) {
		m.Author = mention.Author{ID: "kec-sungai-pinang", Handle: "kecamatan.sungaipinang", Name: "Kecamatan Sungai Pinang", Kind: mention.KindGovernment, Org: "Kecamatan Sungai Pinang", Level: mention.LevelKecamatan}
		m.Text = "Ayo dukung paslon nomor 2 demi Samarinda maju!"
		m.Politics = &mention.Politics{Political: true, Partisan: true, Stance: "support", Actors: []string{"paslon-2"}}
		m.NeutralityBreach = true
		m.Sentiment.Label = mention.SentimentPositive
	})
	add(testWeek.Start().AddDate(0, 0, 5).Add(16*time.Hour), "x", func(m *mention.Mention) {
		m.Author = mention.Author{ID: "dinaspupr", Handle: "dinaspupr_smd", Name: "Dinas PUPR", Kind: mention.KindGovernment, Org: "Dinas PUPR", Level: mention.LevelOPD}
		m.Text = "Jangan pilih calon yang cuma janji, pilih yang sudah terbukti!"
		m.Politics = &mention.Politics{Political: true, Partisan: true, Stance: "oppose", Actors: []string{"paslon-1"}}
		m.NeutralityBreach = true
	})
	add(testWeek.Start().AddDate(0, 0, 4).Add(11*time.Hour), "x", func(m *mention.Mention) {
		m.Text = "Saya pilih paslon 1, programnya jelas"
		m.Politics = &mention.Politics{Political: true, Partisan: true, Stance: "support", Actors: []string{"paslon-1"}}
	})
	return c
}

// seed opens a fresh database and inserts the corpus (twice, to check that
// duplicates count once).
func seed(t *testing.T, spec seedSpec) (*store.DB, corpus) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, chtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := makeCorpus(spec)
	p := store.NewPseudonymizer("k")
	if err := db.InsertMentions(ctx, c.all, p); err != nil {
		t.Fatal(err)
	}
	if err := db.InsertMentions(ctx, c.all[len(c.all)-20:], p); err != nil {
		t.Fatal(err)
	}
	// The alerts the alert stage raises over the week, as the live role
	// records them.
	as, err := alert.EvaluateRange(ctx, db, testWeek.Start().AddDate(0, 0, -7), testWeek.End(), alert.Config{Names: map[string]string{"pengendalian-banjir": "Pengendalian banjir"}})
	if err != nil {
		t.Fatal(err)
	}
	var recs []store.AlertRecord
	for i := range as {
		recs = append(recs, alert.Record(&as[i]))
	}
	if err := db.InsertAlerts(ctx, recs); err != nil {
		t.Fatal(err)
	}
	if spec.runs {
		if err := db.InsertCollectorRuns(ctx, seedRuns(spec)); err != nil {
			t.Fatal(err)
		}
	}
	return db, c
}

// inWeek returns the corpus mentions of week w.
func (c corpus) inWeek(w Week) []mention.Mention {
	var out []mention.Mention
	for _, m := range c.all {
		if !m.PostedAt.Before(w.Start()) && m.PostedAt.Before(w.End()) {
			out = append(out, m)
		}
	}
	return out
}

// totals recomputes the headline numbers from the mentions themselves.
func totals(ms []mention.Mention) store.ReportTotals {
	var t store.ReportTotals
	for _, m := range ms {
		t.Mentions++
		switch m.Sentiment.Label {
		case mention.SentimentPositive:
			t.Positive++
		case mention.SentimentNeutral:
			t.Neutral++
		case mention.SentimentNegative:
			t.Negative++
		}
		if m.Hostility.Label != mention.HostilityNone {
			t.Hostile++
		}
		if m.Hostility.Label == mention.HostilityHate {
			t.Hate++
		}
		if m.Hostility.Threat {
			t.Threats++
		}
		if m.Politics.Political {
			t.Political++
		}
		if m.Politics.Partisan {
			t.Partisan++
		}
		if m.NeutralityBreach {
			t.Breaches++
		}
		t.Engagement += m.Metrics.Likes + m.Metrics.Replies + m.Metrics.Shares
	}
	return t
}
