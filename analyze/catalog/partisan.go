package catalog

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/analyze/watch"
	"github.com/dengar-id/dengar/mention"
)

// Partisanship fills a mention's Politics: whether it is about elections
// (political), whether it takes a side (partisan), the stance, the actors
// and the cues that decided.
//
// It is a rule system over the catalog's actors, its election calendar and
// a cue lexicon. A side is taken when:
//   - a support or opposition cue (coblos, menangkan, dukung, "jangan
//     pilih", a campaign hashtag, a party's slogan) is bound to a target — a
//     party, candidate, pair or ballot number, listed in the catalog or not
//     ("Partai Harapan Nusantara", "cawali Budi") — within a few words, not
//     negated or prohibited ("ASN dilarang mendukung ..."), and not aimed at
//     a program or policy in between;
//   - people are mobilised (transport, a gathering point, attendance) to a
//     campaign event or to an event of a party or candidate;
//   - a party is greeted (anniversary, festive day), or a candidate with a
//     wish of victory;
//   - a party's aid or service is framed as the party being there for the
//     people;
//   - campaign attributes are handed out or worn, or people are recruited.
//
// Weak cues (mendukung, hebat, menang, insults) count only in an election
// context that is not news reporting or a neutrality/civic-voting message.
// Naming an office holder (the president, the mayor) is not political by
// itself. The calendar decides when ballot numbers and finger poses are
// read: on a post's date they belong to the races open then, and a finger
// pose with no race open and no election words is not a cue. An undated
// post (zero PostedAt) is read without the calendar.
type Partisanship struct{ ix *Index }

// NewPartisanship returns the partisanship tagger of ix.
func NewPartisanship(ix *Index) *Partisanship { return &Partisanship{ix: ix} }

// Name implements analyze.Tagger.
func (*Partisanship) Name() string { return "partisanship" }

// Tag implements analyze.Tagger.
func (t *Partisanship) Tag(m *mention.Mention, d *normalize.Doc) {
	st := t.ix.scan(d, m.PostedAt)
	st.media, st.kind = m.Author.Kind == mention.KindMedia, m.Author.Kind
	m.Politics = t.ix.decide(st)
	st.release()
	countPolitics(m.Politics)
}

var (
	politicsPartisan  = politicsTotal.WithLabelValues("partisan")
	politicsPolitical = politicsTotal.WithLabelValues("political")
	politicsNone      = politicsTotal.WithLabelValues("none")
)

func countPolitics(p *mention.Politics) {
	switch {
	case p.Partisan:
		politicsPartisan.Inc()
	case p.Political:
		politicsPolitical.Inc()
	default:
		politicsNone.Inc()
	}
}

const (
	window     = 5 // words between a cue and its target
	negWindow  = 0 // words between a negator and the cue it negates
	handNegWin = 4
	promoWin   = 8  // words between a party and its promotional framing
	quietWin   = 25 // words between a quiet act and the party or candidate it favours
	// quietMaxWords bounds the posts the quiet rules read: social-media
	// posts and announcements, not articles (keep it in step with the
	// blocked message in quietRules).
	quietMaxWords = 200
	maxCues       = 8
)

type pspan struct {
	class, name string
	start, end  int
}

type ptarget struct {
	actor    string // resolved actor id (or ballot-N, or unlisted:...)
	start    int
	end      int
	num      bool
	explicit bool // an explicit ballot number ("nomor urut 2")
	official bool // preceded by an office title (Presiden Prabowo)
	office   bool // the actor holds office and runs in no race open on the day
	generic  bool // a party or candidate missing from the catalog
	party    bool // a party (listed or not)
	honor    bool // only an honorific and a name ("Bu Ratna Dewi"): a target of calls only
}

// pcue is one cue of the decision: decisive (in pstate.cues) or, when
// explaining, one that did not count (in pstate.blocked, with why).
type pcue struct {
	rule         string
	start, end   int
	tstart, tend int // the target's words, or -1
	actor        string
	why          string
	text         string // the words, when not positions (an emoji)
}

type pstate struct {
	spans        []pspan
	targets      []ptarget
	log          []sideEvent // every support or opposition decision
	cues         []pcue
	blocked      []pcue
	explain      bool
	doc          *normalize.Doc
	words        []watch.Word
	day          Date
	media        bool           // the author is a news outlet: its advocacy is an opinion piece
	season       bool           // no side found, and the post is in an election's season (set by decide)
	seasonAlways bool           // set season even when a side is found (experiments)
	kind         string         // the author's kind, read by the partisan model
	mvec         model.TFIDFVec // the partisan model's scratch vector
	modelRead    modelReading   // what the partisan model said, for explain
	hy           hay            // doc.Raw, its words spelled out, and its folded copy, made on first use
	spell        []spelling     // the words hy spelled out
	hyOK         bool
}

// hay is the post's raw text with its case-folded copy, folded once for
// every gated regexp.
func (st *pstate) hay() *hay {
	if !st.hyOK {
		st.spell = st.spell[:0]
		st.hy.reset(spelled(st.doc, &st.spell)) // short and misspelled words spelled out (spell.go)
		st.hyOK = true
	}
	return &st.hy
}

type sideEvent struct {
	actor   string
	support bool
}

var pstatePool = sync.Pool{New: func() any { return &pstate{} }}

func (st *pstate) add(label string, s, e int) {
	i := strings.IndexByte(label, '|')
	st.spans = append(st.spans, pspan{class: label[:i], name: label[i+1:], start: s, end: e})
}

func (st *pstate) release() {
	st.spans, st.targets, st.log = st.spans[:0], st.targets[:0], st.log[:0]
	st.cues, st.blocked, st.words = st.cues[:0], st.blocked[:0], st.words[:0]
	st.explain, st.doc, st.day, st.media, st.season, st.seasonAlways = false, nil, Date{}, false, false, false
	st.kind, st.modelRead = "", modelReading{}
	st.hyOK = false // hy keeps its pair sets for the next post
	pstatePool.Put(st)
}

// wordsOf returns the post's words as written (computed once, when needed).
func (st *pstate) wordsOf() []watch.Word {
	if len(st.words) == 0 && st.doc != nil {
		st.words = watch.AppendWords(st.words, st.doc)
	}
	return st.words
}

// Politics decides the politics tags of a normalised, undated document.
func (ix *Index) Politics(d *normalize.Doc) *mention.Politics {
	return ix.PoliticsAt(d, time.Time{})
}

// PoliticsAt decides the politics tags of a normalised document posted at
// t (the zero time: undated, read without the election calendar).
func (ix *Index) PoliticsAt(d *normalize.Doc, t time.Time) *mention.Politics {
	st := ix.scan(d, t)
	defer st.release()
	return ix.decide(st)
}

// scan collects the political spans of d.
func (ix *Index) scan(d *normalize.Doc, t time.Time) *pstate {
	st := pstatePool.Get().(*pstate)
	st.doc, st.day = d, DateOf(t)
	ix.m.Scan(d, watch.Fields{}, nil, func(lex int, label string, s, e int) {
		if lex == lexPolitics {
			st.add(label, s, e)
		}
	})
	return st
}

// addStemSpans gives the affixed words of a political post the class of
// their root (stemCues) where no phrase covers them, keeping the spans in
// text order. Posts that name no party, candidate, number or campaign
// event are left alone: the stem classes need one to fire.
func (st *pstate) addStemSpans() {
	political := false
	for i := range st.spans {
		switch st.spans[i].class {
		case cActor, cTag, cRole, cParty, cNumX, cEvent, cHonor:
			political = true
		}
	}
	if !political || st.doc == nil {
		return
	}
	// Gate: a word's stem is its token's, so without a token whose stem is
	// a cue there is nothing to add (and no need to read the words).
	cue := false
	for i := range st.doc.Tokens {
		if stem := st.doc.Tokens[i].Stem; stem != "" {
			if _, ok := stemCues[stem]; ok {
				cue = true
				break
			}
		}
	}
	if !cue {
		return
	}
	n := len(st.spans)
	covered := func(pos int) bool {
		for i := 0; i < n; i++ {
			if st.spans[i].start <= pos && pos <= st.spans[i].end {
				return true
			}
		}
		return false
	}
	for pos, w := range st.wordsOf() {
		if w.Stem == "" || w.Stem == w.Text || stemStop[w.Text] {
			continue
		}
		if class, ok := stemCues[w.Stem]; ok && !covered(pos) {
			st.spans = append(st.spans, pspan{class: class, name: w.Stem, start: pos, end: pos})
		}
	}
	if len(st.spans) > n {
		slices.SortStableFunc(st.spans, func(a, b pspan) int { return a.start - b.start })
	}
}

// pctx is what the whole post says about its context.
type pctx struct {
	elec      bool // an election context: election words, pairs, ballot numbers
	elecText  bool // election words other than finger poses
	news      bool // a reporting frame
	hardNews  bool // a frame only reports use: quotes, KPU/Bawaslu, surveys, a dateline "(9/8)"
	quote     bool // reported speech (kata, ujar, menurut): a report, not the account's voice
	neutral   bool // a neutrality or civic-voting message
	uncivic   bool // a neutral cue other than a civic exhortation (netral, masih galau, dilarang ...)
	undecided bool // the author has not chosen ("masih bingung", "pilih yang mana")
	political bool
	invite    bool     // an invitation or instruction
	asks      bool     // every sentence is a question asking to be told ("kenapa …? gimana?")
	races     []string // races the post names
}

