package e2e

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/dashboards"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/report"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// weekMention is one hand-made mention of the agreement test's week,
// with the labels the model gave it.
type weekMention struct {
	id, source, author, kind string
	at                       time.Duration // after the week's start
	sentiment, hostility     string
	category, target         string
	partisan, breach, review bool
	threat                   bool
	programs, places         []string
}

// agreementWeek is 2026-W47 (Monday 16 November, 00:00 WITA).
var agreementWeek = report.Week{Year: 2026, Num: 47}

// weekFixture builds 42 mentions over the week: every third negative,
// abusive and hateful ones, partisan citizens and breaching government
// accounts, three programs' worth of tags and two kecamatan.
func weekFixture() []weekMention {
	var out []weekMention
	for i := 0; i < 42; i++ {
		m := weekMention{
			id: fmt.Sprintf("w%02d", i), source: []string{"x", "facebook", "instagram", "youtube", "rss"}[i%5],
			author: fmt.Sprintf("u%d", i%9), kind: mention.KindCitizen,
			at:        time.Duration(i)*4*time.Hour + 7*time.Minute,
			sentiment: []string{mention.SentimentPositive, mention.SentimentNeutral, mention.SentimentNegative}[i%3],
			hostility: mention.HostilityNone, review: i%6 == 0,
			programs: [][]string{{"probebaya"}, {"banjir"}, {"probebaya", "banjir"}, nil}[i%4],
			places:   [][]string{{"kec-sungai-kunjang"}, {"kec-samarinda-ulu"}, nil}[i%3],
		}
		switch {
		case i%5 == 0:
			m.hostility, m.category, m.target = mention.HostilityAbusive, "other", "individual"
			m.threat = i%10 == 0
		case i%7 == 0:
			m.hostility, m.category, m.target = mention.HostilityHate, "religion", "group"
		}
		if i%8 == 3 {
			m.author, m.kind = fmt.Sprintf("kel.%d", i), mention.KindGovernment
			m.breach = i%16 == 3
			m.partisan = m.breach
		} else if i%11 == 0 {
			m.partisan = true
		}
		out = append(out, m)
	}
	return out
}

// agreementCorrections are what reviewers fixed: two hostility labels
// (one of each way, the 189 → 187), a government post that was
// partisan after all (a new breach), a breach that was not, an unsure
// sentiment (it leaves the review queue) and a program.
var agreementCorrections = []store.Correction{
	{MentionID: "x:w05", Field: store.FieldHostility, Value: mention.HostilityNone},
	{MentionID: "x:w10", Field: store.FieldHostility, Value: mention.HostilityNone},
	{MentionID: "facebook:w01", Field: store.FieldHostility, Value: mention.HostilityHate},
	{MentionID: "facebook:w11", Field: store.FieldPartisan, Value: "1"},
	{MentionID: "youtube:w03", Field: store.FieldPartisan, Value: "0"},
	{MentionID: "instagram:w12", Field: store.FieldSentiment, Value: mention.SentimentPositive},
	{MentionID: "rss:w04", Field: store.FieldPrograms, Value: "banjir"},
}

func (w weekMention) fullID() string { return mention.NewID(w.source, w.id) }

// weekMentions are the mentions of fx in the week starting at start, as
// model tagged them.
func weekMentions(fx []weekMention, start time.Time, model string) []mention.Mention {
	var ms []mention.Mention
	for _, w := range fx {
		at := start.Add(w.at)
		m := mention.Mention{
			Schema: 1, ID: w.fullID(), Source: w.source, URL: "https://example.org/" + w.id,
			Author: mention.Author{ID: w.author, Handle: w.author, Name: "Nama " + w.author, Kind: w.kind},
			Text:   "Unggahan " + w.id + " tentang kota", PostedAt: at, CollectedAt: at.Add(time.Minute),
			Metrics: mention.Metrics{Likes: int64(len(fx) - len(ms)), Replies: 1},
			Tags:    weekTags(w, model),
		}
		if w.kind == mention.KindGovernment {
			m.Author.Org, m.Author.Level = "Kelurahan "+w.id, mention.LevelKelurahan
		}
		ms = append(ms, m)
	}
	return ms
}

// weekTags are the tags the fixture gives w, by model.
func weekTags(w weekMention, model string) mention.Tags {
	t := mention.Tags{
		Sentiment: &mention.Sentiment{Label: w.sentiment, Confidence: 0.9, Review: w.review},
		Hostility: &mention.Hostility{Label: w.hostility, Score: 0.5, Target: w.target, Threat: w.threat},
		Politics:  &mention.Politics{Political: w.partisan, Partisan: w.partisan},
		Programs:  w.programs, Places: w.places, NeutralityBreach: w.breach, Model: model,
	}
	if w.category != "" {
		t.Hostility.Categories = []string{w.category}
	}
	return t
}

