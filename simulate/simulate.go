// Package simulate generates realistic mention streams for Samarinda: the
// bundled demo corpus, load tests (`dengar simulate`), and the injected
// spikes that alert detection is measured on. Output is deterministic for a
// given seed.
package simulate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

// Spike injects a burst of hostile mentions about one program.
type Spike struct {
	// Start and Duration place the burst.
	Start    time.Time
	Duration time.Duration
	// Program is the program id the burst is about ("" = any).
	Program string
	// Count is how many extra hostile mentions the burst adds.
	Count int
	// BuzzerShare is the fraction posted by buzzer-like accounts: new,
	// few followers, near-identical text within minutes.
	BuzzerShare float64
}

// Breach schedules a partisan post by a government account.
type Breach struct {
	At time.Time
}

// Options configure Generate.
type Options struct {
	// Start and End bound posted_at.
	Start, End time.Time
	// PerHour is the mean number of mentions per hour, before daily and
	// weekly seasonality (a quiet weekday night gets ~15 % of it, a busy
	// evening ~180 %).
	PerHour float64
	// Seed makes output reproducible.
	Seed uint64
	// Spikes and Breaches are injected on top of the base stream.
	Spikes   []Spike
	Breaches []Breach
	// Stress spans add heated, non-hostile traffic (a flood week, a
	// campaign week) on top of the base stream.
	Stress []Stress
	// Truth fills the tags from the templates' ground truth, so that the
	// stream can go straight to the store (load tests, alert evaluation)
	// without running the analyzers.
	Truth bool
	// CollectDelay is added to posted_at to make collected_at.
	CollectDelay time.Duration
}

// hourProfile is the relative activity per hour of the day in WITA
// (mean 1): low at night, a morning peak, and the evening peak when most
// people scroll.
var hourProfile = [24]float64{
	0.45, 0.25, 0.15, 0.12, 0.15, 0.35, 0.7, 1.0, 1.3, 1.35, 1.25, 1.2,
	1.3, 1.2, 1.05, 1.0, 1.05, 1.15, 1.35, 1.7, 1.8, 1.6, 1.2, 0.8,
}

func init() {
	var s float64
	for _, v := range hourProfile {
		s += v
	}
	for i := range hourProfile {
		hourProfile[i] *= 24 / s
	}
}

// Rate returns the expected mentions per minute at t for a mean PerHour.
func Rate(perHour float64, t time.Time) float64 {
	w := t.In(clock.WITA)
	day := 1.0
	if wd := w.Weekday(); wd == time.Saturday || wd == time.Sunday {
		day = 0.8
	}
	return perHour / 60 * hourProfile[w.Hour()] * day
}