// decide turns the political spans of a text into Politics tags.
func (ix *Index) decide(st *pstate) *mention.Politics {
	st.addStemSpans()
	ix.dropStrayAcronyms(st)
	ix.addHandleActors(st)
	day := st.day
	var c pctx
	if st.doc != nil && strings.Contains(st.doc.Raw, "/") && strings.Contains(st.doc.Raw, "(") && datelineRe.MatchString(st.doc.Raw) {
		// "Minggu (3/11)": a newspaper's dateline.
		c.news, c.hardNews = true, true
	}
	addRace := func(r string) {
		if !slices.Contains(c.races, r) {
			c.races = append(c.races, r)
		}
	}
	var actors []string
	addActor := func(id string) {
		if id != "" && !slices.Contains(actors, id) {
			actors = append(actors, id)
		}
	}
	for i := range st.spans {
		sp := &st.spans[i]
		switch sp.class {
		case cActor, cTag:
			a := ix.actors[sp.name]
			if a == nil {
				continue
			}
			office := a.Office && !ix.live(a, day)
			if !office || sp.class == cTag {
				c.political = true
				for _, r := range a.races() {
					if day.IsZero() || ix.elections[r].Open(day) {
						addRace(r)
					}
				}
			}
			if a.Kind == "pair" || a.Kind == "option" {
				c.elec, c.elecText = true, true // pairs and ballot options exist only in an election
			}
			official := i > 0 && st.spans[i-1].class == cOffice && st.spans[i-1].end >= sp.start-1
			st.targets = append(st.targets, ptarget{actor: a.ID, start: sp.start, end: sp.end,
				official: official && office, office: office, party: a.Kind == "party"})
			addActor(a.ID)
		case cSlogan:
			c.political = true
		case cNum, cNumX:
			st.targets = append(st.targets, ptarget{actor: sp.name, start: sp.start, end: sp.end, num: true, explicit: sp.class == cNumX})
			if sp.class == cNumX {
				c.elec, c.elecText = true, true
			}
		case cSup:
			// A call for another term is a call for an election.
			if strings.Contains(sp.name, "periode") || strings.HasPrefix(sp.name, "20") {
				c.elec, c.elecText = true, true
			}
		case cSupW:
			// Winning seats ("masuk DPRD", "lolos parlemen") is an election.
			// Only votes or seats win them: "aspirasi harus masuk DPRD" is a petition.
			if strings.Contains(sp.name, "dprd") || strings.Contains(sp.name, "parlemen") || strings.Contains(sp.name, "senayan") {
				ws := st.wordsOf()
				for k := sp.start - 1; k >= 0 && k >= sp.start-3; k-- {
					c.elec = c.elec || seatWords[wordAt(ws, k)]
				}
			}
		case cElec, cAgainst, cOppX:
			// "kampanye" alone is also a health or safety campaign: an
			// election context for weak words, but not election words.
			c.elec = true
			c.elecText = c.elecText || sp.name != "kampanye"
		case cRole:
			c.elec, c.elecText = true, true
		case cWish:
			// "sukses di pilkada", "menang pemilu": the wish holds the race
			// word; "semoga amanahnya terus berlanjut" wishes another term.
			if raceWordIn(sp.name) || continuationWish[sp.name] {
				c.elec, c.elecText = true, true
			}
		case cRace:
			c.elec, c.elecText = true, true
			for _, r := range ix.racesOfKind(sp.name, day) {
				addRace(r)
			}
		case cRaceY:
			c.elec, c.elecText = true, true
			for _, r := range ix.racesOfYear(sp.name) {
				addRace(r)
			}
		case cNews:
			if w := wordAt(st.wordsOf(), sp.start-1); sp.name == "kata" && wordsNotSaid[w] {
				// "Satu kata untuk Pilgub: …" says it, it quotes no one;
				// "bukan cuma kata" is words against deeds.
				continue
			}
			if sp.name == "katanya" && mockedClaim(st) {
				// "katanya banjir beres … jgn mau dibodohi dua kali": a
				// claim mocked, no one quoted (round 28's frame reads it).
				continue
			}
			c.news = true
			c.quote = c.quote || quoteWords[sp.name]
			c.hardNews = c.hardNews || quoteWords[sp.name] || hardNewsWords[sp.name]
		case cNeutral:
			c.neutral = true
			c.uncivic = c.uncivic || !civicCues[sp.name]
			c.undecided = c.undecided || undecidedCues[sp.name]
		case cInvite:
			c.invite = true
		}
	}
	c.asks = st.doc != nil && strings.Contains(st.doc.Raw, "?") && asksOnly(st.hay())
	// A general-election year next to an actor or a call ("2029 tetap
	// Gerindra", "Prabowo 2029") is an election context.
	for i := range st.spans {
		if st.spans[i].class == cYear && yearContext(st.spans, i) {
			c.elec, c.elecText = true, true
		}
	}
	// Parties and candidates missing from the catalog, once the listed ones
	// are known; a party's colour stands for the party the post names
	// ("PDIP ... aku tetap merah").
	nListed := len(st.targets)
	for i := range st.spans {
		sp := &st.spans[i]
		var tg ptarget
		ok := false
		switch sp.class {
		case cRole:
			tg, ok = ix.genericCandidate(st, sp)
		case cParty:
			tg, ok = ix.genericParty(st, sp)
		case cHonor:
			// "siap memenangkan Bu Ratna Dewi di Pilgub 2029": a name in an
			// election context.
			// A community's own election ("Pemilihan Ketua RT 03 ... pilih
			// Pak Sabran untuk periode kedua") names no candidate.
			if c.elecText && !(st.doc != nil && reCommunityPost.MatchString(st.hay())) {
				tg, ok = ix.honoredName(st, sp)
			}
		case cSymbol:
			// "coblos banteng", "partai bergambar mawar", or the symbol
			// beside the party's name.
			named := slices.ContainsFunc(st.targets[:nListed], func(t ptarget) bool { return t.actor == sp.name })
			if named || symbolTaken(st, sp, c.elecText || yearIn(st.spans)) {
				tg, ok = ptarget{actor: sp.name, start: sp.start, end: sp.end, party: true}, true
			}
		case cColour:
			for j := 0; j < nListed && !ok; j++ {
				if a := ix.actors[st.targets[j].actor]; st.targets[j].party && a != nil && slices.Contains(a.Colours, sp.name) {
					tg, ok = ptarget{actor: a.ID, start: sp.start, end: sp.end, party: true}, true
				}
			}
		}
		if ok {
			st.targets = append(st.targets, tg)
			c.political = true
		}
	}
	// Ballot numbers resolve against the races the post names; an explicit
	// one ("nomor urut 2") also against the races open on the day. A bare
	// "01" is too often something else ("RT 01") to take from the calendar.
	for i := range st.targets {
		tg := &st.targets[i]
		if tg.num {
			d := day
			if !tg.explicit {
				d = Date{}
			}
			tg.actor = ix.resolveNumber(tg.actor, c.races, d, false)
		}
	}
	// A finger pose is an election context only when it is read as a cue.
	for i := range st.spans {
		if st.spans[i].class == cHand {
			if _, ok, _ := ix.handActor(st.spans[i].name, &c, day); ok {
				c.elec = true
			}
		}
	}

	var support, oppose []string
	side := func(to *[]string, id string) {
		st.log = append(st.log, sideEvent{actor: id, support: to == &support})
		if a := ix.actors[id]; a != nil && len(a.Opposes) > 0 && to == &support {
			// Support for the empty box opposes the single pair.
			for _, o := range a.Opposes {
				if !slices.Contains(oppose, o) {
					oppose = append(oppose, o)
				}
				addActor(o)
			}
			addActor(id)
			return
		}
		if !slices.Contains(*to, id) {
			*to = append(*to, id)
		}
		addActor(id)
	}
	decisive := func(rule string, sp *pspan, tg *ptarget, actor string) {
		cu := pcue{rule: rule, start: sp.start, end: sp.end, tstart: -1, tend: -1, actor: actor}
		if tg != nil {
			cu.tstart, cu.tend = tg.start, tg.end
		}
		if len(st.cues) < maxCues && !slices.ContainsFunc(st.cues, func(o pcue) bool { return o.rule == cu.rule && o.actor == cu.actor }) {
			st.cues = append(st.cues, cu)
		}
	}
	blocked := func(rule string, sp *pspan, why string) {
		if st.explain {
			st.blocked = append(st.blocked, pcue{rule: rule, start: sp.start, end: sp.end, tstart: -1, tend: -1, why: why})
		}
	}
	for i := range st.spans {
		sp := &st.spans[i]
		switch sp.class {
		case cTag:
			if ix.negated(st.spans, i, negWindow) {
				blocked("campaign-hashtag", sp, "negated")
				continue
			}
			side(&support, sp.name)
			decisive("campaign-hashtag", sp, nil, sp.name)
		case cSlogan:
			a := ix.actors[sp.name]
			switch {
			case ix.negated(st.spans, i, negWindow):
				blocked("slogan", sp, "negated")
			case c.neutral && !signOffSlogan(st, sp):
				blocked("slogan", sp, "neutrality message")
			case st.media && st.doc != nil && !reOpinionHead.MatchString(st.hay()):
				// "Apakah pilpres bisa satu putaran? Pengamat menilai
				// sulit": an outlet names the slogan; only its opinion
				// pieces speak in their own voice.
				blocked("slogan", sp, "a news outlet's report")
			case !c.elecText && st.doc != nil && reMusic.MatchString(st.hay()):
				// "Band pelajar SMAN 1 juara festival, salam metal! 🤘": a
				// contest's or a concert's cheer.
				blocked("slogan", sp, "a team's, contest's or concert's cheer")
			case reportedSpeech(st, sp):
				// "Dalam pidatonya, Gibran meminta relawan 'menangkan …
				// satu putaran'": a candidate's slogan quoted.
				blocked("slogan", sp, "a candidate's call quoted")
			case c.news && (c.hardNews || st.media || c.quote || !st.endsPost(sp.end) && !twoSlogans(st, sp) || sp.start == 0):
				// A soft report word ("Jadwal posyandu …") does not make a
				// slogan signing the post off ("… Salam perubahan! 🟢") a
				// report: the account says it in its own voice.
				// Two of one side's slogans in the account's own words
				// ("tutup dgn salam metal 🤘 biar sat-set tas-tes") are
				// no report of a rally.
				blocked("slogan", sp, "reporting")
			case a.Kind != "party" && !day.IsZero() && !ix.live(a, day):
				// A pair's slogan outlives its race as a phrase.
				blocked("slogan", sp, "the slogan's race is not open on "+day.String())
			default:
				side(&support, sp.name)
				decisive("slogan", sp, nil, sp.name)
			}
		case cHand:
			actor, ok, why := ix.handActor(sp.name, &c, day)
			switch {
			case !ok:
				blocked("hand-sign", sp, why)
			case measureWords[wordAt(st.wordsOf(), sp.start-1)]:
				// "sebesar 2 jari" in a recipe measures, it poses nothing.
				blocked("hand-sign", sp, "a measure, not a pose")
			case st.doc != nil && fr28CountSpelled.MatchString(st.hay()) && !ix.namesSide(st, actor):
				// "Ingat 2 jari ✌️: 2 kali sehari sikat gigi": the fingers
				// count what the post spells out, a health tip's or a
				// checklist's.
				blocked("hand-sign", sp, "a count the post spells out, with no side named")
			case describedPose(st.wordsOf(), sp) && !ix.namesSide(st, actor):
				// "mengacungkan dua jari" is a description: a pose only
				// beside the side it shows ("... bareng Pak Seno Aji").
				blocked("hand-sign", sp, "a pose described, with no side named")
			case ix.negated(st.spans, i, handNegWin):
				blocked("hand-sign", sp, "negated or prohibited")
			case c.neutral:
				blocked("hand-sign", sp, "neutrality message")
			case st.media && c.hardNews:
				// "Bawaslu memanggil seorang lurah terkait unggahan foto
				// pose dua jari": an outlet reports the pose it describes.
				blocked("hand-sign", sp, "a news outlet reporting a pose")
			case st.doc != nil && (reCommunityPost.MatchString(st.hay()) || reCommunityRole.MatchString(st.hay()) && reCommunityVote.MatchString(st.hay())) && !ix.namesSide(st, actor):
				// "Ketua terpilih calon nomor urut 3 … Salam tiga jari utk
				// koperasi": a community's own vote, its own number.
				blocked("hand-sign", sp, "a community's own election, with no side named")
			case !c.elecText && st.doc != nil && reSport.MatchString(st.hay()) && !ix.namesSide(st, actor) && !reWinkPose.MatchString(st.hay()) && !reOurPickNumber.MatchString(st.hay()):
				// "tim sepak bola juara 1! Salam dua jari": a team's photo.
				blocked("hand-sign", sp, "a team's photo (sport words), with no side named")
			case st.doc != nil && reInkFinger.MatchString(st.hay()) && !ix.namesSide(st, actor):
				// "selfie abis nyoblos ☝️ jari ungu": the finger dipped in
				// the polling station's ink, shown by every voter.
				blocked("hand-sign", sp, "the voter's inked finger, with no side named")
			case st.doc != nil && rePoseReported.MatchString(st.hay()):
				// "Lapor Bawaslu, akun kelurahan sebelah posting foto
				// pegawainya pose 2 jari": someone else's pose reported.
				blocked("hand-sign", sp, "a pose reported to the election supervisor")
			default:
				side(&support, actor)
				decisive("hand-sign", sp, nil, actor)
			}
		case cAgainst:
			// The four-finger sign was a 2024 sign against pair 02.
			e := ix.elections["pilpres-2024"]
			switch {
			case e != nil && !day.IsZero() && !e.Open(day) && !c.elecText:
				blocked("hand-sign", sp, "no race open on "+day.String())
			case ix.negated(st.spans, i, handNegWin):
				blocked("hand-sign", sp, "negated or prohibited")
			case c.neutral:
				blocked("hand-sign", sp, "neutrality message")
			default:
				actor := ix.resolveNumber("2", []string{"pilpres-2024"}, Date{}, true)
				side(&oppose, actor)
				decisive("hand-sign", sp, nil, actor)
			}
		case cOppX:
			if ix.negated(st.spans, i, negWindow) {
				blocked("oppose-slogan", sp, "negated")
				continue
			}
			decisive("oppose-slogan", sp, nil, "")
			oppose = append(oppose, "")
		case cSup, cSupW, cOpp, cOppW:
			isSup := sp.class == cSup || sp.class == cSupW
			strong := sp.class == cSup || sp.class == cOpp
			rule := callRule(isSup, strong)
			if ix.negated(st.spans, i, negWindow) {
				blocked(rule, sp, "negated")
				continue
			}
			if c.asks {
				// "Kenapa cuma satu paslon lawan kotak kosong? … kalau kotak
				// kosong yang menang gimana?": asked, not called.
				blocked(rule, sp, "a question, not a call")
				continue
			}
			tg := ix.target(st, sp, strong)
			if tg != nil && needWords[sp.name] && tg.start != sp.end+1 {
				// "Kaltim butuh Rudy-Seno": the side right after the need;
				// "butuh bantuan Rudy-Seno" asks for help.
				tg = nil
			}
			if tg == nil && strong {
				tg = ix.soleTarget(st, i)
			}
			if tg == nil && strong && isSup && sideObjects[wordAt(st.wordsOf(), sp.end+1)] {
				// "coblos fotonya": the photo on the ballot of the one side
				// the post names.
				tg = ix.onlySide(st)
			}
			if tg == nil {
				blocked(rule, sp, "no party, candidate or number nearby")
				continue
			}
			if tg.start < sp.start && supposeWords[wordAt(st.wordsOf(), tg.start-1)] && st.doc != nil && strings.Contains(st.doc.Raw, "?") {
				// "Baru tau kalau kolom kosong menang, pilkada diulang. Ada
				// yg bisa jelasin?": a rule supposed and asked about.
				blocked(rule, sp, "a supposition asked about, not a call")
				continue
			}
			if !strong && tg.party && listedActors(st) >= 3 {
				// "… perwakilan parpol (PDIP, Golkar, Gerindra, PKS …).
				// Bersama jaga Pilkada aman": every party alike.
				blocked(rule, sp, "a list of parties alike")
				continue
			}
			if sp.name == "lawan" && ix.isOption(tg.actor) && tg.start == sp.end+1 && versusBefore[wordAt(st.wordsOf(), sp.start-1)] {
				// "calonnya cuma satu lawan kotak kosong": the ballot's
				// make-up, a pair versus the empty box ("lawan dengan kotak
				// kosong" is a call).
				blocked(rule, sp, "a race against the empty box described")
				continue
			}
			if ix.isOption(tg.actor) && st.media && c.hardNews {
				// "KPU … memastikan tahapan tetap berjalan dengan kotak
				// kosong sebagai lawan": the ballot's make-up reported.
				blocked(rule, sp, "the empty box's place on the ballot reported")
				continue
			}
			if reportedSpeech(st, sp) {
				// "Dalam orasinya, Rudy Mas'ud minta pendukung 'coblos
				// nomor 2'": a candidate's call quoted, not the author's.
				blocked(rule, sp, "a candidate's call quoted")
				continue
			}
			if (strings.HasPrefix(tg.actor, "ballot-") || tg.generic) && st.doc != nil && communityBallot(st) {
				// "calon no 2 menang tipis" in a karang taruna's vote, a
				// team's number: no ballot of a public race.
				blocked(rule, sp, "a community election or a team's number")
				continue
			}
			if st.media && c.news && st.doc != nil && !reOpinionHead.MatchString(st.hay()) {
				// "TKD Prabowo–Gibran Kaltim optimistis menang satu putaran
				// … klaim sekretaris TKD": an outlet reports a side's claim.
				blocked(rule, sp, "a news outlet reporting a side's call or claim")
				continue
			}
			if partyChoice(st, sp) {
				// "PDI-P pilih Isran-Hadi": a party's nomination reported.
				blocked(rule, sp, "a party's choice reported")
				continue
			}
			if c.undecided && sp.name == "pilih" && !ix.firstPerson(st.spans, i) {
				// "Masih bingung pilih Isran atau Rudy": a choice not made.
				blocked(rule, sp, "the author has not chosen")
				continue
			}
			first := ix.firstPerson(st.spans, i)
			// The calendar makes a campaign an election context, except for
			// the weakest words ("bersama", "tetap"), which need one in the text.
			elec := c.elec || (ix.campaigning(tg.actor, day) && !veryWeak[sp.name])
			ok := false
			switch {
			case tg.generic && !strong:
			case tg.official:
				// Named with their title (Presiden Prabowo): only an
				// election context makes support or attacks partisan.
				ok = elec && !c.news && !c.neutral && (strong || first)
			case tg.office && !strong:
				ok = elec && !c.news && !c.neutral
			case strong:
				ok = true
			case sp.class == cSupW:
				// A first-person preference beside a civic phrase is still
				// one ("jangan golput, aku sih tetap Isran-Hadi").
				ok = !c.neutral && (elec && !c.news || first && (ix.electoral(tg) || tg.party)) ||
					c.neutral && !c.uncivic && first && !c.news && (ix.electoral(tg) || tg.party)
			case sp.class == cOppW:
				ok = !c.neutral && (elec && !c.news || first && (ix.electoral(tg) || tg.party))
			}
			if !ok {
				blocked(rule, sp, "weak cue outside an election context, or in news or a neutrality message")
				continue
			}
			if resultWords[sp.name] && !day.IsZero() && !ix.beforeVote(tg.actor, day) && !futureYear(st.spans, day) {
				blocked(rule, sp, "a result after the vote, not a call")
				continue
			}
			if isSup && ix.excepted(st.spans, sp, tg) {
				// "pilih yang bukan dari Golkar": a call away from the target.
				rule = "oppose-call"
				side(&oppose, tg.actor)
			} else if isSup {
				side(&support, tg.actor)
			} else {
				side(&oppose, tg.actor)
			}
			decisive(rule, sp, tg, tg.actor)
		}
	}
	// "Pilpres nanti jangan lupa nomor 2 ya", "Pemilu nanti ingat nomor 3":
	// a reminder of a ballot number with election words in the post, in a
	// notice too ("Jadwal ..."); without them, "ingat 02 ya 😉" while a
	// pair race with that number is open.
	remindOK := func(tg *ptarget) (string, bool) {
		if c.elecText {
			return tg.actor, true
		}
		n, bare := strings.CutPrefix(tg.actor, "ballot-")
		if !bare || day.IsZero() || !tg.num || !codedNumber(st, tg) {
			return "", false
		}
		actor := ix.resolveNumber(n, nil, day, true)
		return actor, !strings.HasPrefix(actor, "ballot-")
	}
	if !c.hardNews && !c.quote && !c.neutral {
		for i := range st.spans {
			sp := &st.spans[i]
			if !(sp.class == cAbsorb && sp.name == "jangan lupa" || sp.class == cSupW && sp.name == "ingat") || ix.negated(st.spans, i, negWindow) ||
				slices.ContainsFunc(st.cues, func(o pcue) bool { return o.start == sp.start && o.end == sp.end }) {
				continue // negated, or already read as a call
			}
			if tg := ix.numberAfter(st, sp); tg != nil {
				if actor, ok := remindOK(tg); ok {
					side(&support, actor)
					decisive("support-call", sp, tg, actor)
				}
			}
		}
		for i := range st.targets {
			if tg := &st.targets[i]; elidedChoice(st, tg) && !slices.ContainsFunc(st.cues, func(o pcue) bool { return o.tstart == tg.start }) {
				// "Pilkada nanti, yang nomor 2 aja ya": the choice without its verb.
				if actor, ok := remindOK(tg); ok {
					side(&support, actor)
					decisive("support-call", &pspan{start: tg.start - 1, end: tg.end + 1}, nil, actor)
				}
			}
		}
	}
	// "Aku sih 01": a first-person word right before a ballot number of a
	// race in context declares a side, beside a civic phrase too.
	if !c.hardNews && !c.quote && (!c.neutral || !c.uncivic) {
		for i := range st.targets {
			tg := &st.targets[i]
			if !tg.num {
				continue
			}
			actor := ""
			if !c.news {
				actor = ix.declared(st, tg, &c, day)
			}
			if actor == "" {
				// "besok fix 02, no debat": the eve of the vote, where a
				// softer news word ("debat") is the author's own.
				actor = ix.eveNumber(st, tg, day)
			}
			if actor != "" {
				side(&support, actor)
				decisive("support-call", &pspan{start: tg.start, end: tg.end}, nil, actor)
			}
		}
	}
	if !day.IsZero() && !c.neutral && !c.news {
		// A finger emoji (✌️ ☝️ 🤟), while a race with that number is open,
		// next to a call that found its side, or beside the name of the side
		// it shows ("✌️ Rudy Seno"). Alone or with a call at nobody ("juara
		// lomba ✌️") it is a photo pose.
		// The emoji first: most posts have none, and the checks below cost more.
		hands := handEmoji(st.doc)
		called := false
		if len(hands) > 0 {
			called = hasStrongCall(st.spans) || hasCall(st.spans) && len(support) > 0
			if st.doc != nil && !ix.namesSideAny(st) && (reSport.MatchString(st.hay()) || reCivicCall.MatchString(st.hay()) || reInkFinger.MatchString(st.hay()) || fr28CountSpelled.MatchString(st.hay())) {
				// "juara voli, menang satu putaran ✌️": a team's win; "abis
				// nyoblos ☝️ jari ungu": the voter's inked finger; "2 kali
				// seminggu makan ikan ✌️": a health tip's count.
				called = false
			}
		}
		for _, h := range hands {
			actor, ok, _ := ix.handActor(h.n, &pctx{races: c.races}, day)
			if ok && (called || ix.namesSide(st, actor)) {
				side(&support, actor)
				if len(st.cues) < maxCues {
					st.cues = append(st.cues, pcue{rule: "hand-sign", tstart: -1, tend: -1, actor: actor, text: h.raw})
				}
			}
		}
	}
	// A hashtag that joins an actor to a year or a call ("#PrabowoLagi2029",
	// "#Gerindra2029Menang") campaigns even when its form is not listed.
	for _, h := range ix.hashtagCalls(st) {
		side(&support, h.actor)
		if len(st.cues) < maxCues && !slices.ContainsFunc(st.cues, func(o pcue) bool { return o.rule == "campaign-hashtag" && o.actor == h.actor }) {
			st.cues = append(st.cues, pcue{rule: "campaign-hashtag", tstart: -1, tend: -1, actor: h.actor, text: h.raw})
		}
	}
	if !c.neutral && !c.hardNews && !c.quote {
		// "coblos 🐂 di 2029": a party's symbol emoji after a ballot call,
		// in a notice too ("Jadwal senam ... Coblos 🐂 di 2029").
		for _, se := range ix.symbolCalls(st, c.elecText || yearIn(st.spans)) {
			if se.oppose {
				side(&oppose, se.actor)
				if len(st.cues) < maxCues {
					st.cues = append(st.cues, pcue{rule: "oppose-call", tstart: -1, tend: -1, actor: se.actor, text: se.raw})
				}
				continue
			}
			side(&support, se.actor)
			if len(st.cues) < maxCues {
				st.cues = append(st.cues, pcue{rule: "support-call", tstart: -1, tend: -1, actor: se.actor, text: se.raw})
			}
		}
	}
	if !c.neutral {
		// "Tajuk: Isran-Hadi sudah membuktikan ...": an opinion piece
		// that argues for a side takes it.
		for _, op := range ix.opinionCalls(st, day, st.media && !c.news && !c.quote && !eventTalk(st.spans)) {
			side(&support, op.actor)
			decisive("support-praise", &pspan{start: op.start, end: op.end}, nil, op.actor)
		}
	}
	if !c.neutral && !c.news {
		// "Rudy for Kaltim 1️⃣ 2029": a campaign slogan for a person or a
		// party, office holders too.
		for _, fs := range ix.forSlogans(st) {
			side(&support, fs.actor)
			decisive("slogan", &pspan{start: fs.start, end: fs.end}, nil, fs.actor)
		}
	}
	ix.quietRules(st, &c, func(rule string, sp *pspan, tg *ptarget) {
		actor := ""
		if tg != nil {
			actor = tg.actor
		}
		side(&support, actor)
		decisive(rule, sp, tg, actor)
	}, blocked)

	if len(support) == 0 && len(oppose) == 0 {
		// Sides the catalog does not know, read from the post's shape.
		season := c.elecText || len(ix.openRaces(day)) > 0 || ix.calendarOf(day).ahead
		st.season = season
		hits := ix.genericFrames(st, &c, season)
		if len(hits) == 0 {
			hits = ix.quietHints(st, &c, season)
		}
		if len(hits) == 0 {
			hits = ix.opinionFrames(st, &c)
		}
		if len(hits) == 0 {
			hits = ix.contextFrames(st, &c, season)
		}
		if len(hits) == 0 {
			hits = ix.nearFrames(st, &c, season)
		}
		if len(hits) == 0 {
			hits = ix.shapeFrames(st, &c, season)
		}
		for _, h := range hits {
			if h.oppose {
				side(&oppose, h.actor)
			} else {
				side(&support, h.actor)
			}
			addActor(h.actor)
			if len(st.cues) < maxCues {
				st.cues = append(st.cues, pcue{rule: h.rule, tstart: -1, tend: -1, actor: h.actor, text: h.text})
			}
		}
	}
	// The partisan model may only add a call: after the rules found no
	// side, in an election's season (the rules' own test), on the post as
	// written. It names no actor and no stance.
	byModel := false
	if len(support) == 0 && len(oppose) == 0 && st.season && ix.pmodel != nil && st.doc != nil {
		byModel = ix.modelCall(st)
	}
	if st.seasonAlways && (len(support) > 0 || len(oppose) > 0) {
		st.season = c.elecText || len(ix.openRaces(day)) > 0 || ix.calendarOf(day).ahead
	}
	p := &mention.Politics{}
	support = slices.DeleteFunc(support, func(s string) bool { return s == "" && len(support) > 1 })
	p.Partisan = len(support) > 0 || len(oppose) > 0 || byModel
	p.Political = p.Partisan || c.political || c.elec || c.neutral
	switch {
	case len(support) > 0 && len(oppose) > 0:
		p.Stance = "mixed"
	case len(support) > 0:
		p.Stance = "support"
	case len(oppose) > 0:
		p.Stance = "oppose"
	}
	if !p.Political {
		return p
	}
	slices.Sort(actors)
	p.Actors = actors
	if !p.Partisan && c.neutral {
		for i := range st.spans {
			if sp := &st.spans[i]; sp.class == cNeutral {
				st.cues = append(st.cues, pcue{rule: "neutral", start: sp.start, end: sp.end, tstart: -1, tend: -1})
				break
			}
		}
	}
	for _, cu := range st.cues {
		p.Cues = append(p.Cues, ix.render(st, cu).String())
	}
	return p
}

