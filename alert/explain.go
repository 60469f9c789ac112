package alert

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stopwords"
	"github.com/dengar-id/dengar/store"
)

// Explanation says why an alert fired, for the duty officer.
type Explanation struct {
	// Mentions is how many mentions of the family were looked at.
	Mentions    int     `json:"mentions"`
	TopTerms    []Count `json:"top_terms,omitempty"`
	TopHashtags []Count `json:"top_hashtags,omitempty"`
	TopSources  []Count `json:"top_sources,omitempty"`
	TopAccounts []Count `json:"top_accounts,omitempty"`
	TopPrograms []Count `json:"top_programs,omitempty"`
	TopPlaces   []Count `json:"top_places,omitempty"`
	// Kinds counts the posts by kind of hostility (kasar, ujaran
	// kebencian, ancaman: a threat counts as one whatever its label);
	// Targets the named people and offices threatened or attacked, with
	// how often.
	Kinds     []Count    `json:"kinds,omitempty"`
	Targets   []Count    `json:"targets,omitempty"`
	Examples  []Example  `json:"examples,omitempty"`
	Buzzer    Buzzer     `json:"buzzer"`
	Collector *Collector `json:"collector,omitempty"`
}

// Count is a value with its number of mentions.
type Count struct {
	Value string `json:"value"`
	N     int    `json:"n"`
}

// Example is one post of the spike. Citizen authors are pseudonyms.
type Example struct {
	ID       string    `json:"id"`
	Source   string    `json:"source"`
	Author   string    `json:"author"`
	Kind     string    `json:"kind"`
	Org      string    `json:"org,omitempty"`
	Text     string    `json:"text"`
	URL      string    `json:"url,omitempty"`
	PostedAt time.Time `json:"posted_at"`
	// The account's registry entry (breaches): its profile name, level
	// (opd, kecamatan, kelurahan, bumd, rt) and whether it is not in the
	// registry (recognised from its profile only).
	Name       string `json:"name,omitempty"`
	Level      string `json:"level,omitempty"`
	Unverified bool   `json:"unverified,omitempty"`
	// Cues are the evidence that decided a partisan post, in Indonesian:
	// the rule's label, the words as written and the side they favour.
	Cues []string `json:"cues,omitempty"`
}

// Buzzer is the coordinated-posting signal: the share of the mentions
// posted by low-follower or newly created accounts in groups of
// near-identical text within minutes.
type Buzzer struct {
	Share    float64 `json:"share"`
	Mentions int     `json:"mentions"`
	Accounts int     `json:"accounts"`
	Clusters int     `json:"clusters"`
	// Script is the text of the largest group, shortened.
	Script string `json:"script,omitempty"`
}

// Collector describes a stalled collector.
type Collector struct {
	Name         string    `json:"name"`
	Source       string    `json:"source"`
	LastRun      time.Time `json:"last_run"`
	LastSuccess  time.Time `json:"last_success"`
	RecentErrors uint64    `json:"recent_errors"`
	Window       string    `json:"window"`
}

// SpanLimit bounds the posts a spike's span counts (a larger span says
// "at least"; `dengar bench queries` times this read); explainLimit the
// newest of them the explanation reads.
const (
	SpanLimit    = 20000
	explainLimit = 2000
)

// explainAlert reads the posts of a's family in its scope from the start
// of its span up to upto, sets the span (first and last post, count) and
// explains them.
func (e *Engine) explainAlert(ctx context.Context, a *Alert, upto time.Time) error {
	if !e.explain {
		return nil
	}
	from := a.spanStart
	if from.IsZero() {
		from = a.WindowFrom
	}
	ms, err := e.data.AlertMentions(ctx, a.Scope, familyLabel(a.Family), from, upto, SpanLimit)
	if err != nil {
		return fmt.Errorf("alert: explain %s: %w", a.ID, err)
	}
	setSpan(a, ms, from, upto)
	if len(ms) > explainLimit {
		ms = ms[:explainLimit] // the newest
	}
	a.Explanation = explainMentions(&e.cfg, a, ms)
	return nil
}