// Generate calls fn for every mention of the stream, in posted_at order
// within each minute. It stops at the first error fn returns.
func Generate(opts Options, fn func(*mention.Mention) error) error {
	if !opts.End.After(opts.Start) {
		return fmt.Errorf("simulate: end %s is not after start %s", opts.End, opts.Start)
	}
	for _, s := range opts.Stress {
		if err := s.validate(); err != nil {
			return err
		}
	}
	g := newGen(opts)
	start := opts.Start.UTC().Truncate(time.Minute)
	breaches := append([]Breach(nil), opts.Breaches...)
	for t := start; t.Before(opts.End); t = t.Add(time.Minute) {
		n := poisson(g.rng, Rate(opts.PerHour, t))
		for i := 0; i < n; i++ {
			m := g.base(t.Add(time.Duration(g.rng.IntN(60)) * time.Second))
			if err := fn(m); err != nil {
				return err
			}
		}
		for si, s := range opts.Spikes {
			if s.Count <= 0 || t.Before(s.Start.Truncate(time.Minute)) || !t.Before(s.Start.Add(s.Duration)) {
				continue
			}
			minutes := max(1, int(math.Ceil(s.Duration.Minutes())))
			k := s.Count / minutes
			if int(t.Sub(s.Start.Truncate(time.Minute))/time.Minute) < s.Count%minutes {
				k++
			}
			for i := 0; i < k; i++ {
				m := g.spike(si, s, t.Add(time.Duration(g.rng.IntN(60))*time.Second))
				if err := fn(m); err != nil {
					return err
				}
			}
		}
		for _, s := range opts.Stress {
			if t.Before(s.Start.Truncate(time.Minute)) || !t.Before(s.Start.Add(s.Duration)) {
				continue
			}
			n := poisson(g.rng, Rate(s.PerHour, t))
			for i := 0; i < n; i++ {
				if err := fn(g.stress(s, t.Add(time.Duration(g.rng.IntN(60))*time.Second))); err != nil {
					return err
				}
			}
		}
		for i := 0; i < len(breaches); i++ {
			if b := breaches[i]; !b.At.Before(t) && b.At.Before(t.Add(time.Minute)) {
				if err := fn(g.breach(b.At.Truncate(time.Second))); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func poisson(r *rand.Rand, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda > 30 {
		n := int(math.Round(r.NormFloat64()*math.Sqrt(lambda) + lambda))
		return max(n, 0)
	}
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

type gen struct {
	opts     Options
	rng      *rand.Rand
	seq      uint64
	citizens []mention.Author
	zipf     *rand.Zipf
	progCum  []float64
}

func newGen(opts Options) *gen {
	g := &gen{opts: opts, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))}
	g.citizens = make([]mention.Author, 3000)
	for i := range g.citizens {
		g.citizens[i] = g.citizen(i, false)
	}
	g.zipf = rand.NewZipf(g.rng, 1.3, 4, uint64(len(g.citizens)-1))
	var c float64
	for _, p := range programs {
		c += p.weight
		g.progCum = append(g.progCum, c)
	}
	return g
}

var (
	firstNames = []string{"rina", "budi", "siti", "andi", "dewi", "rizky", "nur", "fajar", "ayu", "dimas", "putri", "agus", "mega", "yusuf", "indah", "hendra", "lina", "ardi", "wulan", "bayu", "fitri", "iwan", "sari", "rahmat", "nisa", "galuh", "utuh", "aluh", "imah", "udin"}
	suffixes   = []string{"_smd", ".kaltim", "_samarinda", "", "99", "_banjar", ".id", "_official", "21", "_mahakam"}
)

func (g *gen) citizen(i int, buzzer bool) mention.Author {
	r := g.rng
	name := firstNames[r.IntN(len(firstNames))]
	handle := name + suffixes[r.IntN(len(suffixes))] + fmt.Sprint(r.IntN(1000))
	created := time.Date(2012+r.IntN(13), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	followers := int64(math.Exp(r.NormFloat64()*1.5 + 5.5))
	posts := int64(math.Exp(r.NormFloat64()*1.2 + 6))
	if buzzer {
		handle = fmt.Sprintf("%s%d%s", name, 10000+r.IntN(90000), string(rune('a'+r.IntN(26))))
		created = g.opts.Start.AddDate(0, 0, -r.IntN(20))
		followers = int64(r.IntN(30))
		posts = int64(r.IntN(40))
	}
	return mention.Author{
		ID: fmt.Sprintf("u%d", 100000+i), Handle: handle, Name: strings.ToUpper(name[:1]) + name[1:],
		Kind: mention.KindCitizen, Followers: followers, Posts: posts, CreatedAt: &created,
	}
}

type account struct {
	handle, name, kind, level, org string
}

var (
	media = []account{
		{"kaltimpost", "Kaltim Post", mention.KindMedia, "", "Kaltim Post"},
		{"tribunkaltim", "Tribun Kaltim", mention.KindMedia, "", "Tribun Kaltim"},
		{"sapos_smd", "Samarinda Pos", mention.KindMedia, "", "Samarinda Pos"},
		{"kaltimtoday", "Kaltim Today", mention.KindMedia, "", "Kaltim Today"},
		{"niaga.asia", "Niaga Asia", mention.KindMedia, "", "Niaga Asia"},
	}
	government = []account{
		{"pemkotsamarinda", "Pemerintah Kota Samarinda", mention.KindGovernment, mention.LevelOPD, "Pemkot Samarinda"},
		{"diskominfosmr", "Diskominfo Samarinda", mention.KindGovernment, mention.LevelOPD, "Diskominfo"},
		{"dpupr.samarinda", "Dinas PUPR Kota Samarinda", mention.KindGovernment, mention.LevelOPD, "Dinas PUPR"},
		{"bpbd.samarinda", "BPBD Kota Samarinda", mention.KindGovernment, mention.LevelOPD, "BPBD"},
		{"kec.samarindaulu", "Kecamatan Samarinda Ulu", mention.KindGovernment, mention.LevelKecamatan, "Kecamatan Samarinda Ulu"},
		{"kel.sempaja.selatan", "Kelurahan Sempaja Selatan", mention.KindGovernment, mention.LevelKelurahan, "Kelurahan Sempaja Selatan"},
		{"kel.airhitam", "Kelurahan Air Hitam", mention.KindGovernment, mention.LevelKelurahan, "Kelurahan Air Hitam"},
		{"tirtakencana.smd", "Perumdam Tirta Kencana", mention.KindGovernment, mention.LevelBUMD, "Perumdam Tirta Kencana"},
	}
	publicAdmins = []account{
		{"infosamarinda", "Info Samarinda", mention.KindPublicAdmin, "", "Info Samarinda"},
		{"samarinda.update", "Samarinda Update", mention.KindPublicAdmin, "", "Samarinda Update"},
	}
)

func (a account) author() mention.Author {
	return mention.Author{ID: a.handle, Handle: a.handle, Name: a.name, Kind: a.kind, Level: a.level, Org: a.org, Verified: a.kind != mention.KindCitizen, Followers: 25000}
}

// sources with their share of the stream.
var sources = []struct {
	name  string
	share float64
}{
	{"facebook", 0.25}, {"instagram", 0.20}, {"x", 0.19}, {"youtube", 0.12},
	{"rss", 0.10}, {"googlenews", 0.05}, {"telegram", 0.06}, {"mastodon", 0.03},
}

func (g *gen) pickSource() string {
	x := g.rng.Float64()
	for _, s := range sources {
		if x < s.share {
			return s.name
		}
		x -= s.share
	}
	return "facebook"
}

func (g *gen) pickProgram() *program {
	x := g.rng.Float64() * g.progCum[len(g.progCum)-1]
	for i, c := range g.progCum {
		if x < c {
			return &programs[i]
		}
	}
	return &programs[0]
}

// base draws one mention of the ordinary stream.
func (g *gen) base(at time.Time) *mention.Mention {
	r := g.rng
	src := g.pickSource()
	var author mention.Author
	var tpl template
	var prog *program
	switch {
	case src == "rss" || src == "googlenews":
		author = media[r.IntN(len(media))].author()
	case r.Float64() < 0.04:
		author = government[r.IntN(len(government))].author()
	case r.Float64() < 0.04:
		author = publicAdmins[r.IntN(len(publicAdmins))].author()
	default:
		author = g.citizens[g.zipf.Uint64()]
	}
	x := r.Float64()
	switch {
	case author.Kind == mention.KindCitizen && x < 0.012:
		tpl = partisanCitizen[r.IntN(len(partisanCitizen))]
		prog = g.pickProgram()
	case x < 0.03:
		tpl = electionNeutral[r.IntN(len(electionNeutral))]
		prog = g.pickProgram()
	case x < 0.12:
		tpl = offTopic[r.IntN(len(offTopic))]
	default:
		prog = g.pickProgram()
		tpl = g.pickText(prog, author.Kind)
	}
	return g.build(at, src, author, prog, tpl, "")
}

// pickText picks a template that suits the author: institutions and media
// post neutral or positive news, citizens anything.
func (g *gen) pickText(p *program, kind string) template {
	for {
		t := p.texts[g.rng.IntN(len(p.texts))]
		switch {
		case kind == mention.KindCitizen || kind == mention.KindPublicAdmin:
			return t
		case kind == mention.KindMedia && t.sentiment == "neutral":
			return t
		case kind == mention.KindGovernment && t.hostility == "none" && t.sentiment != "negative":
			return t
		}
	}
}

func (g *gen) spike(i int, s Spike, at time.Time) *mention.Mention {
	r := g.rng
	prog := g.pickProgram()
	for j := range programs {
		if programs[j].id == s.Program {
			prog = &programs[j]
		}
	}
	var author mention.Author
	var tpl template
	suffix := ""
	if r.Float64() < s.BuzzerShare {
		author = g.citizen(len(g.citizens)+int(g.seq), true)
		// Buzzers post one script with small variations.
		tpl = hateTemplates[(i*7)%len(hateTemplates)]
		suffix = []string{"", "!!", " #SaveSamarinda", " 😡😡", "!!!"}[r.IntN(5)]
	} else {
		author = g.citizens[g.zipf.Uint64()]
		hostile := make([]template, 0, 8)
		for _, t := range prog.texts {
			if t.hostility != "none" {
				hostile = append(hostile, t)
			}
		}
		hostile = append(hostile, hateTemplates...)
		tpl = hostile[r.IntN(len(hostile))]
	}
	return g.build(at, []string{"facebook", "instagram", "x"}[r.IntN(3)], author, prog, tpl, suffix)
}

func (g *gen) breach(at time.Time) *mention.Mention {
	a := government[4+g.rng.IntN(4)].author() // kecamatan, kelurahan, BUMD accounts
	return g.build(at, []string{"facebook", "instagram"}[g.rng.IntN(2)], a, nil, partisanGov[g.rng.IntN(len(partisanGov))], "")
}

func (g *gen) build(at time.Time, src string, author mention.Author, prog *program, tpl template, suffix string) *mention.Mention {
	r := g.rng
	g.seq++
	native := fmt.Sprintf("%016x", hash64(g.opts.Seed, g.seq))
	place := places[r.IntN(len(places))]
	text := tpl.text
	alias, tag := "Pemkot Samarinda", ""
	if prog != nil {
		alias = prog.aliases[r.IntN(len(prog.aliases))]
		if r.Float64() < 0.5 {
			tag = prog.tags[r.IntN(len(prog.tags))]
		}
	}
	emos := emoji[tpl.sentiment]
	text = strings.NewReplacer("{alias}", alias, "{place}", place, "{tag}", tag, "{emo}", emos[r.IntN(len(emos))]).Replace(text)
	text = strings.Join(strings.Fields(text), " ") + suffix
	if author.Kind == mention.KindCitizen && r.Float64() < 0.15 {
		text = strings.ToLower(text)
	}
	m := &mention.Mention{
		Schema: mention.SchemaVersion, ID: mention.NewID(src, native), Source: src,
		Author: author, Text: text, Lang: "id",
		PostedAt: at.UTC(), CollectedAt: at.UTC().Add(g.opts.CollectDelay + time.Duration(r.IntN(300))*time.Second),
		Metrics: mention.Metrics{
			Likes: int64(r.ExpFloat64() * 12), Replies: int64(r.ExpFloat64() * 3),
			Shares: int64(r.ExpFloat64() * 2), Views: int64(r.ExpFloat64() * 400),
		},
	}
	switch src {
	case "rss", "googlenews":
		m.Title = headline(text)
		m.Channel = author.Handle
		m.URL = fmt.Sprintf("https://%s.example.id/samarinda/%s", strings.ReplaceAll(author.Handle, "_", "-"), native)
	case "x":
		m.URL = fmt.Sprintf("https://x.com/%s/status/%d", author.Handle, hash64(g.opts.Seed, g.seq)>>1)
	case "youtube":
		m.Channel = "UCsamarinda"
		m.URL = "https://www.youtube.com/watch?v=" + native[:11] + "&lc=" + native
	case "facebook":
		m.Channel = "pemkotsamarinda"
		m.URL = "https://www.facebook.com/" + author.Handle + "/posts/" + native
	case "instagram":
		m.URL = "https://www.instagram.com/p/" + native[:11] + "/"
	case "telegram":
		m.Channel = "infosamarinda"
		m.URL = fmt.Sprintf("https://t.me/infosamarinda/%d", g.seq)
	case "mastodon":
		m.URL = "https://mastodon.social/@" + author.Handle + "/" + native
	}
	if g.opts.Truth {
		g.truth(m, prog, tpl, alias, place)
	}
	return m
}

func headline(text string) string {
	words := strings.Fields(text)
	if len(words) > 10 {
		words = words[:10]
	}
	return strings.TrimRight(strings.Join(words, " "), ",.!?")
}

// truth fills tags from the template's intent (no analyzers involved).
func (g *gen) truth(m *mention.Mention, prog *program, tpl template, alias, place string) {
	score := map[string]float64{"positive": 0.7, "neutral": 0, "negative": -0.7}[tpl.sentiment]
	m.Sentiment = &mention.Sentiment{Label: tpl.sentiment, Score: score, Confidence: 0.9}
	h := &mention.Hostility{Label: tpl.hostility, Confidence: 0.9, Threat: tpl.threat}
	if tpl.hostility != "none" {
		h.Score = 0.9
		h.Target = "individual"
		if tpl.hostility == "hate" {
			h.Target, h.Categories, h.Strength = "group", []string{"race"}, "moderate"
		}
	}
	m.Hostility = h
	m.Politics = &mention.Politics{Political: tpl.political, Partisan: tpl.partisan}
	if tpl.partisan {
		m.Politics.Stance = "support"
	}
	if prog != nil && strings.Contains(m.Text, alias) {
		m.Programs = []string{prog.id}
	}
	if strings.Contains(m.Text, place) {
		m.Places = []string{placeID(place)}
	}
	m.NeutralityBreach = tpl.partisan && m.Author.Kind == mention.KindGovernment
	m.Model = "simulate-truth"
}

// placeID turns a place name into a catalog-style id: the first ten
// places are kecamatan ("kec-samarinda-ulu"), the rest kelurahan.
func placeID(name string) string {
	slug := strings.ReplaceAll(strings.ToLower(name), " ", "-")
	for _, k := range places[:10] {
		if k == name {
			return "kec-" + slug
		}
	}
	return "kel-" + slug
}

func hash64(seed, n uint64) uint64 {
	x := seed ^ (n * 0x9e3779b97f4a7c15)
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ (x >> 31)
}