// render turns a cue into its evidence: the rule, the post's words as
// written, the actor.
func (ix *Index) render(st *pstate, cu pcue) mention.Cue {
	ws := st.wordsOf()
	out := mention.Cue{Rule: cu.rule, Actor: cu.actor}
	if cu.text != "" {
		out.Text = cu.text
		if len(st.spell) > 0 && st.hyOK {
			out.Text = asWritten(cu.text, st.spell)
		}
		return out
	}
	s, e := cu.start, cu.end
	if cu.tstart >= 0 {
		a, b := [2]int{cu.start, cu.end}, [2]int{cu.tstart, cu.tend}
		if b[0] < a[0] {
			a, b = b, a
		}
		if b[0]-a[1]-1 > 3 {
			out.Text = spanText(ws, a[0], a[1]) + " … " + spanText(ws, b[0], b[1])
			return out
		}
		s, e = a[0], max(a[1], b[1])
	}
	out.Text = spanText(ws, s, e)
	return out
}

// spanText is words s..e as written; a hashtag stands for the split words
// that follow it ("#NasDemMenang", not "#NasDemMenang Nas Dem Menang").
func spanText(ws []watch.Word, s, e int) string {
	var b strings.Builder
	tag := ""
	for i := max(s, 0); i <= e && i < len(ws); i++ {
		w := &ws[i]
		switch {
		case w.Hashtag:
			tag = w.Raw
		case w.Raw == "" || tag != "" && containsFold(tag, w.Raw):
			continue
		default:
			tag = ""
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Raw)
	}
	if b.Len() == 0 && s >= 0 && s < len(ws) {
		// The span is the split words of a hashtag that starts before it.
		return ws[s].Raw
	}
	return b.String()
}

// containsFold reports sub within s, ignoring ASCII case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// callRule names the rule of a support or opposition cue.
func callRule(support, strong bool) string {
	switch {
	case support && strong:
		return "support-call"
	case support:
		return "support-praise"
	case strong:
		return "oppose-call"
	}
	return "oppose-attack"
}