// effective applies the corrections by hand: what every reader must show.
func effectiveWeek(ms []weekMention, cs []store.Correction) []weekMention {
	out := append([]weekMention(nil), ms...)
	for i := range out {
		for _, c := range cs {
			if c.MentionID != out[i].fullID() {
				continue
			}
			switch c.Field {
			case store.FieldHostility:
				out[i].hostility = c.Value
			case store.FieldSentiment:
				out[i].sentiment = c.Value
			case store.FieldPartisan:
				out[i].partisan = c.Value == "1"
				out[i].breach = out[i].partisan && out[i].kind == mention.KindGovernment
			case store.FieldPrograms:
				out[i].programs = strings.Split(c.Value, ",")
			}
			out[i].review = false // corrected: out of the queue
		}
	}
	return out
}

// weekNumbers are the figures of a week every reader shows.
type weekNumbers struct {
	// Model is the model version every mention shows (Versi model).
	Model                                                                            string
	Mentions, Positive, Neutral, Negative, Abusive, Hate, Partisan, Breaches, Review int64
	Threats                                                                          int64
	Programs                                                                         map[string]int64 // "" = no program
	HostileByPlace                                                                   map[string]int64
	BreachAccounts, HostileCategorised                                               int64
	// BreachURLs and HostileURLs are the links of the breaches and the
	// hostile mentions, sorted.
	BreachURLs, HostileURLs []string
}

func (n weekNumbers) hostile() int64 { return n.Abusive + n.Hate }

func countWeek(ms []weekMention) weekNumbers {
	n := weekNumbers{Programs: map[string]int64{}, HostileByPlace: map[string]int64{}}
	accounts := map[string]bool{}
	for _, m := range ms {
		n.Mentions++
		switch m.sentiment {
		case mention.SentimentPositive:
			n.Positive++
		case mention.SentimentNeutral:
			n.Neutral++
		case mention.SentimentNegative:
			n.Negative++
		}
		switch m.hostility {
		case mention.HostilityAbusive:
			n.Abusive++
		case mention.HostilityHate:
			n.Hate++
		}
		if m.partisan {
			n.Partisan++
		}
		if m.threat {
			n.Threats++
		}
		if m.breach {
			n.Breaches++
			accounts[m.author] = true
			n.BreachURLs = append(n.BreachURLs, "https://example.org/"+m.id)
		}
		if m.review {
			n.Review++
		}
		if len(m.programs) == 0 {
			n.Programs[""]++
		}
		for _, p := range m.programs {
			n.Programs[p]++
		}
		if m.hostility != mention.HostilityNone {
			if m.category != "" {
				n.HostileCategorised++
			}
			n.HostileURLs = append(n.HostileURLs, "https://example.org/"+m.id)
			for _, p := range m.places {
				n.HostileByPlace[p]++
			}
		}
	}
	n.BreachAccounts = int64(len(accounts))
	sort.Strings(n.BreachURLs)
	sort.Strings(n.HostileURLs)
	return n
}