// setSpan sets a's span from ms (its family's posts in [from, upto)): the
// run of them that makes the spike, from its first to its last post, and
// their number. A post at either edge set apart from the run by a gap of
// at least 5 minutes and 4 times the run's median gap is background, not
// the spike, and is left out.
func setSpan(a *Alert, ms []store.AlertMention, from, upto time.Time) {
	ts := make([]time.Time, len(ms))
	for i := range ms {
		ts[i] = ms[i].PostedAt
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	if len(ts) >= 3 {
		gaps := make([]float64, len(ts)-1)
		for i := range gaps {
			gaps[i] = ts[i+1].Sub(ts[i]).Seconds()
		}
		sorted := append([]float64(nil), gaps...)
		sort.Float64s(sorted)
		apart := math.Max(300, 4*sorted[len(sorted)/2])
		lo, hi := 0, len(ts)-1
		for hi-lo >= 2 && ts[lo+1].Sub(ts[lo]).Seconds() >= apart {
			lo++
		}
		for hi-lo >= 2 && ts[hi].Sub(ts[hi-1]).Seconds() >= apart {
			hi--
		}
		ts = ts[lo : hi+1]
	}
	a.SpanCount = len(ts)
	if len(ts) == 0 {
		a.SpanFrom, a.SpanTo = from, upto
		return
	}
	a.SpanFrom, a.SpanTo = ts[0], ts[len(ts)-1]
}

func explainCollector(a *Alert, h store.CollectorHealth, win time.Duration) *Explanation {
	return &Explanation{Collector: &Collector{
		Name: h.Collector, Source: h.Source, LastRun: h.LastRun, LastSuccess: h.LastSuccess,
		RecentErrors: h.RecentErrors, Window: win.String(),
	}}
}

// explainMentions summarises ms (the family's mentions in the alert window).
func explainMentions(cfg *Config, a *Alert, ms []store.AlertMention) *Explanation {
	x := &Explanation{Mentions: len(ms)}
	terms, tags, srcs, accts, progs, places := counter{}, counter{}, counter{}, counter{}, counter{}, counter{}
	for i := range ms {
		m := &ms[i]
		seen := map[string]bool{}
		for _, tok := range tokens(m.Title + " " + m.Text) {
			if seen[tok] {
				continue
			}
			seen[tok] = true
			switch {
			case strings.HasPrefix(tok, "#"):
				tags.add(tok)
			case strings.HasPrefix(tok, "@"), stopwords.Is(tok), len([]rune(tok)) < 3:
			default:
				terms.add(tok)
			}
		}
		srcs.add(m.Source)
		accts.add(displayAuthor(m))
		for _, p := range m.Programs {
			progs.add(p)
		}
		for _, p := range m.Places {
			places.add(p)
		}
	}
	x.TopTerms, x.TopHashtags, x.TopSources = terms.top(8), tags.top(5), srcs.top(5)
	x.TopAccounts, x.TopPrograms, x.TopPlaces = accts.top(5), cfg.nameCounts(progs.top(3)), cfg.nameCounts(places.top(3))
	if a != nil && (a.Family == FamilyHostile || a.Family == FamilyThreat) {
		x.Kinds, x.Targets = hostileKinds(ms), namedTargets(cfg, ms)
	}
	x.Examples = examples(cfg, ms, 5)
	x.Buzzer = buzzer(cfg, ms)
	return x
}

func displayAuthor(m *store.AlertMention) string {
	h := m.AuthorHandle
	if h == "" {
		h = m.AuthorID
	}
	if h == "" {
		h = "(tanpa nama)"
	}
	if strings.HasPrefix(h, "warga-") {
		return h
	}
	return "@" + strings.TrimPrefix(h, "@")
}

type counter map[string]int

func (c counter) add(s string) {
	if s != "" {
		c[s]++
	}
}

func (c counter) top(n int) []Count {
	out := make([]Count, 0, len(c))
	for v, k := range c {
		out = append(out, Count{v, k})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Value < out[j].Value
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// examples picks up to n posts, most engaging first, one per author and
// per near-identical text, preferring posts with a link.
func examples(cfg *Config, ms []store.AlertMention, n int) []Example {
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	eng := func(m *store.AlertMention) int64 {
		e := m.Likes + 3*m.Shares + 2*m.Replies
		if m.URL != "" {
			e += 1 << 40
		}
		return e
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ea, eb := eng(&ms[idx[a]]), eng(&ms[idx[b]])
		if ea != eb {
			return ea > eb
		}
		return ms[idx[a]].ID < ms[idx[b]].ID
	})
	var out []Example
	authors := map[string]bool{}
	var hashes []uint64
	for _, i := range idx {
		m := &ms[i]
		au := displayAuthor(m)
		h := simhash(m.Text)
		dup := authors[au]
		for _, o := range hashes {
			if mention.HammingDistance(o, h) <= nearDup {
				dup = true
			}
		}
		if dup {
			continue
		}
		authors[au] = true
		hashes = append(hashes, h)
		ex := Example{
			ID: m.ID, Source: m.Source, Author: au, Kind: m.AuthorKind, Org: m.AuthorOrg,
			Text: shorten(firstNonEmpty(m.Text, m.Title), 280), URL: m.URL, PostedAt: m.PostedAt,
		}
		if m.Breach {
			ex.Name, ex.Level, ex.Unverified = m.AuthorName, m.AuthorLevel, m.Unverified
			for _, c := range m.Cues {
				ex.Cues = append(ex.Cues, cfg.cueText(c))
			}
		}
		out = append(out, ex)
		if len(out) == n {
			break
		}
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// buzzer finds groups of near-identical texts (SimHash over word
// shingles, Hamming distance ≤ nearDup) posted within cfg.BuzzerWindow by at
// least three accounts, and counts the mentions in them from low-follower
// or newly created accounts.
func buzzer(cfg *Config, ms []store.AlertMention) Buzzer {
	var b Buzzer
	if len(ms) == 0 {
		return b
	}
	n := len(ms)
	hs := make([]uint64, n)
	for i := range ms {
		hs[i] = simhash(ms[i].Text)
	}
	// union-find over pairs that are near-identical and close in time
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if mention.HammingDistance(hs[i], hs[j]) > nearDup {
				continue
			}
			d := ms[i].PostedAt.Sub(ms[j].PostedAt)
			if d < 0 {
				d = -d
			}
			if d <= cfg.BuzzerWindow {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int][]int{}
	for i := range ms {
		groups[find(i)] = append(groups[find(i)], i)
	}
	accounts := map[string]bool{}
	best := 0
	for _, g := range groups {
		authors := map[string]bool{}
		for _, i := range g {
			authors[displayAuthor(&ms[i])] = true
		}
		if len(authors) < 3 {
			continue
		}
		clusterBuzz := 0
		for _, i := range g {
			m := &ms[i]
			young := !m.AuthorCreatedAt.IsZero() && m.AuthorCreatedAt.Unix() > 0 && m.PostedAt.Sub(m.AuthorCreatedAt) < cfg.BuzzerMaxAge
			low := m.AuthorFollowers < cfg.BuzzerMaxFollowers && m.AuthorKind != "government" && m.AuthorKind != "media"
			if young || low {
				clusterBuzz++
				b.Mentions++
				accounts[displayAuthor(m)] = true
			}
		}
		if clusterBuzz > 0 {
			b.Clusters++
			if clusterBuzz > best {
				best = clusterBuzz
				b.Script = shorten(ms[g[0]].Text, 140)
			}
		}
	}
	b.Accounts = len(accounts)
	b.Share = float64(b.Mentions) / float64(n)
	return b
}

// nearDup is the largest SimHash Hamming distance of near-identical texts.
const nearDup = 5

// simhash is the SimHash (mention.SimHash) of the normalised text over
// word bigrams (single words for very short texts), without hashtags and
// mentions.
func simhash(text string) uint64 {
	toks := tokens(text)
	var words []string
	for _, t := range toks {
		// hashtags and mentions are what scripted posts vary: leave them out
		if !strings.HasPrefix(t, "@") && !strings.HasPrefix(t, "#") {
			words = append(words, t)
		}
	}
	var feats []string
	if len(words) < 3 {
		feats = words
	} else {
		for i := 0; i+1 < len(words); i++ {
			feats = append(feats, words[i]+" "+words[i+1])
		}
	}
	return mention.SimHash(feats)
}

// tokens lowercases text and splits it into words, #hashtags and
// @mentions; URLs are dropped; elongations (bangettt) are shortened to two
// letters.
func tokens(text string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ToLower(text)) {
		if strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") || strings.HasPrefix(f, "www.") {
			continue
		}
		prefix := ""
		if strings.HasPrefix(f, "#") || strings.HasPrefix(f, "@") {
			prefix = f[:1]
			f = f[1:]
		}
		var w strings.Builder
		flush := func() {
			if w.Len() > 0 {
				out = append(out, prefix+squeeze(w.String()))
				w.Reset()
			}
		}
		for _, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || (prefix != "" && (r == '_' || r == '.')) || r == '-' {
				w.WriteRune(r)
			} else {
				flush()
			}
		}
		flush()
	}
	return out
}

func squeeze(s string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range s {
		if r == last {
			run++
		} else {
			run = 1
		}
		last = r
		if run <= 2 {
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), "-")
}

// grafanaURL links to the dashboard of family, filtered to scope, over
// [from, to).
func (e *Engine) grafanaURL(family, scope string, from, to time.Time) string {
	uid := e.cfg.Grafana.Dashboards[family]
	if uid == "" || e.cfg.Grafana.URL == "" {
		return ""
	}
	q := url.Values{}
	q.Set("from", fmt.Sprint(from.UnixMilli()))
	q.Set("to", fmt.Sprint(to.UnixMilli()))
	switch {
	case strings.HasPrefix(scope, store.ScopeProgramPrefix):
		q.Set("var-program", strings.TrimPrefix(scope, store.ScopeProgramPrefix))
	case strings.HasPrefix(scope, store.ScopePlacePrefix):
		q.Set("var-place", strings.TrimPrefix(scope, store.ScopePlacePrefix))
	}
	return strings.TrimRight(e.cfg.Grafana.URL, "/") + "/d/" + uid + "?" + q.Encode()
}

// Kinds of hostility as the alerts name them (mention.LabelNames).
const (
	kindAbusive = "kasar"
	kindHate    = "ujaran kebencian"
	kindThreat  = "ancaman"
)

// hostileKinds counts ms by kind: a threat is counted as a threat, the
// others by their label.
func hostileKinds(ms []store.AlertMention) []Count {
	c := counter{}
	for i := range ms {
		switch m := &ms[i]; {
		case m.Threat:
			c.add(kindThreat)
		case m.Hostility == mention.HostilityHate:
			c.add(kindHate)
		case m.Hostility == mention.HostilityAbusive:
			c.add(kindAbusive)
		}
	}
	return c.top(3)
}

// namedTargets counts the people and offices the hostile posts of ms name
// when they attack a person or an institution: the catalog's institutions
// and political actors, and registered @accounts (government, media) named
// in the text. Groups are not named targets.
func namedTargets(cfg *Config, ms []store.AlertMention) []Count {
	c := counter{}
	for i := range ms {
		for _, t := range targetsOf(cfg, &ms[i]) {
			c.add(t)
		}
	}
	return c.top(5)
}

// targetsOf names the person or office m attacks, if it names one.
func targetsOf(cfg *Config, m *store.AlertMention) []string {
	if m.HostilityTarget == "group" {
		return nil
	}
	var out []string
	for _, id := range append(append([]string(nil), m.Institutions...), m.Actors...) {
		out = append(out, cfg.name(id))
	}
	for _, tok := range tokens(m.Text) {
		if h, ok := strings.CutPrefix(tok, "@"); ok && h != "" && !strings.HasPrefix(h, "warga-") {
			out = append(out, "@"+h) // citizens' handles are pseudonyms: only public accounts are named
		}
	}
	return out
}

// name is the display name of a catalog id (the part before " ("), or
// the id.
func (c *Config) name(id string) string {
	n := c.Names[id]
	if n == "" {
		return id
	}
	if i := strings.Index(n, " ("); i > 0 {
		n = n[:i]
	}
	return n
}

func (c *Config) nameCounts(cs []Count) []Count {
	for i := range cs {
		cs[i].Value = c.name(cs[i].Value)
	}
	return cs
}

// cueText renders a politics cue (mention.Cue) in Indonesian: the rule's
// label, the words of the post and the side, by its catalog name.
func (c *Config) cueText(s string) string {
	cue, err := mention.ParseCue(s)
	if err != nil {
		return s
	}
	label := mention.CueRules[cue.Rule]
	if label == "" {
		label = cue.Rule
	}
	out := label + ": “" + cue.Text + "”"
	if cue.Actor != "" {
		out += " → " + c.actorName(cue.Actor)
	}
	return out
}

// actorName names a cue's actor: its catalog name, "nomor urut N" for a
// ballot number of no known race, or the name of a party or candidate
// missing from the catalog.
func (c *Config) actorName(id string) string {
	switch {
	case strings.HasPrefix(id, "ballot-"):
		return "nomor urut " + strings.TrimPrefix(id, "ballot-")
	case strings.HasPrefix(id, "unlisted:"):
		return strings.ReplaceAll(strings.TrimPrefix(id, "unlisted:"), "-", " ") + " (tidak ada di katalog)"
	}
	return c.name(id)
}