// quietRules are the rules for partisanship without a campaign call:
// mobilisation, greetings, party service, attributes and recruitment. fire
// records a side taken for tg's actor (or an unnamed side when tg is nil).
func (ix *Index) quietRules(st *pstate, c *pctx, fire func(rule string, sp *pspan, tg *ptarget), blocked func(string, *pspan, string)) {
	var mob, attend, greet, attr, attrAct, recruit, gripe *pspan
	var wish, promo, aid, event, collect, occasion, occasionWith, budget, aidWith, complain *pspan
	otherPromo := false // a promotional word other than thanks and whom aid is for ("peduli", "partai yang melayani")
	var aids []*pspan
	invited := false
	// keep records the first cue of a kind that is not negated.
	keep := func(p **pspan, sp *pspan, ok bool) {
		if *p == nil && ok {
			*p = sp
		}
	}
	for i := range st.spans {
		sp := &st.spans[i]
		neg := ix.negated(st.spans, i, 1)
		switch sp.class {
		case cMob:
			// "transportasi publik" is a policy, not a ride to a rally.
			keep(&mob, sp, !neg && !(sp.name == "transportasi" && policyTransport[wordAt(st.wordsOf(), sp.end+1)]))
		case cInvite:
			ok := !ix.negated(st.spans, i, negWindow)
			invited = invited || ok
			// An invitation to a party's or candidate's event ("undangan
			// jalan santai bersama Partai Gerindra").
			keep(&mob, sp, ok && invitationWords[sp.name] && !c.news && ix.targetAfter(st, sp, window))
		case cAttend:
			// An invitation shortly before attendance mobilises ("diharapkan
			// hadir", "jangan lupa datang", "yang mau ikut"); the account
			// itself attending ("admin ikut hadir") is attendance.
			switch {
			case neg:
			case mob == nil && ix.invitedBefore(st.spans, i) >= 0:
				// The evidence runs from the invitation to the attendance.
				inv := st.spans[ix.invitedBefore(st.spans, i)]
				// Allocated here only: a span declared for every post escaped to the heap.
				mob = &pspan{class: cAttend, start: inv.start, end: sp.end}
			default:
				keep(&attend, sp, ix.firstPersonWithin(st.spans, i, 5) || classWithin(st.spans, i, 5, cSelf))
			}
		case cGreet:
			keep(&greet, sp, true)
		case cWish:
			if !neg && (wish == nil || softWish[wish.name]) {
				wish = sp // an electoral wish wins over mere success
			}
		case cPromo:
			keep(&promo, sp, !neg)
			otherPromo = otherPromo || !neg && !thanksWords[sp.name] && !beneficiaryWords[sp.name]
		case cComplain:
			keep(&complain, sp, true)
		case cAid:
			keep(&aid, sp, true)
			aids = append(aids, sp)
			ws := st.wordsOf()
			keep(&aidWith, sp, aidWords[wordAt(ws, sp.end+1)] || aidWords[wordAt(ws, sp.end+2)] || aidWords[wordAt(ws, sp.end+3)])
		case cEvent:
			// Bare "kampanye" is an election event only with election words.
			// "Pelantikan relawan Tagana" installs a civic body's volunteers.
			keep(&event, sp, !neg && (sp.name != "kampanye" || c.elecText) &&
				!(strings.Contains(sp.name, "relawan") && st.doc != nil && frCivicVolunteer.MatchString(st.hay())))
		case cAttr:
			keep(&attr, sp, true)
		case cAttrAct:
			keep(&attrAct, sp, !neg)
		case cRecruit:
			keep(&recruit, sp, !neg)
		case cJoin:
			keep(&recruit, sp, !neg && ix.invitedBefore(st.spans, i) >= 0)
		case cCollect:
			keep(&collect, sp, !neg)
			// "kaos Rudy-Seno silakan ambil": collecting is handing out.
			keep(&attrAct, sp, !neg)
		case cOccasion:
			keep(&occasion, sp, !neg)
			if withOf(st.wordsOf(), sp.end+1) {
				keep(&occasionWith, sp, !neg)
			}
		case cGripe:
			gripe = sp
		case cBudget:
			keep(&budget, sp, true)
		}
	}
	if mob == nil && invited && occasion != nil && !c.news && !(st.doc != nil && frTrafficNotice.MatchString(st.hay())) {
		// An occasion and an invitation anywhere in the post ("ada acara
		// silaturahmi dengan Tim Pemenangan X ... Mari luangkan waktu"),
		// unless the "mohon" asks drivers to take another road.
		mob = occasion
	}
	if mob == nil && occasionWith != nil && !c.news && !c.quote {
		// An occasion "bersama"/"bareng" a party or candidate announced by
		// the account ("Info Jalan Sehat Bareng Isran-Hadi", "Festival
		// Rakyat bersama Rudy-Seno") publicises their event.
		mob = occasionWith
	}
	// The account's own thanks ("Terima kasih Tim 1!") speaks in its
	// voice: the softer reporting words of an announcement ("berlangsung",
	// "digelar") do not make the post a report.
	thanks := ix.ownThanks(st)
	newsy := c.news && (thanks == nil || c.hardNews)
	thankedMob := false
	if mob == nil && thanks != nil && !c.hardNews && !c.quote {
		// Thanks for attending or welcoming a side's event ("terima kasih
		// warga yang sudah memenuhi lapangan di Silaturahmi Akbar
		// Rudy-Seno", "... hadir menyambut kedatangan pasangan Rudy-Seno",
		// "konsolidasi relawan Rudy-Seno ... terima kasih atas
		// partisipasinya"): mobilisation told after the fact.
		if sp := ix.thankedAttendance(st); sp != nil {
			mob, thankedMob = sp, true
		}
	}
	if promo == nil && aidWith != nil && !c.news && !c.quote {
		// Aid "bersama"/"dari" a party or candidate announced by the
		// account ("sembako murah bersama Partai NasDem").
		promo = aid
	}
	if promo == nil && aid != nil && collect != nil {
		// Handing out a party's goods ("paket sembako dari caleg Gerindra,
		// silakan diambil") promotes it as much as praise does.
		promo = collect
	}
	if mob == nil && attend == nil && greet == nil && promo == nil && attr == nil && recruit == nil && wish == nil && aid == nil {
		return
	}
	if n := len(st.wordsOf()); n > quietMaxWords {
		// A news article or a blog names many actors for many reasons;
		// the quiet rules read posts and announcements.
		for _, sp := range []*pspan{mob, attend, greet, promo, attr, recruit} {
			if sp != nil {
				blocked(ruleOf(sp.class), sp, "a long text: quiet rules read posts of up to 200 words")
			}
		}
		return
	}
	if c.neutral {
		for _, sp := range []*pspan{mob, attend, greet, promo, attr, recruit} {
			if sp != nil {
				blocked(ruleOf(sp.class), sp, "neutrality message")
			}
		}
		return
	}
	day := st.day
	// Targets a quiet act can favour: parties, pairs, options, numbers,
	// candidates who are not (or not only) office holders on the day, and
	// those missing from the catalog.
	var cands, parties []*ptarget
	for i := range st.targets {
		tg := &st.targets[i]
		switch {
		case tg.party:
			parties = append(parties, tg)
		case tg.office, tg.honor:
		case tg.num && !tg.explicit:
			// A bare number ("RT 01", "jam 2") is not a side by itself.
		default:
			cands = append(cands, tg)
		}
	}
	fired := false
	// A quiet act favours the parties and candidates named near it: a
	// social-media post is short, but a news article or a blog post names
	// many actors far apart.
	nearby := func(sp *pspan, lists ...[]*ptarget) []*ptarget {
		var out []*ptarget
		for _, list := range lists {
			for _, tg := range list {
				if near(sp, tg, quietWin) {
					out = append(out, tg)
				}
			}
		}
		return out
	}
	eventNear := func(sp *pspan) bool {
		return event != nil && near(sp, &ptarget{start: event.start, end: event.end}, quietWin)
	}
	fireAll := func(rule string, sp *pspan, tgs []*ptarget) {
		for _, tg := range tgs {
			fire(rule, sp, tg)
		}
		if len(tgs) == 0 {
			fire(rule, sp, nil)
		}
		fired = true
	}
	if mob != nil {
		unlisted := "" // a side the catalog does not list, named by its shape: read once
		if st.doc != nil {
			unlisted = unlistedSide(st.hay())
		}
		tgs := nearby(mob, cands, parties)
		switch {
		case c.quote || c.news && !c.invite && !thankedMob && (mob.class != cMob || reportableMob[mob.name]):
			// Logistics (transport, a gathering point) organise even in a
			// post with news words; reported speech or a bare attendance
			// verb in a report does not.
			blocked("mobilisation", mob, "reporting, not an invitation")
		case st.doc != nil && reDebunk.MatchString(st.hay()):
			// "HOAKS! … WAJIB hadir di kampanye … TIDAK BENAR": an account
			// denying a call to attend quotes it, it does not make it.
			blocked("mobilisation", mob, "a hoax or claim denied")
		case st.media && !c.invite && st.doc != nil && reCrowdReport.MatchString(st.hay()):
			// "Kampanye akbar pasangan nomor 1 dihadiri ribuan orang,
			// panitia siapkan bus": an outlet reports the rally's logistics.
			blocked("mobilisation", mob, "a news outlet reporting a rally")
		case st.doc != nil && frTrafficNotice.MatchString(st.hay()) && !reMobLogistic.MatchString(st.hay()) &&
			(!c.invite || frDriverAsk.MatchString(st.hay()) && !frEventAsk.MatchString(st.hay())):
			// "Sehubungan kegiatan kampanye terbuka … arus kendaraan
			// dialihkan. Mohon pengguna jalan menyesuaikan": a traffic
			// notice routes cars around the rally, it invites no one; its
			// "mohon" asks drivers, not voters.
			blocked("mobilisation", mob, "a traffic notice around the event")
		case st.doc != nil && fr28StaffRecruit.MatchString(st.hay()):
			// "DIBUTUHKAN anggota KPPS … Berkas diantar ke sekretariat
			// PPS": the election body recruits its own staff.
			blocked("mobilisation", mob, "the election body's own staff recruited")
		case st.doc != nil && reCountNotice.MatchString(st.hay()):
			// "Rekapitulasi suara tingkat kecamatan … Saksi partai harap
			// hadir": the count's proceedings call every side's witnesses.
			blocked("mobilisation", mob, "a vote count's notice to witnesses")
		case len(tgs) > 0 && event == nil && occasion == nil && !slices.ContainsFunc(tgs, func(tg *ptarget) bool { return !tg.num }) && st.doc != nil &&
			(reCommunityPost.MatchString(st.hay()) || reCommunityRole.MatchString(st.hay()) && reCommunityVote.MatchString(st.hay())):
			// "Pemilihan Ketua RT 05 … calon nomor urut 2 Pak Rahman. Yuk
			// hadir": a community's own ballot, no pair's number.
			blocked("mobilisation", mob, "numbers of a community's own election")
		case len(tgs) == 0 && st.doc != nil && reBodyFacilitates.MatchString(st.hay()):
			// "Bahan kampanye yang difasilitasi KPU untuk kedua paslon":
			// the election body supplies every pair alike.
			blocked("mobilisation", mob, "the election body's facilitation of every side")
		case len(tgs) > 0 && len(cands) == 0 && !eventNear(mob) && listedActors(st) >= 3:
			// "Rakor HUT Kota dihadiri … perwakilan partai politik (PDIP,
			// Golkar, Gerindra …). Terima kasih atas kehadiran": every
			// party alike at the city's own occasion.
			blocked("mobilisation", mob, "a list of parties alike")
		case len(tgs) > 0 || eventNear(mob):
			fireAll("mobilisation", mob, tgs)
		case unlisted != "":
			// "ngopi bareng paslon RAFI … angkat kursi & sound system":
			// a side the catalog does not list yet, named by its shape.
			fireAll("mobilisation", mob, []*ptarget{{actor: unlisted, start: mob.start, end: mob.end, generic: true}})
		default:
			blocked("mobilisation", mob, "no campaign event, party or candidate")
		}
	}
	if attend != nil && mob == nil {
		// The account's own attendance is not reporting, so news words
		// ("deklarasi") do not excuse it.
		tgs := nearby(attend, cands, parties)
		switch {
		case st.media && (c.quote || c.hardNews):
			// "… resmi mendaftar ke KPU … 'Kami datang dengan niat
			// baik,' kata Isran": an outlet reports a side's arrival.
			blocked("attendance", attend, "a news outlet reporting")
		case len(tgs) > 0 || eventNear(attend):
			fireAll("attendance", attend, tgs)
		default:
			blocked("attendance", attend, "no campaign event, party or candidate")
		}
	}
	if greet != nil {
		var wished []*ptarget
		if wish != nil {
			for _, tg := range cands {
				// After its vote, only a wish for a next office ("semoga
				// jadi presiden") is a wish: "selamat atas kemenangan" is
				// the result.
				if ix.beforeVote(tg.actor, day) || strings.HasPrefix(wish.name, "jadi ") || strings.HasPrefix(wish.name, "semoga ") {
					wished = append(wished, tg)
				}
			}
			// An office holder wished re-election or victory (not mere
			// success: "sukses memimpin" is a courtesy); a person named with
			// an honorific in an election context ("Bunda Ratna ... jadi
			// gubernur").
			for i := range st.targets {
				// "dimudahkan memimpin bangsa mulai 2024" before that vote
				// names the race: the soft wish is the office's.
				if tg := &st.targets[i]; (tg.office || tg.honor) && !tg.party && (!softWish[wish.name] || ix.wishYearAhead(st, wish, day) && ix.beforeVote(tg.actor, day)) {
					wished = append(wished, tg)
				}
			}
		}
		community := len(parties) == 0 && st.doc != nil && reCommunityPost.MatchString(st.hay())
		tgs := nearby(greet, parties, wished)
		if len(tgs) > 0 && !c.quote && !community && distinctActors(tgs) < 3 {
			fireAll("greeting", greet, tgs)
		} else if len(tgs) > 0 && !c.quote && !community {
			// "… dihadiri perwakilan DPC PDI Perjuangan, Golkar, Gerindra,
			// PKS, PKB & Demokrat … Dirgahayu Indonesia": every party alike.
			blocked("greeting", greet, "a list of parties alike")
		} else if community {
			blocked("greeting", greet, "a community election (Ketua RT, LPM, koperasi)")
		} else if c.quote {
			blocked("greeting", greet, "reported speech")
		} else {
			blocked("greeting", greet, "no party, and no candidate wished victory")
		}
	}
	if greet == nil && wish != nil && (!softWish[wish.name] || raceAfter(st.spans, wish)) && !c.quote && !c.news && hopeBefore(st.wordsOf(), wish) {
		// A wish of electoral success with no greeting ("semoga menang
		// Pilgub Kaltim", "semoga Perindo makin besar dan lolos parlemen
		// 2029") for a party, or a candidate before the vote.
		var wished []*ptarget
		for _, tg := range parties {
			if near(wish, tg, window) {
				wished = append(wished, tg)
			}
		}
		for i := range st.targets {
			tg := &st.targets[i]
			if tg.party || tg.num || tg.office && !tg.honor {
				continue
			}
			if (tg.honor || ix.beforeVote(tg.actor, day)) && near(wish, tg, window) {
				wished = append(wished, tg)
			}
		}
		if len(wished) > 0 {
			fireAll("greeting", wish, wished)
		}
	}
	if aid != nil && !c.quote && !newsy && complain == nil {
		// A candidate's or pair's aid relayed before the vote ("paket
		// sembako dari Tim Pemenangan Rudy-Seno", "terima kasih Bang Rudy
		// atas bantuan ..."), or a candidate named by their role ("caleg
		// Ibu Sri") or wished their mandate continued ("semoga amanahnya
		// terus berlanjut"), promotes them as a party's does.
		cont := wish != nil && continuationWish[wish.name]
		var served []*ptarget
		for i := range st.targets {
			tg := &st.targets[i]
			switch {
			case tg.party || tg.num || ix.isOption(tg.actor):
				continue // an empty box gives no aid ("kotak kosong bekas bantuan sembako")
			case tg.generic && tg.honor:
				if !cont {
					continue
				}
			case tg.generic:
				if promo == nil && wish == nil {
					continue // "cawali Budi" with aid, and neither thanks nor a wish
				}
			case tg.office || tg.honor:
				if !cont {
					continue // an office holder's aid, thanked without a wish of another term
				}
			case campaignOrgan(st, tg):
				// "dari Posko Perjuangan Rudy-Seno", "Rudy-Seno Peduli",
				// "@relawan.rudyseno": a side's campaign organ or brand
				// exists to campaign, in a race's window or not.
			case !ix.beforeVote(tg.actor, day) || !day.IsZero() && !ix.live(ix.actors[tg.actor], day):
				continue
			}
			nearAid := slices.ContainsFunc(aids, func(a *pspan) bool { return near(a, tg, window) }) ||
				event != nil && near(event, tg, 1) && near(event, &ptarget{start: aid.start, end: aid.end}, window)
			if nearAid && (promo != nil || event != nil || collect != nil || wish != nil) {
				served = append(served, tg)
			}
		}
		if len(served) > 0 {
			sp := aid
			if promo != nil {
				sp = promo
			}
			if st.media && st.doc != nil && !reOpinionHead.MatchString(st.hay()) {
				// "Paslon 01 … menggelar kampanye dialogis … Isran
				// menyinggung program beasiswa": an outlet reports the
				// candidate's programme.
				blocked("party-service", sp, "a news outlet reporting a candidate's programme")
			} else {
				fireAll("party-service", sp, served)
			}
		}
	}
	if promo != nil || aid != nil {
		var served []*ptarget
		for _, tg := range parties {
			if promo != nil && (near(promo, tg, promoWin) || aid != nil && near(promo, tg, quietWin)) {
				served = append(served, tg)
			}
		}
		switch {
		case len(served) > 0 && aid == nil && budget != nil:
			blocked("party-service", promo, "thanks for public money (a budget), not for the party's aid")
		case len(served) > 0 && complain != nil:
			blocked("party-service", promo, "a complaint about the aid, not its promotion")
		case distinctActors(served) >= 3:
			// "dihadiri … perwakilan parpol (PDIP, Golkar, Gerindra, PKS …).
			// Terima kasih atas kehadirannya": thanks to every party alike.
			blocked("party-service", promo, "thanks to a list of parties alike")
		case len(served) > 0 && aid == nil && !otherPromo && thanksWords[promo.name] && ix.allAffiliations(st, served, day):
			// "Terima kasih Ketua DPRD dari Partai Gerindra yang hadir
			// meresmikan posyandu": an official thanked for an act of
			// office. Their aid ("bantuan sembako dari anggota Fraksi
			// PDIP") is the party's, as the sets have it.
			blocked("party-service", promo, "thanks to an official of the party in their office role")
		case len(served) > 0 && c.hardNews && thanks == nil && collect == nil && !c.invite:
			blocked("party-service", promo, "reporting")
		case len(served) == 0:
			if promo != nil && len(parties) > 0 {
				blocked("party-service", promo, "promotion too far from the party, and no aid")
			}
		case c.quote:
			blocked("party-service", promo, "reported speech")
		case c.news && !c.invite && collect == nil && firstFrame(st.spans, "berita"):
			// "Berita: Partai Golkar bagikan ... sembako": a headline.
			blocked("party-service", promo, "a news headline")
		default:
			fireAll("party-service", promo, served)
		}
	}
	if attr != nil && attrAct != nil && gripe != nil {
		blocked("attributes", attr, "a complaint about the props")
	} else if attr != nil && attrAct != nil {
		var worn []*ptarget
		for _, list := range [][]*ptarget{cands, parties} {
			for _, tg := range list {
				if near(attr, tg, window) {
					worn = append(worn, tg)
				}
			}
		}
		if len(worn) > 0 {
			fireAll("attributes", attr, worn)
		} else {
			blocked("attributes", attr, "no party or candidate next to the attribute")
		}
	}
	if recruit != nil {
		if c.quote || c.news && !c.invite || st.media && c.hardNews {
			blocked("recruitment", recruit, "reporting, not an invitation")
		} else if tgs := nearby(recruit, cands, parties); len(tgs) > 0 || eventNear(recruit) {
			fireAll("recruitment", recruit, tgs)
		} else {
			blocked("recruitment", recruit, "no party, candidate or campaign team")
		}
	}
	if fired {
		c.political = true
	}
}

// ruleOf names the quiet rule a cue class belongs to.
func ruleOf(class string) string {
	switch class {
	case cMob:
		return "mobilisation"
	case cAttend:
		return "attendance"
	case cGreet:
		return "greeting"
	case cPromo, cAid:
		return "party-service"
	case cAttr:
		return "attributes"
	}
	return "recruitment"
}

// near reports a target within n words of a cue span.
func near(sp *pspan, tg *ptarget, n int) bool {
	return tg.start-sp.end-1 <= n && sp.start-tg.end-1 <= n
}

// invitedBefore returns the index of an invitation ending at most 4 words
// before the attendance cue at spans[i], with no negator between them
// ("diharapkan tidak datang"), or -1.
func (ix *Index) invitedBefore(spans []pspan, i int) int {
	start := spans[i].start
	for j := i - 1; j >= 0 && spans[j].end >= start-5; j-- {
		switch {
		case spans[j].class == cNeg && !insideInvite(spans, j):
			return -1
		case spans[j].class == cInvite:
			return j
		}
	}
	return -1
}