// TestCorrectionsAgreeEverywhere stores a week of tagged mentions (every
// one twice, as at-least-once delivery does), corrects seven labels the
// way `dengar labels import` does, and checks that the weekly report, the
// run summary, the review queue and every Grafana panel's SQL show the
// same week's numbers — the hand-counted effective ones.
func TestCorrectionsAgreeEverywhere(t *testing.T) {
	ctx := context.Background()
	cfg := chtest.Config(t)
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := agreementWeek.Start().UTC()
	if !start.Equal(time.Date(2026, 11, 15, 16, 0, 0, 0, time.UTC)) {
		t.Fatalf("2026-W47 starts %s", start)
	}
	fx := weekFixture()
	ms := weekMentions(fx, start, "m1")
	p := store.NewPseudonymizer("agreement")
	for i := 0; i < 2; i++ {
		if err := db.InsertMentions(ctx, ms, p); err != nil {
			t.Fatal(err)
		}
	}
	before := countWeek(fx)
	if _, err := db.AddCorrections(ctx, agreementCorrections); err != nil {
		t.Fatal(err)
	}
	want := countWeek(effectiveWeek(fx, agreementCorrections))
	want.Model = "m1"
	// The corrections move every figure the issue names.
	if want.hostile() != before.hostile()-1 || want.Breaches != before.Breaches || want.Review != before.Review-1 || want.Programs["probebaya"] != before.Programs["probebaya"]-1 {
		t.Fatalf("fixture: before %+v, after %+v", before, want)
	}

	t.Run("report", func(t *testing.T) {
		r, err := report.Build(ctx, db, agreementWeek, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		c := r.Summary.Current
		got := []int64{c.Mentions, c.Positive, c.Neutral, c.Negative, c.Hostile, c.Hate, c.Partisan, c.Breaches, int64(len(r.Breaches))}
		exp := []int64{want.Mentions, want.Positive, want.Neutral, want.Negative, want.hostile(), want.Hate, want.Partisan, want.Breaches, want.Breaches}
		if !reflect.DeepEqual(got, exp) {
			t.Errorf("report mentions, positive, neutral, negative, hostile, hate, partisan, breaches, breach rows = %v, want %v", got, exp)
		}
	})

	t.Run("summary and review queue", func(t *testing.T) {
		s, err := db.Summary(ctx, start, agreementWeek.End().UTC())
		if err != nil {
			t.Fatal(err)
		}
		counts := func(cs []store.Count) map[string]int64 {
			m := map[string]int64{}
			for _, c := range cs {
				m[c.Label] = int64(c.N)
			}
			return m
		}
		if got, exp := []int64{int64(s.Total), int64(s.Partisan), int64(s.Breaches), int64(s.NeedsReview)},
			[]int64{want.Mentions, want.Partisan, want.Breaches, want.Review}; !reflect.DeepEqual(got, exp) {
			t.Errorf("summary total, partisan, breaches, review = %v, want %v", got, exp)
		}
		if got, exp := counts(s.Sentiment), map[string]int64{"positive": want.Positive, "neutral": want.Neutral, "negative": want.Negative}; !reflect.DeepEqual(got, exp) {
			t.Errorf("summary sentiment = %v, want %v", got, exp)
		}
		if got, exp := counts(s.Hostility), map[string]int64{"none": want.Mentions - want.hostile(), "abusive": want.Abusive, "hate": want.Hate}; !reflect.DeepEqual(got, exp) {
			t.Errorf("summary hostility = %v, want %v", got, exp)
		}
		if got := counts(s.Programs); !reflect.DeepEqual(got, want.Programs) {
			t.Errorf("summary programs = %v, want %v", got, want.Programs)
		}
		q, err := db.ReviewQueue(ctx, store.Range{From: start, To: agreementWeek.End().UTC()}, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if int64(len(q)) != want.Review || uint64(len(q)) != s.NeedsReview {
			t.Errorf("review queue holds %d, summary says %d, want %d", len(q), s.NeedsReview, want.Review)
		}
	})

	t.Run("panels", func(t *testing.T) {
		checkPanels(t, db, want, countWeekProgram(effectiveWeek(fx, agreementCorrections), "probebaya"))
	})
}

// checkPanels runs every panel of every dashboard over the week, as
// Grafana would with All selected (the Program dashboard on probebaya),
// with one time bucket for the whole week, and checks the figures each
// shows against want.
func checkPanels(t *testing.T, db *store.DB, want, probebaya weekNumbers) {
	ds, err := dashboards.All(dashboards.Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := func(opts ...string) dashboards.Variable {
		return dashboards.Variable{Selected: []string{dashboards.AllValue}, Options: opts}
	}
	env := dashboards.Env{
		From: agreementWeek.Start(), To: agreementWeek.End().Add(-time.Second),
		// A bucket longer than the week: every time series is one row.
		Interval: 1_000_000_000 * time.Second,
		Vars: map[string]dashboards.Variable{
			"program": all("banjir", "probebaya"),
			"source":  all("facebook", "instagram", "rss", "x", "youtube"),
			"place":   all("kec-samarinda-ulu", "kec-sungai-kunjang"),
		},
	}
	programEnv := env
	programEnv.Vars = map[string]dashboards.Variable{"program": {Selected: []string{"probebaya"}}, "source": env.Vars["source"], "place": env.Vars["place"]}
	f := func(x int64) string { return strconv.FormatInt(x, 10) }
	share := func(a, b int64) string { return strconv.FormatFloat(float64(a)/float64(b), 'f', 4, 64) }
	// sum adds up column col of the rows (a count per row).
	sum := func(rows [][]string, col int, filter func(r []string) bool) string {
		var n int64
		for _, r := range rows {
			if filter == nil || filter(r) {
				x, err := strconv.ParseFloat(r[col], 64)
				if err != nil {
					t.Fatalf("%q is not a number", r[col])
				}
				n += int64(x)
			}
		}
		return f(n)
	}
	is := func(v string) func(r []string) bool { return func(r []string) bool { return r[1] == v } }
	// column lists column col of the rows, sorted.
	column := func(rows [][]string, col int) string {
		var out []string
		for _, r := range rows {
			out = append(out, r[col])
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	urls := func(us []string) string { return strings.Join(us, " ") }
	type check struct{ got, want string }
	cases := map[string]func(rows [][]string) []check{
		"dengar-ringkasan/Jumlah sebutan":            func(r [][]string) []check { return []check{{r[0][0], f(want.Mentions)}} },
		"dengar-ringkasan/Sentimen negatif":          func(r [][]string) []check { return []check{{r[0][0], share(want.Negative, want.Mentions)}} },
		"dengar-ringkasan/Konten bermusuhan":         func(r [][]string) []check { return []check{{r[0][0], share(want.hostile(), want.Mentions)}} },
		"dengar-ringkasan/Pelanggaran netralitas":    func(r [][]string) []check { return []check{{r[0][0], f(want.Breaches)}} },
		"dengar-ringkasan/Volume sebutan per sumber": func(r [][]string) []check { return []check{{sum(r, 2, nil), f(want.Mentions)}} },
		"dengar-ringkasan/Tren sentimen": func(r [][]string) []check {
			return []check{{sum(r, 2, is("positif")), f(want.Positive)}, {sum(r, 2, is("netral")), f(want.Neutral)}, {sum(r, 2, is("negatif")), f(want.Negative)}}
		},
		"dengar-ringkasan/Porsi suara per program": func(r [][]string) []check {
			got := map[string]string{}
			for _, x := range r {
				got[x[0]] = x[1]
			}
			return []check{{fmt.Sprint(got), fmt.Sprint(map[string]string{"banjir": f(want.Programs["banjir"]), "probebaya": f(want.Programs["probebaya"])})}}
		},
		"dengar-ringkasan/Porsi konten bermusuhan": func(r [][]string) []check { return []check{{r[0][1], share(want.hostile(), want.Mentions)}} },
		"dengar-ringkasan/Pelanggaran netralitas terbaru": func(r [][]string) []check {
			return []check{{column(r, 6), urls(want.BreachURLs)}}
		},
		// Every mention once, under the model that tagged it.
		"dengar-ringkasan/Versi model": func(r [][]string) []check {
			return []check{{sum(r, 2, nil), f(want.Mentions)}, {column(r, 1), strings.TrimSpace(strings.Repeat(want.Model+" ", len(r)))}}
		},
		"dengar-bermusuhan/Volume konten bermusuhan": func(r [][]string) []check {
			return []check{{sum(r, 2, is("kasar")), f(want.Abusive)}, {sum(r, 2, is("ujaran kebencian")), f(want.Hate)}}
		},
		"dengar-bermusuhan/Porsi konten bermusuhan": func(r [][]string) []check { return []check{{r[0][1], share(want.hostile(), want.Mentions)}} },
		"dengar-bermusuhan/Ancaman":                 func(r [][]string) []check { return []check{{r[0][0], f(want.Threats)}} },
		// A hostile mention of the fixture has one category (none when a
		// reviewer made it hostile) and one target ("tidak diketahui" then).
		"dengar-bermusuhan/Kategori": func(r [][]string) []check { return []check{{sum(r, 1, nil), f(want.HostileCategorised)}} },
		"dengar-bermusuhan/Sasaran":  func(r [][]string) []check { return []check{{sum(r, 1, nil), f(want.hostile())}} },
		"dengar-bermusuhan/Menurut kecamatan": func(r [][]string) []check {
			got := map[string]int64{}
			for _, x := range r {
				n, _ := strconv.ParseInt(x[1], 10, 64)
				got[x[0]] = n
			}
			return []check{{fmt.Sprint(got), fmt.Sprint(want.HostileByPlace)}}
		},
		"dengar-bermusuhan/Lonjakan": nil, // the alerts table, no mention counts
		"dengar-bermusuhan/Unggahan paling bermusuhan": func(r [][]string) []check {
			return []check{{column(r, 8), urls(want.HostileURLs)}}
		},
		"dengar-netralitas/Pelanggaran netralitas":   func(r [][]string) []check { return []check{{r[0][0], f(want.Breaches)}} },
		"dengar-netralitas/Akun pemerintah terlibat": func(r [][]string) []check { return []check{{r[0][0], f(want.BreachAccounts)}} },
		"dengar-netralitas/Belum terverifikasi":      func(r [][]string) []check { return []check{{r[0][0], "0"}} },
		"dengar-netralitas/Unggahan partisan akun pemerintah": func(r [][]string) []check {
			return []check{{sum(r, 1, nil), f(want.Breaches)}, {sum(r, 2, nil), f(want.Breaches)}}
		},
		"dengar-netralitas/Menurut instansi":   func(r [][]string) []check { return []check{{sum(r, 1, nil), f(want.Breaches)}} },
		"dengar-netralitas/Menurut tingkat":    func(r [][]string) []check { return []check{{sum(r, 1, nil), f(want.Breaches)}} },
		"dengar-netralitas/Daftar pelanggaran": func(r [][]string) []check { return []check{{column(r, 10), urls(want.BreachURLs)}} },
		"dengar-program/Sebutan":               func(r [][]string) []check { return []check{{r[0][0], f(probebaya.Mentions)}} },
		"dengar-program/Sentimen bersih": func(r [][]string) []check {
			return []check{{r[0][0], share(probebaya.Positive-probebaya.Negative, probebaya.Mentions)}}
		},
		"dengar-program/Penulis unik":   nil, // unique authors are not adjusted by corrections (readmodel.go)
		"dengar-ringkasan/Penulis unik": nil,
		"dengar-program/Keterlibatan":   nil, // no label
		"dengar-program/Sentimen dari waktu ke waktu": func(r [][]string) []check {
			return []check{{sum(r, 2, is("positif")), f(probebaya.Positive)}, {sum(r, 2, is("netral")), f(probebaya.Neutral)}, {sum(r, 2, is("negatif")), f(probebaya.Negative)}}
		},
		"dengar-program/Istilah yang sedang naik": nil, // terms_daily: terms, not labels
		"dengar-program/Sumber": func(r [][]string) []check {
			return []check{{sum(r, 1, nil), f(probebaya.Positive)}, {sum(r, 2, nil), f(probebaya.Neutral)}, {sum(r, 3, nil), f(probebaya.Negative)}}
		},
		"dengar-program/Wilayah": nil, // places of one program: not a figure of the report or summary
		"dengar-program/Contoh unggahan": func(r [][]string) []check {
			// the sample holds every probebaya mention of the week (fewer
			// than 20 of them? then all): each with its effective sentiment
			return []check{{f(int64(len(r))), f(min(20, probebaya.Mentions))}}
		},
		"dengar-sumber/Kesegaran per sumber": nil, // collector_runs
		"dengar-sumber/Kuota API":            nil,
		"dengar-sumber/Item per jam":         nil,
		"dengar-sumber/Galat":                nil,
		"dengar-sumber/Galat terakhir":       nil,
	}
	qs := dashboards.Queries(ds)
	if panels, stray := dashboards.Unmatched(qs, slices.Collect(maps.Keys(cases))); len(panels)+len(stray) > 0 {
		t.Errorf("panels without a case (say which figure each shows, or nil) %q, cases without a panel %q", panels, stray)
	}
	for _, pq := range qs {
		key := pq.Key()
		c := cases[key]
		e := env
		if pq.DashboardUID == dashboards.UIDProgram {
			e = programEnv
		}
		rows := panelRows(t, db, pq.Query.RawSql, e)
		if c == nil {
			continue
		}
		for i, ch := range c(rows) {
			if ch.got != ch.want {
				t.Errorf("%s [%d]: panel shows %s, want %s (rows %q)", key, i, ch.got, ch.want, rows)
			}
		}
	}
}

// countWeekProgram is the figures of one program's mentions of eff (the
// effective fixture).
func countWeekProgram(eff []weekMention, program string) weekNumbers {
	var ms []weekMention
	for _, m := range eff {
		for _, p := range m.programs {
			if p == program {
				ms = append(ms, m)
			}
		}
	}
	return countWeek(ms)
}

// panelRows expands sql for env and returns its rows as strings
// (chtest.Rows), sorted.
func panelRows(t *testing.T, db *store.DB, sql string, env dashboards.Env) [][]string {
	t.Helper()
	q, err := dashboards.Expand(sql, env)
	if err != nil {
		t.Fatal(err)
	}
	_, rows := chtest.Rows(t, db, q)
	sort.SliceStable(rows, func(i, j int) bool { return strings.Join(rows[i], "|") < strings.Join(rows[j], "|") })
	return rows
}