// handActor decides whether a finger pose for number n is a cue, and for
// whom: undated posts read it as before the calendar; on a date it needs a
// race open then with that number, or election words in the post.
func (ix *Index) handActor(n string, c *pctx, day Date) (actor string, ok bool, why string) {
	if day.IsZero() {
		return ix.resolveNumber(n, c.races, Date{}, true), true, ""
	}
	for _, r := range ix.openRaces(day) {
		if _, has := ix.byRace[r][n]; has {
			return ix.resolveNumber(n, c.races, day, true), true, ""
		}
	}
	if c.elecText {
		return ix.resolveNumber(n, c.races, day, true), true, ""
	}
	return "", false, "no race with number " + n + " open on " + day.String() + ", and no election words"
}

// openRaces lists the races open on day, sorted (a shared slice: read it only).
func (ix *Index) openRaces(day Date) []string { return ix.calendarOf(day).open }

// dayCal is what the calendar says of one day, kept for the next post of
// the same day: reading it took a date computation per election per post.
type dayCal struct {
	day   Date
	open  []string // openRacesOn(day), clipped: callers only read it
	ahead bool     // voteAhead(day, seasonDays)
}

// calendarOf is the calendar of day, from the last day asked when it is
// the same.
func (ix *Index) calendarOf(day Date) *dayCal {
	if c := ix.cal.Load(); c != nil && c.day.t.Equal(day.t) && c.day.t.Location() == day.t.Location() {
		return c
	}
	c := &dayCal{day: day, open: slices.Clip(ix.openRacesOn(day)), ahead: ix.voteAhead(day, seasonDays)}
	ix.cal.Store(c)
	return c
}

// openRacesOn lists the races open on day, sorted.
func (ix *Index) openRacesOn(day Date) []string {
	var out []string
	for id, e := range ix.elections {
		if e.Open(day) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// anyRace reports whether one of the actor's races satisfies ok.
func (ix *Index) anyRace(a *Actor, ok func(*Election) bool) bool {
	for _, r := range a.races() {
		if e := ix.elections[r]; e != nil && ok(e) {
			return true
		}
	}
	return false
}

// live reports an actor running in a race open on day.
func (ix *Index) live(a *Actor, day Date) bool {
	return !day.IsZero() && ix.anyRace(a, func(e *Election) bool { return e.Open(day) })
}

// campaigning reports an actor in a race whose campaign is on at day.
func (ix *Index) campaigning(id string, day Date) bool {
	a := ix.actors[id]
	return a != nil && !day.IsZero() && ix.anyRace(a, func(e *Election) bool { return e.Campaigning(day) })
}

// beforeVote reports that congratulating actor id on day can still wish
// them victory: no race of theirs has voted yet.
func (ix *Index) beforeVote(id string, day Date) bool {
	a := ix.actors[id]
	return a == nil || !ix.anyRace(a, func(e *Election) bool { return !e.beforeVote(day) })
}

// racesOfYear resolves a "racey" label ("pilkada|2029") to the catalog's
// races of that kind voting that year.
func (ix *Index) racesOfYear(name string) []string {
	kind, year, _ := strings.Cut(name, "|")
	kinds := yearKinds[kind]
	if kinds == nil {
		kinds = []string{kind}
	}
	var out []string
	for _, k := range kinds {
		for _, id := range ix.byKind[k] {
			if e := ix.elections[id]; e.Vote.String()[:4] == year {
				out = append(out, id)
			}
		}
	}
	return out
}

// StanceToward returns the stance of a text toward one actor (support,
// oppose, mixed or ""), counting support for a pair as support for its
// members and support for an option as opposition to what it opposes.
func (ix *Index) StanceToward(d *normalize.Doc, actor string) string {
	st := ix.scan(d, time.Time{})
	defer st.release()
	ix.decide(st)
	sup, opp := 0, 0
	for _, ev := range st.log {
		hit := ev.actor == actor
		if a := ix.actors[ev.actor]; a != nil && !hit {
			hit = slices.Contains(a.Members, actor)
			if !hit && ev.support && slices.Contains(a.Opposes, actor) {
				opp++
				continue
			}
		}
		if !hit {
			continue
		}
		if ev.support {
			sup++
		} else {
			opp++
		}
	}
	switch {
	case sup > opp:
		return "support"
	case opp > sup:
		return "oppose"
	case sup > 0:
		return "mixed"
	}
	return ""
}

// electoral reports a target that exists only as an electoral choice: a
// pair, an option, a ballot number or a candidate not in office.
func (ix *Index) electoral(tg *ptarget) bool {
	if tg.num || tg.generic {
		return !tg.party
	}
	a := ix.actors[tg.actor]
	return a != nil && !tg.office && a.Kind != "party"
}

// resolveNumber maps ballot number n to the actor with that number in the
// one race named in the post or, failing that, open on day (pair races
// first when pairs is set: finger poses are a pair's sign), or to
// "ballot-<n>".
func (ix *Index) resolveNumber(n string, races []string, day Date, pairs bool) string {
	n = strings.TrimLeft(n, "0")
	pick := func(races []string) string {
		found := ""
		for _, r := range races {
			if id, ok := ix.byRace[r][n]; ok {
				if found != "" && found != id {
					return ""
				}
				found = id
			}
		}
		return found
	}
	candidates := [][]string{races}
	if !day.IsZero() {
		open := ix.openRaces(day)
		if pairs {
			var pr []string
			for _, r := range open {
				if ix.elections[r].Kind != "pileg" {
					pr = append(pr, r)
				}
			}
			candidates = append(candidates, pr)
		}
		candidates = append(candidates, open)
	}
	for _, rs := range candidates {
		if id := pick(rs); id != "" {
			return id
		}
	}
	return "ballot-" + n
}

// negated reports a negator or prohibition ending at most win words before
// the cue at spans[i].
func (ix *Index) negated(spans []pspan, i, win int) bool {
	start := spans[i].start
	for j := i - 1; j >= 0; j-- {
		if spans[j].end < start-win-1 {
			break
		}
		if spans[j].class == cNeg && spans[j].end < start && !insideInvite(spans, j) {
			return true
		}
	}
	return false
}

// insideInvite reports a span inside an invitation's span: the "kada" of
// Banjar "jangan kada datang" (do not fail to come) negates nothing.
func insideInvite(spans []pspan, j int) bool {
	for k := range spans {
		if spans[k].class == cInvite && spans[k].start <= spans[j].start && spans[j].end <= spans[k].end && spans[k].end > spans[k].start {
			return true
		}
	}
	return false
}

// firstPerson reports a first-person word within 3 words before the cue.
func (ix *Index) firstPerson(spans []pspan, i int) bool { return ix.firstPersonWithin(spans, i, 3) }

// firstPersonWithin reports a first-person word ending at most n words
// before the cue at spans[i] ("Kami pegawai Kecamatan X turut hadir").
func (ix *Index) firstPersonWithin(spans []pspan, i, n int) bool {
	return classWithin(spans, i, n, cFirst)
}

// classWithin reports a span of class cls ending at most n words before
// spans[i].
func classWithin(spans []pspan, i, n int, cls string) bool {
	start := spans[i].start
	for j := i - 1; j >= 0; j-- {
		if spans[j].end < start-n-1 {
			break
		}
		if spans[j].class == cls {
			return true
		}
	}
	return false
}

// target finds the nearest actor or ballot number within the window of a
// cue, skipping targets with an object word ("program") in between.
// Parties and candidates missing from the catalog are targets of strong
// cues only, and listed ones win over them.
func (ix *Index) target(st *pstate, sp *pspan, strong bool) *ptarget {
	var best *ptarget
	bestCost := 1 << 30
	for i := range st.targets {
		tg := &st.targets[i]
		if tg.generic && !strong {
			continue
		}
		var gap, cost int
		switch {
		case tg.start > sp.end:
			gap = tg.start - sp.end - 1
			cost = 2 * gap // a call's object usually follows it
		case tg.end < sp.start:
			gap = sp.start - tg.end - 1
			cost = 2*gap + 1
		default:
			continue // overlapping
		}
		if tg.generic {
			cost += 2
		}
		if tg.honor {
			cost += 2 // a role names a candidate more surely than an honorific
		}
		if tg.end < sp.start && activeVerbs[sp.name] {
			continue // "Saksi paslon 01 menolak ...": the target is the subject
		}
		if gap > window || cost >= bestCost {
			continue
		}
		if tg.num && !tg.explicit && strings.HasPrefix(tg.actor, "ballot-") {
			// A bare "02" or "nomor 2" with no race is only a target right
			// next to the cue ("coblos 02", "02 menang telak"), or after
			// "yang" ("ingat yang nomor 1").
			if gap > 1 || gap == 1 && (tg.start < sp.end || wordAt(st.wordsOf(), sp.end+1) != "yang") {
				continue
			}
		}
		lo, hi := sp.end+1, tg.start-1
		if tg.end < sp.start {
			lo, hi = tg.end+1, sp.start-1
		}
		if hi >= lo && hasObject(st.spans, lo, hi) {
			continue
		}
		best, bestCost = tg, cost
	}
	return best
}

// soleTarget is the target of a first-person call with none nearby ("Saya
// pilih mereka"): the one party, candidate or pair the post names.
func (ix *Index) soleTarget(st *pstate, i int) *ptarget {
	if !ix.firstPerson(st.spans, i) {
		return nil
	}
	var only *ptarget
	for j := range st.targets {
		tg := &st.targets[j]
		if tg.num || tg.office {
			continue
		}
		if only != nil && only.actor != tg.actor {
			return nil
		}
		only = tg
	}
	return only
}

// invitationWords invite to an event: with a party or candidate right
// after them they mobilise.
var invitationWords = map[string]bool{"undangan": true, "diundang": true, "mengundang": true}

// targetAfter reports a party or candidate (not an office holder, not a
// bare number) within n words after the cue.
func (ix *Index) targetAfter(st *pstate, sp *pspan, n int) bool {
	for i := range st.targets {
		tg := &st.targets[i]
		if tg.office || tg.honor || tg.num && !tg.explicit {
			continue
		}
		if tg.start > sp.end && tg.start-sp.end-1 <= n {
			return true
		}
	}
	return false
}

// communityBallot reports a post whose ballot numbers are a community's
// or a team's: a community's own vote, a community role beside voting
// words, or sport words. A community role alone is the post's addressee
// ("Bpk/Ibu Ketua RT, mohon warga diingatkan: paslon nomor 1 …").
func communityBallot(st *pstate) bool {
	hy := st.hay()
	return reCommunityPost.MatchString(hy) || reCommunityRole.MatchString(hy) && (reCommunityVote.MatchString(hy) || !reAddressed.MatchString(hy)) || reSport.MatchString(hy)
}

// reAddressed marks community heads addressed or asked to pass a message
// on, not elected.
var reAddressed = mustFre(`(?i)\b(?:bpk|bapak|ibu|bu|pak|yth\.?|kepada|kpd)\s*(?:/\s*(?:ibu|bu)\s+)?ketua (?:rt|rw)\b.{0,80}?\b(?:mohon|tolong|harap|diingatkan|sampaikan|teruskan|ingatkan)\b`)

// versusBefore are the words before "lawan" that make it "versus" ("satu
// lawan kotak kosong", "calon tunggal lawan kotak kosong").
var versusBefore = map[string]bool{"satu": true, "tunggal": true, "sendiri": true, "sendirian": true, "calonnya": true,
	"paslon": true, "pasangan": true, "hanya": true, "cuma": true,
	// "penasaran klo lawan kotak kosong debatnya gmn": a race supposed.
	"kalau": true, "klo": true, "kalo": true, "kl": true, "amun": true, "jika": true, "bila": true, "apabila": true}

// supposeWords open a supposition ("kalau kolom kosong menang, …").
var supposeWords = map[string]bool{"kalau": true, "klo": true, "kalo": true, "kl": true, "amun": true, "jika": true,
	"bila": true, "apabila": true, "seandainya": true, "andai": true, "andaikan": true, "misal": true, "misalnya": true}

// wordsNotSaid are the words before "kata" that make it a noun ("satu
// kata", "bukan cuma kata"), not a report of what someone said.
var wordsNotSaid = map[string]bool{"satu": true, "sepatah": true, "cuma": true, "hanya": true, "sekadar": true,
	"sekedar": true, "bukan": true, "kata-kata": true, "banyak": true, "omong": true}

// quoteWords are the news words that attribute speech to someone else.
var quoteWords = map[string]bool{"menurut": true, "kata": true, "ujar": true, "ungkap": true, "ungkapnya": true,
	"katanya": true, "jelasnya": true, "tuturnya": true, "ujarnya": true, "kata dia": true, "dilansir": true,
	"melansir": true, "dikutip": true, "menyatakan": true, "mengatakan": true, "menjelaskan": true,
	"tegaskan": true, "menegaskan": true, "sebut": true, "menyebut": true, "klaim": true, "mengklaim": true}

// resultWords say who won: after the race's vote they report the
// result ("Rudy-Seno menang di Samarinda"), they do not campaign.
var resultWords = map[string]bool{"menang": true, "kalah": true, "unggul": true, "tumbang": true,
	"menang telak": true, "menang mutlak": true, "menang satu putaran": true}

// wishYearAhead reports a soft wish ending in "mulai" followed by the
// year of a vote still ahead of day ("memimpin bangsa mulai 2024").
func (ix *Index) wishYearAhead(st *pstate, wish *pspan, day Date) bool {
	if day.IsZero() || !strings.HasSuffix(wish.name, " mulai") {
		return false
	}
	y, err := strconv.Atoi(wordAt(st.wordsOf(), wish.end+1))
	if err != nil {
		return false
	}
	for _, e := range ix.elections {
		if !e.Vote.IsZero() && e.Vote.t.Year() == y && day.t.Before(e.Vote.t) {
			return true
		}
	}
	return false
}

// softWish are wishes of success: electoral for a candidate, a courtesy
// for an office holder.
var softWish = map[string]bool{"semoga sukses": true, "sukses selalu": true, "memimpin negeri ke depan": true,
	"memimpin negeri ini ke depan": true, "memimpin indonesia ke depan": true, "memimpin kaltim ke depan": true,
	"memimpin samarinda ke depan": true, "memimpin bangsa ke depan": true,
	"memimpin negeri mulai": true, "memimpin indonesia mulai": true, "memimpin bangsa mulai": true, "memimpin kaltim mulai": true,
	"memimpin samarinda mulai": true, "kembali mengabdi": true, "kembali memimpin": true, "memimpin lagi": true,
	"mengabdi lagi": true, "kembali menjabat": true}

// activeVerbs are transitive verbs whose object follows them: a party or
// candidate before them is their subject ("Saksi paslon 01 menolak
// menandatangani"), not what they call for.
var activeVerbs = map[string]bool{"menolak": true, "mendukung": true, "memilih": true, "memenangkan": true,
	"mencoblos": true, "melanjutkan": true, "mengalahkan": true, "menumbangkan": true}

// veryWeak are support words too common to count on the calendar alone.
var veryWeak = map[string]bool{"bersama": true, "tetap": true, "tetep": true, "ingat": true, "lanjut": true,
	"pokoknya": true, "lebih baik": true, "sepakat": true, "kompak": true,
	"top": true, "keren": true, "mantap": true, "cocok": true, "tepat": true, "setia": true, "loyal": true}

// excepted reports a "bukan", "selain" or "kecuali" between a support cue
// and its target: the call is away from the target.
func (ix *Index) excepted(spans []pspan, sp *pspan, tg *ptarget) bool {
	if tg.start < sp.end {
		return false
	}
	for i := range spans {
		if s := &spans[i]; s.class == cExcept && s.start > sp.end && s.end < tg.start {
			return true
		}
	}
	return false
}

// hasObject reports an object word ("program") within word positions lo..hi.
func hasObject(spans []pspan, lo, hi int) bool {
	for i := range spans {
		if spans[i].class == cObj && spans[i].start >= lo && spans[i].end <= hi {
			return true
		}
	}
	return false
}

// placeWords start a place's name ("di Jl. Juanda", "di Gg. Mawar").
var placeWords = map[string]bool{"jalan": true, "jl": true, "gang": true, "gg": true, "kelurahan": true, "kecamatan": true,
	"kel": true, "kec": true, "simpang": true, "perumahan": true, "perum": true, "komplek": true, "kompleks": true,
	"pasar": true, "kampung": true, "lapangan": true, "taman": true}

// nameStop are capitalised words after "partai" or a candidate role that
// are not a name ("Partai Politik", "Partai Pengusung").
var nameStop = map[string]bool{
	"politik": true, "peserta": true, "pengusung": true, "pendukung": true, "koalisi": true, "baru": true,
	"lama": true, "besar": true, "kecil": true, "lokal": true, "nasional": true, "yang": true, "dan": true,
	"di": true, "ke": true, "dari": true, "untuk": true, "itu": true, "ini": true, "tersebut": true,
	"mana": true, "manapun": true, "apapun": true, "lain": true, "oposisi": true, "penguasa": true,
	"pemenang": true, "gubernur": true, "wali": true, "kota": true, "walikota": true, "bupati": true,
	"presiden": true, "wakil": true, "legislatif": true, "dprd": true, "dpr": true, "dewan": true,
	"nomor": true, "no": true, "urut": true, "kaltim": true, "samarinda": true, "pilihan": true,
	"terpilih": true, "petahana": true, "independen": true, "perseorangan": true, "tunggal": true,
	"pada": true, "dalam": true, "saat": true, "jelang": true, "menjelang": true, "rt": true, "rw": true,
	"bakal": true, "calon": true,
	"lurah": true, "camat": true, "kades": true, "ketua": true, "sekda": true, "kadis": true, "kepala": true,
	"sekel": true, "sekkel": true, "sekcam": true, "seklur": true, "sekdes": true, "kasubag": true, "kasubbag": true, "kasie": true,
	"kapolsek": true, "kapolres": true, "dokter": true, "bidan": true, "guru": true,
	// A pronoun or a campaign's material opening a sentence is no one's
	// name: "jaket partai. Sy ada fotonya", "Baliho caleg bisa dipasang".
	"saya": true, "aku": true, "gue": true, "ulun": true, "kami": true, "kita": true,
	"baliho": true, "spanduk": true, "poster": true, "stiker": true,
}

// nameWords reads up to three capitalised words from position i in
// direction dir (+1 or -1), skipping honorifics; it returns the name's
// folded words and the span it covers.
func (ix *Index) nameWords(st *pstate, i, dir int) (name []string, lo, hi int) {
	ws := st.wordsOf()
	lo, hi = -1, -1
	for n := 0; i >= 0 && i < len(ws) && n < 5; i, n = i+dir, n+1 {
		w := ws[i]
		if w.Hashtag {
			break
		}
		r, _ := utf8.DecodeRuneInString(w.Raw)
		if !unicode.IsUpper(r) || nameStop[w.Text] {
			break
		}
		if lo < 0 || i < lo {
			lo = i
		}
		if i > hi {
			hi = i
		}
		if slices.Contains(honorifics, w.Text) {
			continue
		}
		if len(name) == 3 {
			break
		}
		if dir > 0 {
			name = append(name, w.Text)
		} else {
			name = append([]string{w.Text}, name...)
		}
	}
	return name, lo, hi
}

// coversActor reports a listed actor's words within lo..hi.
func coversActor(st *pstate, lo, hi int) bool {
	for i := range st.targets {
		if tg := &st.targets[i]; !tg.generic && !tg.num && tg.start <= hi && tg.end >= lo {
			return true
		}
	}
	return false
}

// genericParty reads "Partai <Name>" for a party missing from the catalog.
func (ix *Index) genericParty(st *pstate, sp *pspan) (ptarget, bool) {
	name, _, hi := ix.nameWords(st, sp.end+1, 1)
	if len(name) == 0 || coversActor(st, sp.start, hi) {
		return ptarget{}, false
	}
	return ptarget{actor: "unlisted:partai-" + strings.Join(trimPartyTail(name), "-"), start: sp.start, end: hi, generic: true, party: true}, true
}

// firstPersonWords are the words after a role that make it "ours" ("caleg
// kita"): a candidate without a name.
var firstPersonWords = map[string]bool{"kita": true, "kami": true, "ulun": true, "kamu": true, "kalian": true}

// genericCandidate reads a candidate missing from the catalog from a role:
// the name after it ("cawali Budi Santoso", "bacalon gubernur Ibu Ratna"),
// or before "jadi <office>" ("Bang Rahmat jadi wali kota").
func (ix *Index) genericCandidate(st *pstate, sp *pspan) (ptarget, bool) {
	ws := st.wordsOf()
	if sp.start < len(ws) && ws[sp.start].Text == "jadi" {
		name, lo, _ := ix.nameWords(st, sp.start-1, -1)
		if len(name) == 0 || coversActor(st, lo, sp.end) {
			return ptarget{}, false
		}
		return ptarget{actor: "unlisted:calon-" + strings.Join(name, "-"), start: lo, end: sp.end, generic: true}, true
	}
	i := sp.end + 1
	for i < len(ws) && nameStop[ws[i].Text] && !ws[i].Hashtag && ws[i].Text != "yang" && ws[i].Text != "pilihan" {
		i++ // "bacalon gubernur ...", "caleg DPRD ..."
	}
	if i < len(ws) && firstPersonWords[ws[i].Text] {
		return ptarget{actor: "unlisted:calon", start: sp.start, end: i, generic: true}, true
	}
	if i < len(ws) && placeWords[ws[i].Text] {
		return ptarget{}, false // "baliho caleg di Jl. Juanda": where, not who
	}
	name, _, hi := ix.nameWords(st, i, 1)
	if len(name) == 0 {
		// An apposition: "Bunda Ratna, calon wali kota kebanggaan kita",
		// "Bapak Yusuf Hamdani sebagai bakal calon".
		var lo int
		j := sp.start - 1
		if j >= 0 && j < len(ws) && (ws[j].Text == "sebagai" || ws[j].Text == "selaku") {
			j--
		}
		name, lo, _ = ix.nameWords(st, j, -1)
		if len(name) == 0 || coversActor(st, lo, sp.end) {
			return ptarget{}, false
		}
		return ptarget{actor: "unlisted:calon-" + strings.Join(name, "-"), start: lo, end: sp.end, generic: true}, true
	}
	if coversActor(st, sp.start, hi) {
		return ptarget{}, false
	}
	return ptarget{actor: "unlisted:calon-" + strings.Join(name, "-"), start: sp.start, end: hi, generic: true}, true
}

// yearContext reports an actor or a call within two words of the year at
// spans[i].
func yearContext(spans []pspan, i int) bool {
	y := &spans[i]
	for j := range spans {
		s := &spans[j]
		switch s.class {
		case cActor, cTag, cSup, cSupW, cOpp, cOppW:
			if s.start-y.end-1 <= 2 && y.start-s.end-1 <= 2 {
				return true
			}
		}
	}
	return false
}

// needWords say a place needs a side ("Kaltim butuh Rudy-Seno"): a call
// only with the side right after them.
var needWords = map[string]bool{"butuh": true, "perlu": true, "membutuhkan": true}

// codedNumber reports a ballot number written as a code: zero-padded
// ("02") or in a post with a wink (😉).
func codedNumber(st *pstate, tg *ptarget) bool {
	ws := st.wordsOf()
	raw := wordAt(ws, tg.end)
	if tg.start < len(ws) {
		raw = ws[tg.end].Raw
	}
	return len(raw) == 2 && raw[0] == '0' || st.doc != nil && strings.Contains(st.doc.Raw, "😉")
}

// yearIn reports a general-election year in the post ("2029").
func yearIn(spans []pspan) bool {
	return slices.ContainsFunc(spans, func(sp pspan) bool { return sp.class == cYear })
}

// hasCall reports a support cue in the post that is not negated.
func hasCall(spans []pspan) bool {
	for i := range spans {
		if c := spans[i].class; c == cSup || c == cSupW {
			return true
		}
	}
	return false
}

// hasStrongCall reports a strong support cue in the post ("gas terus",
// "pilihan kita").
func hasStrongCall(spans []pspan) bool {
	return slices.ContainsFunc(spans, func(sp pspan) bool { return sp.class == cSup })
}

// handEmoji are the finger emoji of d with the number each shows.
func handEmoji(d *normalize.Doc) []struct{ n, raw string } {
	var out []struct{ n, raw string }
	if d == nil {
		return nil
	}
	for _, t := range d.Tokens {
		if t.Kind != normalize.Emoji {
			continue
		}
		for sym, n := range fingerEmoji {
			if strings.Contains(t.Raw, sym) {
				out = append(out, struct{ n, raw string }{n, t.Raw})
				break
			}
		}
	}
	return out
}

// fingerEmoji maps finger emoji to the number they show.
var fingerEmoji = map[string]string{"☝": "1", "✌": "2", "🤟": "3"}

// honoredName reads "Bu Ratna Dewi": an honorific and a capitalised name
// that is not a listed actor, as a candidate missing from the catalog.
func (ix *Index) honoredName(st *pstate, sp *pspan) (ptarget, bool) {
	name, _, hi := ix.nameWords(st, sp.start, 1)
	if len(name) == 0 || coversActor(st, sp.start, hi) {
		return ptarget{}, false
	}
	return ptarget{actor: "unlisted:calon-" + strings.Join(name, "-"), start: sp.start, end: hi, generic: true, honor: true}, true
}

// declared returns the actor a first-person word declares for with the
// ballot number tg right after it ("aku sih 01", "kami 02"), or "".
func (ix *Index) declared(st *pstate, tg *ptarget, c *pctx, day Date) string {
	for i := range st.spans {
		sp := &st.spans[i]
		if sp.class != cFirst || sp.end >= tg.start || tg.start-sp.end-1 > 1 {
			continue
		}
		actor := tg.actor
		if strings.HasPrefix(actor, "ballot-") && !day.IsZero() {
			actor = ix.resolveNumber(strings.TrimPrefix(actor, "ballot-"), c.races, day, true)
		}
		if strings.HasPrefix(actor, "ballot-") && !c.elecText {
			return ""
		}
		return actor
	}
	return ""
}

// hashtagCalls finds hashtags whose split words hold an actor together
// with an election year, a support word or "lagi"/"tetap"/"menang".
func (ix *Index) hashtagCalls(st *pstate) []struct{ actor, raw string } {
	hasActor := false
	for i := range st.spans {
		if st.spans[i].class == cActor {
			hasActor = true
			break
		}
	}
	if !hasActor || !hasHashtag(st.doc) {
		return nil
	}
	var out []struct{ actor, raw string }
	ws := st.wordsOf()
	for h := 0; h < len(ws); h++ {
		if !ws[h].Hashtag {
			continue
		}
		end := h
		for end+1 < len(ws) && ws[end+1].InHashtag {
			end++
		}
		actor, call := "", false
		for i := range st.spans {
			sp := &st.spans[i]
			if sp.start <= h || sp.end > end {
				continue
			}
			switch sp.class {
			case cActor:
				actor = sp.name
			case cYear, cSup, cSupW, cWish:
				call = true
			}
		}
		for k := h + 1; k <= end && !call; k++ {
			call = hashtagCallWords[ws[k].Text]
		}
		if actor != "" && call {
			out = append(out, struct{ actor, raw string }{actor, ws[h].Raw})
		}
		h = end
	}
	return out
}

// reportableMob are gatherings a report describes as well as an organiser
// arranges ("massa berkumpul di depan kantor KPU"): in a post with news
// words they need an invitation to count.
var reportableMob = map[string]bool{"berkumpul di": true, "kumpul di": true, "ngumpul di": true, "kumpul": true, "diantar": true,
	"iring-iringan": true, "konvoi bersama": true, "merapat": true, "ramai-ramai": true, "beramai-ramai": true,
	"ramai ramai": true}

// reAskWord is a word that asks to be told, not a rhetorical "siapa lagi".
var reAskWord = mustFre(`(?i)\b(kenapa|mengapa|gimana|bagaimana|kayapa|apakah|kah|jelasin|jelaskan|ada yang tahu|ada yang tau)\b`)

// asksOnly reports a post whose every sentence ends with a question mark
// and that asks to be told something.
func asksOnly(h *hay) bool {
	raw := h.raw
	if !strings.Contains(raw, "?") || !reAskWord.MatchString(h) {
		return false
	}
	start := 0
	for i := 0; i <= len(raw); i++ {
		if i < len(raw) && raw[i] != '.' && raw[i] != '!' && raw[i] != '?' && raw[i] != '\n' {
			continue
		}
		seg := raw[start:i]
		start = i + 1
		if !strings.ContainsFunc(seg, unicode.IsLetter) {
			continue
		}
		if (i >= len(raw) || raw[i] != '?') && !reAskTail.MatchString(seg) {
			return false
		}
	}
	return true
}

// reAskTail is a sentence that only says the author is asking ("serius
// nanya", "cuma nanya"): no call either.
var reAskTail = regexp.MustCompile(`(?i)^\s*(?:serius nanya|nanya serius|cuma nanya|cm nanya|sekadar nanya|sekedar nanya|numpang nanya|mohon pencerahan|tanya aja|serius batakun|cuma batakun|handak batakun|batakun haja)(?:\s*[\p{So}\s]*|[,;]\s.*)$`)

// measureWords before "N jari" make it a size ("sebesar 2 jari").
var measureWords = map[string]bool{"sebesar": true, "selebar": true, "setebal": true, "sepanjang": true, "setinggi": true,
	"seukuran": true, "ukuran": true, "sekitar": true, "kira": true, "kirakira": true, "kira-kira": true, "lebih": true, "kurang": true}

// policyTransport are the words after "transportasi" that make it a
// policy topic ("transportasi publik" in a debate), not a ride.
var policyTransport = map[string]bool{"publik": true, "umum": true, "massal": true, "online": true, "daring": true,
	"kota": true, "air": true, "sungai": true, "laut": true, "darat": true, "berkelanjutan": true, "terintegrasi": true}

// hashtagCallWords make a hashtag with an actor a campaign hashtag.
var hashtagCallWords = map[string]bool{"lagi": true, "tetap": true, "menang": true, "lanjut": true, "juara": true}

// hasHashtag reports a hashtag in d.
func hasHashtag(d *normalize.Doc) bool {
	if d == nil {
		return false
	}
	for i := range d.Tokens {
		if d.Tokens[i].Kind == normalize.Hashtag {
			return true
		}
	}
	return false
}

// withWords join an occasion to the party or candidate it is held with.
var withWords = map[string]bool{"bersama": true, "bareng": true, "bersama-sama": true, "dengan": true, "bersama2": true}

// withOf reports a "bersama"/"bareng" at word i of ws or the word after
// it ("lomba mancing berhadiah bersama ...").
func withOf(ws []watch.Word, i int) bool {
	return withWords[wordAt(ws, i)] || withWords[wordAt(ws, i+1)]
}

// hopeWords make a wish of what follows them ("semoga", "moga").
var hopeWords = map[string]bool{"semoga": true, "moga": true, "mudah-mudahan": true, "insyaallah": true, "aamiin": true, "amin": true, "doakan": true, "bismillah": true}

// hopeBefore reports a wish spelled with "semoga" or one of hopeWords at
// most four words before it.
func hopeBefore(ws []watch.Word, sp *pspan) bool {
	for i := sp.start; i >= 0 && i >= sp.start-4; i-- {
		if i < len(ws) && hopeWords[ws[i].Text] {
			return true
		}
	}
	return false
}

// namesSide reports a target of the post that is the ballot side actor or
// one of its members ("✌️ Rudy Seno", "☝️ Pak Isran").
func (ix *Index) namesSide(st *pstate, actor string) bool {
	a := ix.actors[actor]
	if a == nil {
		return false
	}
	for i := range st.targets {
		tg := &st.targets[i]
		if tg.num || tg.generic {
			continue
		}
		if tg.actor == actor || slices.Contains(a.Members, tg.actor) {
			return true
		}
	}
	return false
}

// raceAfter reports a race or election word at most two words after sp
// ("semoga sukses di Pilkada").
func raceAfter(spans []pspan, sp *pspan) bool {
	return slices.ContainsFunc(spans, func(o pspan) bool {
		return (o.class == cRace || o.class == cRaceY || o.class == cElec && o.name != "kampanye") && o.start > sp.end && o.start-sp.end-1 <= 2
	})
}

// poseVerbs describe a finger pose in words ("mengacungkan dua jari").
var poseVerbs = map[string]bool{"mengacungkan": true, "acungkan": true, "berpose": true, "angkat": true, "mengangkat": true}

// describedPose reports a finger pose told in words rather than a salute.
func describedPose(ws []watch.Word, sp *pspan) bool {
	return sp.start >= 0 && sp.start < len(ws) && poseVerbs[ws[sp.start].Text]
}

// raceWordIn reports an election word inside a phrase ("sukses di pilkada").
func raceWordIn(phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		switch w {
		case "pilkada", "pilgub", "pilwali", "pilpres", "pileg", "pemilu", "senayan", "parlemen", "dprd":
			return true
		}
	}
	return false
}

// civicCues are the neutral cues that exhort to vote or keep the peace:
// beside them a first-person preference is still one ("jangan golput, aku
// sih 01"); the others (netral, masih galau, dilarang ...) say no side.
var civicCues = map[string]bool{"jangan golput": true, "golput": true, "tolak golput": true, "gunakan hak pilih": true,
	"hak pilih": true, "hak suara": true, "gunakan hak suara": true, "pemilu damai": true, "pilkada damai": true,
	"beda pilihan": true, "berbeda pilihan": true, "pilihan boleh beda": true, "boleh beda pilihan": true,
	"perbedaan pilihan": true, "datang ke tps": true, "cek dpt": true, "sukseskan pemilu": true, "sukseskan pilkada": true,
	"jaga persatuan": true, "tetap rukun": true, "tolak politik uang": true, "tolak hoaks": true, "kampanye damai": true,
	"jangan terprovokasi": true, "siapapun pemenangnya": true, "siapa pun pemenangnya": true, "pemilu jurdil": true}

// futureYear reports an election year after day's in the post ("Golkar
// 2029 menang lagi"): a result word then wishes the next vote.
func futureYear(spans []pspan, day Date) bool {
	for _, sp := range spans {
		y := 0
		switch sp.class {
		case cYear:
			y, _ = strconv.Atoi(sp.name)
		case cRaceY:
			_, ys, _ := strings.Cut(sp.name, "|")
			y, _ = strconv.Atoi(ys)
		}
		if y > day.t.Year() {
			return true
		}
	}
	return false
}

// firstFrame reports a reporting word of the given name opening the post
// ("Berita: ...").
func firstFrame(spans []pspan, name string) bool {
	return len(spans) > 0 && spans[0].start == 0 && spans[0].class == cNews && spans[0].name == name
}

// aidWords join aid to whoever gives it ("sembako murah bersama Partai
// NasDem", "pengobatan gratis dari caleg Perindo").
var aidWords = map[string]bool{"bersama": true, "bareng": true, "dari": true, "persembahan": true}

// wordAt is the folded word i of ws, or "".
func wordAt(ws []watch.Word, i int) string {
	if i < 0 || i >= len(ws) {
		return ""
	}
	return ws[i].Text
}

// reOurPickNumber asks which number "we" back beside a pose: "biar sama2
// tau nomor berapa yg kita jagokan 😉☝️" names the side by its number.
var reOurPickNumber = mustFre(`(?i)\bnomor (?:berapa|brp) (?:yg|yang|nang) (?:kita|kami|ulun) (?:jagokan|jagoin|dukung|pilih|coblos)\b`)

// reWinkPose is a pose winked at: "salam satu jari dulu ☝️😉" on a
// contest's photo is no team's cheer.
var reWinkPose = mustFre(`jari\s*(?:dulu|dong|ya|yaa|nih)?\s*(?:☝️|✌️|🤟|☝|✌)?\s*(?:😉|😜|🤭|🤫)`)

// rePoseReported is a pose reported to, or by, the election supervisor.
var rePoseReported = mustFre(`(?i)\b(lapor\w*|dilaporkan|bawaslu|panwas\w*|gakkumdu)\b`)

// sloganMentions name a slogan as a thing talked about ("dilarang ikut
// yel-yel seperti salam perubahan"), not said.
var sloganMentions = map[string]bool{"seperti": true, "spt": true, "misal": true, "misalnya": true, "contoh": true,
	"contohnya": true, "kayak": true, "termasuk": true, "slogan": true, "yel-yel": true, "yel": true, "jargon": true, "semboyan": true}

// endsPost reports that only hashtags and hand signs follow word end:
// "… Salam metal tiga jari 🤘 #SatSet" ends on its slogan.
func (st *pstate) endsPost(end int) bool {
	ws := st.wordsOf()
	for k := end + 1; k < len(ws); k++ {
		if ws[k].Hashtag || ws[k].InHashtag || poseWords[ws[k].Text] {
			continue
		}
		if !slices.ContainsFunc(st.spans, func(o pspan) bool { return o.class == cHand && o.start <= k && k <= o.end }) {
			return false
		}
	}
	return true
}

// poseWords describe the pose a slogan comes with ("salam metal tiga jari").
var poseWords = map[string]bool{"satu": true, "dua": true, "tiga": true, "empat": true, "jari": true, "1": true, "2": true, "3": true}

// sloganForbids forbid what follows ("tidak boleh ikut menyanyikan oke gas").
var sloganForbids = map[string]bool{"tidak": true, "tdk": true, "gak": true, "jangan": true, "jgn": true, "dilarang": true,
	"larangan": true, "hindari": true, "kada": true, "bukan": true, "stop": true}

// signOffSlogan reports a slogan that ends the post in a sentence of its
// own, after every neutrality or civic cue: "Penertiban PKL … Mohon kerja
// samanya. Tetap joget, tetap gemoy 🕺" signs a notice off with a side's
// cheer, while "ASN dilarang ikut yel-yel seperti salam perubahan" names
// the slogan a reminder forbids.
func signOffSlogan(st *pstate, sp *pspan) bool {
	ws := st.wordsOf()
	if st.doc == nil || sp.start == 0 || !st.endsPost(sp.end) {
		return false
	}
	for k := sp.start - 1; k >= 0 && k >= sp.start-3; k-- {
		if sloganMentions[wordAt(ws, k)] {
			return false
		}
	}
	raw := st.doc.Raw
	at := strings.LastIndex(raw, ws[sp.start].Raw)
	if ws[sp.start].Raw == "" || at < 0 {
		return false
	}
	// The slogan's own sentence forbids nothing.
	for _, w := range strings.Fields(strings.ToLower(raw[strings.LastIndexAny(raw[:at], ".!?\n")+1 : at])) {
		if sloganForbids[strings.Trim(w, ",;:'\"")] {
			return false
		}
	}
	for i := range st.spans {
		n := &st.spans[i]
		if n.class != cNeutral {
			continue
		}
		if n.end >= sp.start {
			return false
		}
		from := strings.Index(raw, ws[n.end].Raw)
		if ws[n.end].Raw == "" || from < 0 || from >= at || !strings.ContainsAny(raw[from:at], ".!?\n") {
			return false
		}
	}
	return true
}

// undecidedCues say the author has not chosen yet.
var undecidedCues = map[string]bool{"masih galau": true, "masih bingung": true, "masih ragu": true,
	"belum menentukan": true, "belum menentukan pilihan": true, "pilih yang mana": true, "belum tahu mau pilih": true}

// speechVerbs introduce someone's words ("minta pendukung '...'").
var speechVerbs = map[string]bool{"minta": true, "meminta": true, "mengajak": true, "ajak": true, "berseru": true,
	"menyerukan": true, "serukan": true, "memohon": true, "mengimbau": true, "berpesan": true}

// reportedSpeech reports a call quoted from a named actor: a speech verb at
// most five words before the call, a party, candidate or pair named before
// the verb (the speaker), and a quotation mark after the verb in the post.
// "Pak Lurah mengajak warga pilih nomor 2" has no quotation: it stays a call.
func reportedSpeech(st *pstate, sp *pspan) bool {
	ws := st.wordsOf()
	for k := sp.start - 1; k >= 0 && k >= sp.start-5; k-- {
		if !speechVerbs[wordAt(ws, k)] {
			continue
		}
		speaker := slices.ContainsFunc(st.targets, func(tg ptarget) bool { return !tg.num && !tg.generic && tg.end < k })
		if !speaker || st.doc == nil {
			return false
		}
		raw := st.doc.Raw
		if at := strings.Index(raw, ws[k].Raw); ws[k].Raw != "" && at >= 0 {
			raw = raw[at:]
		}
		return strings.ContainsAny(raw, "'\"“”‘’")
	}
	return false
}

// choiceFillers may stand between a party and its "pilih" ("Golkar Kaltim
// resmi pilih ...").
var choiceFillers = map[string]bool{"resmi": true, "akhirnya": true, "juga": true, "kaltim": true, "samarinda": true,
	"justru": true, "memutuskan": true, "sepakat": true, "kembali": true}

// partyChoice reports a "pilih" whose subject is a party: the party or
// "partainya" right before it, with at most two fillers between ("PDI-P
// pilih Isran-Hadi", "NasDem dan PKS pilih usung ..."). That is a
// nomination reported, not a call to voters.
func partyChoice(st *pstate, sp *pspan) bool {
	if sp.name != "pilih" && sp.name != "memilih" {
		return false
	}
	ws := st.wordsOf()
	k := sp.start - 1
	for n := 0; n < 2 && k >= 0 && choiceFillers[wordAt(ws, k)]; n++ {
		k--
	}
	if k < 0 || slices.ContainsFunc(st.spans, func(s pspan) bool { return s.class == cFirst }) {
		return false // "Golkar pilih Rudy-Seno, kita juga!": the author joins the choice
	}
	if w := wordAt(ws, k); w == "partainya" || w == "partai-partai" {
		return true
	}
	return slices.ContainsFunc(st.targets, func(tg ptarget) bool { return tg.party && tg.end == k })
}

// eventTalk reports words of a campaign event, an occasion or attendance
// in the post: a news outlet's post with them reports the event ("Rudy-Seno
// membawa energi baru ke kampanye dialogis di Palaran").
func eventTalk(spans []pspan) bool {
	return slices.ContainsFunc(spans, func(sp pspan) bool {
		switch sp.class {
		case cEvent, cOccasion, cMob, cAttend:
			return true
		case cElec:
			return sp.name == "kampanye" || sp.name == "relawan" || sp.name == "tim pemenangan" || sp.name == "timses" || sp.name == "tim sukses"
		}
		return false
	})
}

// pairOf is the first pair of the catalog with id as a member, or id
// itself.
func (ix *Index) pairOf(id string) string {
	for i := range ix.cat.Actors {
		if a := &ix.cat.Actors[i]; a.Kind == "pair" && slices.Contains(a.Members, id) {
			return a.ID
		}
	}
	return id
}

// opinionFrames open an opinion piece of a newspaper or a portal.
var opinionFrames = map[string]bool{"tajuk": true, "kolom": true, "opini": true, "editorial": true}

// advocacyPhrases argue for a side in an opinion piece ("sudah
// membuktikan", "sepatutnya memberi mandat kedua", "pilihan cerdas").
var advocacyPhrases = [][]string{
	{"sudah", "membuktikan"}, {"telah", "membuktikan"}, {"sepatutnya", "memberi"}, {"sepatutnya", "diberi"},
	{"sepatutnya", "mendapat"}, {"sepatutnya", "dipilih"}, {"sepatutnya", "memimpin"}, {"sepatutnya", "menjadi", "pilihan"},
	{"sepatutnya", "kembali"}, {"seharusnya", "dipilih"}, {"mandat", "kedua"},
	{"adalah", "pilihan"}, {"pilihan", "cerdas"}, {"pilihan", "rasional"}, {"pilihan", "tepat"}, {"pilihan", "terbaik"},
	{"pilihan", "paling"}, {"satu-satunya", "harapan"}, {"satunya", "harapan"}, {"sudah", "waktunya"}, {"sudah", "saatnya"},
	{"saatnya"}, {"layak", "dipercaya"}, {"layak", "dipilih"}, {"paling", "bersih"}, {"paling", "siap"}, {"paling", "layak"},
	{"membawa", "energi"}, {"membawa", "semangat"}, {"energi", "yang", "dibutuhkan"}, {"yang", "dibutuhkan"},
	{"berganti", "nakhoda"}, {"ganti", "nakhoda"}, {"nakhoda", "baru"}, {"layak", "mendapat"}, {"pantas", "mendapat"},
	{"kursi", "lebih", "banyak"}, {"lebih", "banyak", "kursi"}, {"suara", "lebih", "besar"}, {"perlu", "memberi"},
	{"adalah", "jawaban"}, {"jawaban", "atas"}, {"patut", "memberi"}, {"patut", "diberi"}, {"patut", "dipilih"},
	{"tambahan", "kursi"}, {"menambah", "kursi"}, {"kursi", "bertambah"}, {"lebih", "banyak", "suara"}, {"perlu", "diberi"},
	{"sepatutnya", "menambah"}, {"menambah", "kursinya"}, {"tambah", "kursi"},
}

type opinionCall struct {
	actor      string
	start, end int
}

// advocacyByFirst indexes advocacyPhrases by their first word, in their
// order: opinionCalls tries at each word only the phrases that start
// with it.
var advocacyByFirst = func() map[string][][]string {
	m := map[string][][]string{}
	for _, ph := range advocacyPhrases {
		m[ph[0]] = append(m[ph[0]], ph)
	}
	return m
}()

// opinionCalls finds, in a post that opens with an opinion frame ("Tajuk:",
// "OPINI |", "Editorial:", "Catatan Redaksi:") or, when outlet is set, in a
// news outlet's post with no reporting words, each advocacy phrase with the nearest party,
// candidate, pair or ballot number within six words of it. A ballot number
// resolves against the races open on the day. News, neutral opinion ("ASN
// sepatutnya netral") and phrases with no side near are not calls.
func (ix *Index) opinionCalls(st *pstate, day Date, outlet bool) []opinionCall {
	if len(st.targets) == 0 {
		return nil // gate: a call is read next to a target
	}
	ws := st.wordsOf()
	if len(ws) == 0 || !outlet && !opinionFrames[ws[0].Text] && !(ws[0].Text == "catatan" && wordAt(ws, 1) == "redaksi") {
		return nil
	}
	var out []opinionCall
	for k := range ws {
		for _, ph := range advocacyByFirst[ws[k].Text] {
			if outlet && len(ph) < 2 || k+len(ph) > len(ws) || !slices.EqualFunc(ws[k:k+len(ph)], ph, func(w watch.Word, p string) bool { return w.Text == p }) {
				continue
			}
			e := k + len(ph) - 1
			best, dist := -1, 7
			sides := map[string]bool{}
			for j := range st.targets {
				tg := &st.targets[j]
				if tg.generic || tg.office && !tg.num {
					continue
				}
				if a := ix.actors[tg.actor]; !tg.num && (a == nil || a.Kind == "program" || a.Kind == "") {
					continue
				}
				d := k - tg.end
				if tg.start > e {
					d = tg.start - e
				}
				if d >= 0 && d < 7 {
					sides[ix.pairOf(tg.actor)] = true // "Rudy Mas'ud dan Seno Aji": one pair
				}
				if d >= 0 && d < dist {
					best, dist = j, d
				}
			}
			if best < 0 || len(sides) > 1 {
				continue // "Isran-Hadi dan Rudy-Seno sepatutnya ...": no one side
			}
			tg := &st.targets[best]
			actor := tg.actor
			if n, ok := strings.CutPrefix(actor, "ballot-"); ok && !day.IsZero() {
				actor = ix.resolveNumber(n, nil, day, true)
			}
			out = append(out, opinionCall{actor: actor, start: min(k, tg.start), end: max(e, tg.end)})
		}
	}
	return out
}

// beneficiaryWords say whom aid is for ("bantuan ambulans untuk warga"):
// beside thanks they do not promote the giver.
var beneficiaryWords = map[string]bool{"untuk warga": true, "bagi warga": true, "untuk masyarakat": true, "bagi masyarakat": true}

// thanksWords are the spellings of thanks.
var thanksWords = map[string]bool{"terima kasih": true, "makasih": true, "trimakasih": true, "berterima kasih": true,
	"mengapresiasi": true, "apresiasi": true}

// crowdWords are attending, filling or welcoming an event ("memenuhi
// lapangan", "atas partisipasinya").
var crowdWords = map[string]bool{"hadir": true, "memenuhi": true, "memadati": true, "meramaikan": true,
	"memeriahkan": true, "datang": true, "padati": true, "penuhi": true, "menghadiri": true, "berhadir": true,
	"partisipasi": true, "partisipasinya": true, "kehadiran": true, "meluangkan": true, "antusias": true,
	"antusiasnya": true, "ikut": true, "turut": true, "sambut": true, "menyambut": true, "penyambutan": true,
	"menyukseskan": true, "mensukseskan": true, "sukseskan": true, "mengerahkan": true, "menggerakkan": true,
	"kehadirannya": true, "antusiasme": true, "sambutan": true}

// welcomeWords are a welcome or a gathering of a side's people: the
// gathering itself when the side follows ("menyambut kedatangan pasangan
// Rudy-Seno", "penyambutan Isran-Hadi", "rapat koordinasi relawan AH-SZ").
var welcomeWords = map[string]bool{"sambut": true, "menyambut": true, "penyambutan": true, "kedatangan": true, "sambutan": true,
	"menjemput": true, "penjemputan": true, "relawan": true, "pemenangan": true, "konsolidasi": true, "rombongan": true}

// sideLinks may stand between an occasion and the side holding it
// ("Silaturahmi Akbar Rudy-Seno", "kampanye bersama Paslon ...").
var sideLinks = map[string]bool{"akbar": true, "bersama": true, "bareng": true, "dengan": true, "paslon": true,
	"tim": true, "pasangan": true, "relawan": true, "kandidat": true, "calon": true, "kedatangan": true,
	"rombongan": true, "kunjungan": true, "kampanye": true, "konsolidasi": true, "pak": true, "bapak": true,
	"untuk": true, "kepada": true, "bagi": true,
	"bu": true, "ibu": true, "bang": true, "cagub": true, "cawali": true}

// ownThanks is the account's own thanks in the post: a thanks word whose
// subject is not a party or candidate ("Rudy Mas'ud berterima kasih ..."
// reports the candidate's thanks), or nil.
func (ix *Index) ownThanks(st *pstate) *pspan {
	for i := range st.spans {
		sp := &st.spans[i]
		if sp.class != cPromo || !thanksWords[sp.name] || ix.negated(st.spans, i, 1) {
			continue
		}
		subject := slices.ContainsFunc(st.targets, func(tg ptarget) bool {
			return !tg.num && tg.end < sp.start && sp.start-tg.end-1 <= 2
		})
		if !subject {
			return sp
		}
	}
	return nil
}

// thankedAttendance finds, in a post that thanks, an attendance or welcome
// word and an occasion, a campaign event or a welcome held by a party,
// candidate or pair named at most three words after it (not an office
// holder, who holds official events). It returns the occasion's span.
func (ix *Index) thankedAttendance(st *pstate) *pspan {
	ws := st.wordsOf()
	crowd := false
	for k := range ws {
		crowd = crowd || crowdWords[ws[k].Text] || crowdWords[ws[k].Stem]
	}
	if !crowd {
		return nil
	}
	held := func(end int) bool {
		k := end + 1
		for n := 0; n < 3 && sideLinks[wordAt(ws, k)]; n++ {
			k++
		}
		for j := range st.targets {
			tg := &st.targets[j]
			if tg.start > end && tg.start <= k && !tg.office && !tg.honor && (!tg.num || tg.explicit) && !tg.generic {
				return true
			}
		}
		return false
	}
	for i := range st.spans {
		sp := &st.spans[i]
		if (sp.class == cOccasion || sp.class == cEvent) && !ix.negated(st.spans, i, 1) && held(sp.end) {
			return sp
		}
	}
	for k := range ws {
		if (welcomeWords[ws[k].Text] || welcomeWords[ws[k].Stem]) && held(k) {
			return &pspan{class: cOccasion, name: ws[k].Text, start: k, end: k}
		}
	}
	return nil
}

// continuationWish are wishes that an office holder's mandate go on: a
// wish for another term ("semoga amanahnya terus berlanjut").
var continuationWish = map[string]bool{}

func init() {
	for _, w := range continuationWishes {
		continuationWish[w] = true
	}
}

// continuationWishes spell the wish of another term.
var continuationWishes = []string{"amanahnya terus berlanjut", "amanahnya berlanjut", "amanah beliau terus berlanjut",
	"amanah beliau berlanjut", "mandatnya terus berlanjut", "mandatnya berlanjut", "mandat beliau terus berlanjut",
	"mandat beliau berlanjut", "kepemimpinannya berlanjut", "kepemimpinannya terus berlanjut",
	"kepemimpinan beliau berlanjut", "kepemimpinan beliau terus berlanjut", "amanahnya berlanjut di periode berikutnya"}

// officeWords before "dari Partai X" make the party an official's
// affiliation ("Ketua DPRD Samarinda dari Partai Gerindra").
var officeWords = map[string]bool{"dprd": true, "dpr": true, "dpd": true, "dewan": true, "anggota": true, "ketua": true,
	"legislator": true, "wakil": true, "komisi": true, "menteri": true}

// allAffiliations reports every party in tgs named as an official's
// affiliation ("Fraksi PDI Perjuangan", "anggota DPRD dari Partai
// Gerindra"), outside the party's campaign on day.
func (ix *Index) allAffiliations(st *pstate, tgs []*ptarget, day Date) bool {
	ws := st.wordsOf()
	for _, tg := range tgs {
		if ix.campaigning(tg.actor, day) {
			return false
		}
		affil := slices.ContainsFunc(st.spans, func(o pspan) bool {
			return o.class == cAffil && o.end < tg.start && tg.start-o.end-1 <= 1
		})
		if !affil && wordAt(ws, tg.start-1) == "dari" {
			for k := tg.start - 2; k >= 0 && k >= tg.start-6; k-- {
				if officeWords[wordAt(ws, k)] {
					affil = true
					break
				}
			}
		}
		if !affil {
			return false
		}
	}
	return len(tgs) > 0
}

// forSlogans finds "<party, candidate or pair> for <place>" ("Rudy for
// Kaltim", "Seno Aji for Kaltim 1️⃣ 2029") in a post that also has a
// number emoji (1️⃣) or a general-election year: a campaign slogan. Without
// either, "Pak Rudy for Kaltim" is too often a cheer for an office holder's
// work.
func (ix *Index) forSlogans(st *pstate) []opinionCall {
	if st.doc == nil {
		return nil
	}
	keycap := strings.Contains(st.doc.Raw, "\u20e3")
	year := slices.ContainsFunc(st.spans, func(sp pspan) bool { return sp.class == cYear })
	if !keycap && !year || len(st.targets) == 0 {
		return nil
	}
	ws := st.wordsOf()
	var out []opinionCall
	for i := range st.targets {
		tg := &st.targets[i]
		if tg.num || tg.generic || wordAt(ws, tg.end+1) != "for" || wordAt(ws, tg.end+2) == "" {
			continue
		}
		if a := ix.actors[tg.actor]; a == nil || a.Kind == "program" || a.Kind == "" {
			continue
		}
		out = append(out, opinionCall{actor: tg.actor, start: tg.start, end: tg.end + 2})
	}
	return out
}

// eveDecided stand between "besok" and a ballot number said as a choice
// made ("besok fix 02", "besok pasti 01").
var eveDecided = map[string]bool{"fix": true, "pasti": true, "tetap": true, "tetep": true, "auto": true,
	"langsung": true, "pokoknya": true, "mantap": true}

// eveWords name polling day from the days before it ("besok 01 yaa").
var eveWords = map[string]bool{"besok": true, "besuk": true, "lusa": true, "nanti": true}

// monthWords make a number before them a date.
var monthWords = map[string]bool{"januari": true, "februari": true, "maret": true, "april": true, "mei": true,
	"juni": true, "juli": true, "agustus": true, "september": true, "oktober": true, "november": true,
	"desember": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "agu": true,
	"agt": true, "sep": true, "okt": true, "nov": true, "des": true}

// eveParticles follow a number said as a choice ("02 yaa", "03 ya gaes").
var eveParticles = map[string]bool{"ya": true, "yaa": true, "yah": true, "yuk": true, "ok": true, "oke": true,
	"lho": true, "loh": true, "dong": true, "gaes": true, "guys": true, "pokoknya": true}

// eveNumber reads "besok 01 yaa" (a bare ballot number right after "besok"
// or "besok pagi", said in the three days before a pair race's polling
// day, written "01" or followed by "ya") as the author's side. "Besok 01
// Februari" or "besok 2 orang" on other days are not.
func (ix *Index) eveNumber(st *pstate, tg *ptarget, day Date) string {
	if day.IsZero() || tg.explicit {
		return ""
	}
	ws := st.wordsOf()
	k := tg.start - 1
	decided := eveDecided[wordAt(ws, k)]
	if decided {
		k-- // "besok fix 02": the author has decided
	}
	if w := wordAt(ws, k); w == "pagi" || w == "siang" {
		k--
	}
	if !eveWords[wordAt(ws, k)] || tg.start != tg.end {
		return ""
	}
	if decided {
		// "besok fix 02": a choice declared while a pair race is open.
		for _, r := range ix.openRaces(day) {
			if e := ix.elections[r]; e.Kind != "pileg" && !e.Vote.Before(day) {
				if id, ok := ix.byRace[r][strings.TrimLeft(ws[tg.start].Text, "0")]; ok {
					return id
				}
			}
		}
	}
	if !decided && !eveCompanion(st, ws) {
		return "" // "besok pagi 02 yaa, rapat persiapan TPS": no sign of a vote
	}
	if monthWords[wordAt(ws, tg.end+1)] {
		return "" // "besok 01 Februari": a date
	}
	raw := ws[tg.start].Raw
	if !(len(raw) == 2 && raw[0] == '0') && !eveParticles[wordAt(ws, tg.end+1)] {
		return ""
	}
	n := ws[tg.start].Text
	for _, r := range ix.openRaces(day) {
		e := ix.elections[r]
		if e.Kind == "pileg" || day.Before(e.Vote.AddDays(-3)) || e.Vote.Before(day) {
			continue
		}
		if id, ok := ix.byRace[r][strings.TrimLeft(n, "0")]; ok {
			return id
		}
	}
	return ""
}

// seatWords before "masuk DPRD" make it winning seats ("suara buruh harus
// masuk DPRD").
var seatWords = map[string]bool{"suara": true, "kursi": true, "caleg": true, "kader": true, "wakil": true}

// eveCompanion reports what makes "besok 01 yaa" a vote: a prayer or hope
// ("bismillah", "amin", 🙏), a reminder ("jangan lupa"), or a pair named.
func eveCompanion(st *pstate, ws []watch.Word) bool {
	if st.doc != nil && strings.ContainsAny(st.doc.Raw, "🙏🤲") {
		return true
	}
	for k := range ws {
		if hopeWords[ws[k].Text] || ws[k].Text == "lupa" && wordAt(ws, k-1) == "jangan" {
			return true
		}
	}
	return slices.ContainsFunc(st.targets, func(tg ptarget) bool { return !tg.num && !tg.generic && tg.actor != "" })
}

// distinctActors counts the different actors among targets: three or more
// thanked or served alike are a list, not a side.
func distinctActors(tgs []*ptarget) int {
	var seen []string
	for _, tg := range tgs {
		if !slices.Contains(seen, tg.actor) {
			seen = append(seen, tg.actor)
		}
	}
	return len(seen)
}

// reUnlistedSide is a side the catalog may not list, named by its shape:
// a pair's, candidate's or volunteers' acronym ("paslon RAFI", "relawan
// FAIR", "kampanye akbar RADEKA").
var reUnlistedSide = mustFre(`\b(?i:paslon|pasangan|cawali|cagub|caleg|relawan|tim pemenangan|kampanye akbar|kampanye|posko)\s+([A-Z]{3,8})\b`)

// unlistedSide is the generic actor of the first side named by its shape,
// or "".
func unlistedSide(hy *hay) string {
	for _, m := range reUnlistedSide.FindAllStringSubmatch(hy, -1) {
		if !acronymStop[m[1]] && !acronymNotSide[m[1]] && !acronymCivic[m[1]] && !reCivicVolunteers.MatchString(hy) {
			return "unlisted:calon-" + strings.ToLower(m[1])
		}
	}
	return ""
}

// reMusic marks a concert, a band or a contest: "salam metal" there is
// music or a cheer.
var reMusic = mustFre(`(?i)(\b(?:band|musik|konser|gitar|rock|metalhead|festival|lomba|juara)\b|🎸)`)

// isOption reports an actor that is a ballot option (the empty box), not a
// party or candidate.
func (ix *Index) isOption(id string) bool {
	a := ix.actors[id]
	return a != nil && a.Kind == "option"
}

// reCommunityVote marks a vote beside a community's role ("Ketua terpilih
// calon nomor urut 3" at a cooperative's meeting).
var reCommunityVote = mustFre(`(?i)\b(?:terpilih|pemilihan|nomor urut|calon)\b`)
