package sentiment

import (
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// The linear model learned from reviews, translated review sentences and
// tweets; posts written to and about a city miss in a few regular ways
// (issue #21). The rules below decide those classes before the model does;
// each is written from cues of the normalised tokens (slang and Banjar
// already mapped to Indonesian, emoji to emo_* tokens), was tuned on the
// Samarinda dev set (testdata/samarinda_dev.jsonl) and checked against the
// public sets' train and valid splits (README, section Sentiment).

// cue flags of single normalised tokens.
const (
	cPraise        uint32 = 1 << iota // praise words a sarcastic post wraps a complaint in
	cComplaint                        // a problem of the city: flood, pothole, outage, queue…
	cIrony                            // 👏 🙃 🙄 and ironic words (prestasi, konsisten)
	cResolved                         // a repair or a service told as done (ditambal, surut…)
	cPending                          // still not done (belum, molor…)
	cRhetoric                         // a question that complains (kenapa, kok, masa…)
	cQuestion                         // question words (apa, kapan, berapa…)
	cRequest                          // request words (mohon, tolong…)
	cCampaign                         // campaign words (dukung, relawan, coblos…)
	cCheer                            // enthusiasm (ayo, siap, semangat, optimis…)
	cAgainst                          // words against a candidate or a campaign
	cTimeUnit                         // hari, minggu, bulan, tahun
	cThanks                           // thanks (terima kasih is a bigram, see thanks)
	cEnPos                            // English praise
	cEnNeg                            // English complaint
	cEmoPos                           // positive emoji
	cEmoNeg                           // negative emoji
	cStrongNeg                        // plainly negative words (parah, kecewa…)
	cStill                            // masih, tetap, terus: a state that goes on
	cNumeral                          // a count word (tiga, beberapa) before a time unit
	cProcess                          // how a service works (lapor, syarat, nomor…)
	cDone                             // a repair told as done: sudah, akhirnya, sekarang…
	cClose                            // a closing word of praise or thanks (makasih, salut, puas)
	cSupport                          // support of a candidate: "sat set", "kerja nyata", "terbukti"
	cSupportStrong                    // support on its own: "sat set", "gaspol", "dukung penuh"
)

var cueWords = map[string]uint32{}

// months are the month names: two of them in a post ("dimulai Maret,
// Desember masih…") tell a length of time.
var months = map[string]bool{}

func init() {
	for _, m := range strings.Fields("januari februari maret april mei juni juli agustus september oktober november desember") {
		months[m] = true
	}
}

// bigramHead holds the first words of the two-word cues ("terima" of
// terima_kasih), so that only they make the scan build a pair.
var bigramHead = map[string]bool{}

func addCues(flag uint32, words string) {
	for _, w := range strings.Fields(words) {
		cueWords[w] |= flag
		if i := strings.IndexByte(w, '_'); i > 0 {
			bigramHead[w[:i]] = true
		}
	}
}

func init() {
	addCues(cPraise, "keren mantap hebat hebatnya bangga selamat prestasi salut juara amazing wow asyik bagus cantik efisien cepat luar_biasa good_job terima_kasih makasih great awesome")
	addCues(cComplaint, "banjir kolam danau bolong lubang berlubang rusak mati padam macet sampah menumpuk numpuk antre antri antrean offline becek berlumpur mampet tersumbat gelap tenggelam kubangan molor genangan tergenang hilang parkiran digali mengungsi janji bau retak keruh lambat terendam air_naik")
	addCues(cIrony, "emo_tepuk emo_u1f643 emo_kesal emo_sinis")
	addCues(cResolved, "ditambal diperbaiki diganti dikeruk diangkut dipadamkan dipotong dicor diaspal dicat surut berfungsi rampung tertangani membaik")
	addCues(cPending, "belum molor tanpa_pemberitahuan tanpa_ada tindak_lanjut ada_kabar masih_dalam padahal ditolak terbengkalai mangkrak")
	addCues(cRhetoric, "kenapa mengapa masa kok sih serius gunanya capek sampai_kapan why pikir yakin percaya percayakah perlukah siapa napang gerang becus mending")
	addCues(cQuestion, "apa apakah bagaimana gimana kapan berapa mana kah dimana bisa syarat cara jadwal prosedur lokasi admin kak kakak")
	addCues(cRequest, "mohon tolong batakun tanya informasi informasinya info")
	addCues(cCampaign, "dukung mendukung dukungan menangkan memenangkan menang kemenangan relawan paslon coblos pilih lanjutkan kampanye deklarasi periode putaran")
	addCues(cCheer, "ayo ayuha siap semangat optimis bangga insyaallah mari gas bersama emo_semangat emo_api")
	addCues(cAgainst, "tolak jangan curang bohong korupsi politik_uang golput hoaks fitnah")
	addCues(cTimeUnit, "hari minggu bulan tahun pekan jam musim kali")
	addCues(cThanks, "kasih_atas kasih_untuk kasih_buat kasih_kepada kasih_banyak berterima_kasih thanks thank alhamdulillah tarima_kasih")
	addCues(cEnPos, "love great best amazing nice good awesome proud respect recommended beautiful clean smooth fast helpful heroes happy chill cool thanks thank fixed enjoy perfect")
	addCues(cEnNeg, "bad worst terrible disappointed annoying unacceptable nightmare sad tired insane unbearable waste ugh hate awful slow broken stuck poor horrible")
	addCues(cEmoPos, "emo_cinta emo_api emo_bintang emo_jempol emo_sempurna emo_pesta emo_senyum emo_keren emo_juara emo_semangat emo_oke emo_syukur emo_bunga emo_peluk emo_centang")
	addCues(cEmoNeg, "emo_sedih emo_banjir emo_marah emo_kesal emo_lelah emo_jempol_bawah emo_patah_hati emo_jijik emo_pusing emo_sakit emo_tolak emo_memelas")
	addCues(cStill, "masih tetap terus still")
	addCues(cNumeral, "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh beberapa berapa belas puluh")
	addCues(cCampaign, "komando maju perubahan bergerak")
	addCues(cProcess, "lapor pengaduan nomor daftar mendaftar syarat cara prosedur jadwal lokasi layanan")
	addCues(cResolved, "hidup_lagi normal_lagi mengalir_lagi bersih_lagi menyala_lagi lancar_lagi")
	addCues(cDone, "sudah telah akhirnya sekarang langsung berhasil habis selesai kini")
	addCues(cStrongNeg, "parah kecewa jatuh buruk kesal marah muak sarik muar kasar pungli diperas")
	// Round 2 (issue #21, dev2): the miss classes of an independent set (described by class, never by text).
	addCues(cPraise, "bersih indah manis rapi mulus puas")
	addCues(cIrony, "lancar_jaya emo_badut")
	addCues(cComplaint, "berantakan liar makin_ramai tumbang bocor mogok kebakaran sesak")
	addCues(cPending, "diproses menunggu_verifikasi menunggu_konfirmasi tanpa_rambu tanpa_penjelasan ada_penjelasan ada_jawaban")
	addCues(cResolved, "nyala menyala jernih dievakuasi ditangani dibersihkan dibantu diamankan datang")
	addCues(cDone, "cuma hanya besoknya dalam cepat tadi")
	addCues(cClose, "makasih terima_kasih salut puas respons_cepat respon_cepat mantap tarima_kasih thanks")
	addCues(cSupport, "sat_set gaspol gaspoll gas_pol gas_terus tancap_gas all_in teruskan lanjut terbukti kerja_nyata bekerja_nyata bukti_nyata bukan_janji solid kompak sepakat_milih sepakat_memilih dukung_penuh ada_saingan ada_lawan ada_dengan pasti_bekerja")
	addCues(cSupportStrong, "sat_set gaspol gaspoll gas_pol tancap_gas all_in kerja_nyata bukti_nyata dukung_penuh")
	addCues(cCheer, "emo_u261d emo_damai emo_u270a emo_cinta emo_senyum emo_jempol")
	addCues(cEnNeg, "non-existent nonexistent flood flooded flooding outage")
	addCues(cEmoNeg, "emo_u1f311")
}

// Rule names, as `dengar tag --explain` shows them.
const (
	RuleSarcasm   = "rule:sarcasm"
	RuleResolved  = "rule:report_praise"
	RuleFact      = "rule:complaint_as_fact"
	RuleQuestion  = "rule:question_or_request"
	RuleCampaign  = "rule:campaign_support"
	RuleEmoji     = "rule:emoji_short"
	RuleCodeMixed = "rule:english_polarity"
	RuleThanks    = "rule:report_thanks"
	RuleSupport   = "rule:candidate_support"
	RuleRepeat    = "rule:errand_repeated"
	RuleQueue     = "rule:queue_hours"
)

// decision is the outcome of the rules: a label and the rule with the
// cues that decided, or no label.
type decision struct {
	label string
	rule  string
	cues  []string
}

// scan is the cue summary of a document.
type scan struct {
	flags         uint32
	count         [32]uint8
	words         int
	qmarks        int
	qrun          int // the most question marks in a row ("??")
	bangs         int
	duration      bool // "sudah 3 bulan", "sejak", "tiap tahun", "bertahun-tahun"
	negRes        bool // a resolution cue negated ("tidak diangkut")
	done          bool // a resolution cue follows sudah, akhirnya, sekarang…
	resAt, compAt int  // index of the last resolution and complaint cue (0: none)
	ironyEmoji    bool // 🙃 or a smirk: irony whatever else is said
	span          bool // a length of time ("tiga bulan", "sebulan")
	number        bool // a candidate number: "nomor 2", "no 01"
	repeat        bool // "3 kali pula": the same errand over and over
	clocks        int  // clock times ("jam 7")
	months        int  // month names
	softIrony     bool // 😇 🥰 😌 🤡: irony when praise opens a complaint
	praiseAt      int  // index of the first praise cue (0: none)
	closeAt       int  // index of the last closing praise (0: none)
	pendAt        int  // index of the last pending cue (0: none)
	compNeg       int  // complaint cues negated ("bukan janji")
	contrast      bool // tapi, padahal: praise then "but"
	cues          []string
	explain       bool
}

func (s *scan) add(flag uint32, w string) {
	s.flags |= flag
	for b := 0; flag != 0; b++ {
		if flag&1 != 0 && s.count[b] < 255 {
			s.count[b]++
		}
		flag >>= 1
	}
	if s.explain {
		s.cues = append(s.cues, w)
	}
}

func (s *scan) has(f uint32) bool { return s.flags&f != 0 }

func (s *scan) n(f uint32) int {
	for b := 0; b < 32; b++ {
		if f == 1<<b {
			return int(s.count[b])
		}
	}
	return 0
}

func scanDoc(d *normalize.Doc, explain bool) scan {
	s := scan{explain: explain}
	toks := d.Tokens
	prev := ""
	for i, t := range toks {
		switch t.Kind {
		case normalize.Punct:
			switch {
			case strings.HasPrefix(t.Raw, "?"):
				q := strings.Count(t.Raw, "?")
				s.qmarks += q
				s.qrun = max(s.qrun, q)
			case strings.HasPrefix(t.Raw, "!"):
				s.bangs++
			}
			prev = ""
			continue
		case normalize.Emoji:
			if t.Norm == "emo_u1f643" || t.Norm == "emo_sinis" || t.Norm == "emo_badut" {
				s.ironyEmoji = true
			}
			switch strings.TrimRight(t.Raw, "\ufe0f") {
			case "😇", "🥰", "😌":
				s.softIrony = true
			}
			if f := cueWords[t.Norm]; f != 0 {
				s.add(f, t.Norm)
			}
			prev = ""
			continue
		case normalize.Word, normalize.Number:
		default:
			prev = ""
			continue
		}
		w := t.Norm
		if strings.IndexByte(w, ' ') >= 0 {
			w = strings.ReplaceAll(w, " ", "_")
		}
		if t.Kind == normalize.Word {
			s.words++
		}
		if prev != "" && bigramHead[prev] {
			if f := cueWords[prev+"_"+w]; f != 0 {
				s.add(f, prev+" "+w)
			}
		}
		f := cueWords[w]
		if f == 0 && t.Stem != "" && t.Stem != w {
			f |= cueWords[t.Stem] & cComplaint
		}
		if a, b, ok := strings.Cut(w, "-"); f == 0 && ok && a == b {
			// reduplicated plural: kubangan-kubangan
			f |= cueWords[a] & cComplaint
		}
		if f&cComplaint != 0 && t.Negated {
			s.compNeg++
		}
		if f&cPraise != 0 && s.praiseAt == 0 {
			s.praiseAt = i + 1
		}
		if f&cClose != 0 {
			s.closeAt = i + 1
		}
		if f&cPending != 0 {
			s.pendAt = i + 1
		}
		if f != 0 {
			switch {
			case t.Negated && f&cResolved != 0:
				s.negRes = true
				s.add(cPending, "tidak "+w)
			case t.Negated && f&cComplaint != 0 && i+1 < len(toks) && toks[i+1].Norm == "lagi":
				// "tidak tergenang lagi": a problem that is over
				s.add(cResolved, "tidak "+w+" lagi")
				s.done = true
				s.resAt = i + 1
			case t.Negated && f&(cEnPos|cEnNeg) != 0:
				s.add(f&^(cEnPos|cEnNeg)|(f&cEnPos)<<1|(f&cEnNeg)>>1, "not "+w)
			default:
				s.add(f, w)
				if f&cResolved != 0 {
					s.resAt = i + 1
					for j := max(0, i-3); j < i; j++ {
						if cueWords[toks[j].Norm]&cDone != 0 {
							s.done = true
						}
					}
				}
				if f&cComplaint != 0 {
					s.compAt = i + 1
				}
			}
		}
		if (t.Kind == normalize.Number || f&cNumeral != 0) && i+1 < len(toks) && cueWords[toks[i+1].Norm]&cTimeUnit != 0 ||
			strings.HasPrefix(w, "se") && len(w) > 3 && cueWords[w[2:]]&cTimeUnit != 0 {
			s.span = true
		}
		if (w == "sudah" || w == "sejak" || w == "tiap" || w == "setiap" || w == "selama") && i+1 < len(toks) {
			// sudah 3 bulan, sejak Januari, tiap tahun, selama seminggu
			n := toks[i+1].Norm
			if w == "sejak" || cueWords[n]&cTimeUnit != 0 || strings.HasPrefix(n, "se") && cueWords[strings.TrimPrefix(n, "se")]&cTimeUnit != 0 {
				s.duration = true
				s.add(0, w+" "+n)
			} else if i+2 < len(toks) && cueWords[toks[i+2].Norm]&cTimeUnit != 0 {
				s.duration = true
				s.add(0, w+" "+n+" "+toks[i+2].Norm)
			}
		}
		if (w == "nomor" || w == "no" || w == "nomer") && i+1 < len(toks) && toks[i+1].Kind == normalize.Number && candidateNumber(toks[i+1].Norm) {
			s.number = true
			s.add(0, w+" "+toks[i+1].Norm)
		}
		if w == "jam" && i+1 < len(toks) && toks[i+1].Kind == normalize.Number {
			s.clocks++
		}
		if w == "tapi" || w == "tetapi" || w == "tp" {
			s.contrast = true
		}
		if months[w] {
			s.months++
		}
		if w == "pula" && i > 0 && toks[i-1].Norm == "kali" {
			s.repeat = true
			s.add(0, "kali pula")
		}
		if w == "bertahun-tahun" || w == "berbulan-bulan" || w == "berminggu-minggu" || w == "kalinya" {
			s.duration = true
			s.add(0, w)
		}
		if prev != "" && bigramHead[prev] {
			// positions of two-word cues ("terima kasih" closing a post)
			f2 := cueWords[prev+"_"+w]
			if f2&cClose != 0 {
				s.closeAt = i + 1
			}
			if f2&cPending != 0 {
				s.pendAt = i + 1
			}
			if f2&cPraise != 0 && s.praiseAt == 0 {
				s.praiseAt = i + 1
			}
		}
		prev = w
		if k := strings.LastIndexByte(w, '_'); k >= 0 {
			if f := cueWords[w]; f != 0 {
				s.add(f, w)
			}
			prev = w[k+1:]
		}
	}
	return s
}

// resolvedFirst reports whether the post tells a problem, then a repair,
// then the praise: a report, not irony.
func resolvedFirst(s *scan) bool {
	return s.compAt > 0 && s.resAt > s.compAt && s.praiseAt > s.resAt
}

// candidateNumber reports whether n is a ballot number (1–5, 01–05).
func candidateNumber(n string) bool {
	n = strings.TrimPrefix(n, "0")
	return len(n) == 1 && n[0] >= '1' && n[0] <= '5'
}

// ruleGate is the model confidence below which a rule may overrule the
// model; at or above it the model keeps its label. Sarcasm markers and
// emoji-only posts always decide. The gates were chosen on the train and
// valid splits of the public sets (never their test splits) and the dev
// set (per rule, the net gain in right labels at gates 0.5…1.0): above
// these gates the rules cost SmSA valid labels; at them they cost at most
// one and gain on the vaccine folds 0–3, Indonglish valid and dev.
var ruleGate = map[string]float64{
	RuleSarcasm:   1.01,
	RuleEmoji:     1.01,
	RuleCodeMixed: 0.9,
	RuleResolved:  0.9,
	RuleFact:      0.8,
	RuleQuestion:  0.9,
	RuleCampaign:  0.8,
	RuleThanks:    0.95,
	RuleSupport:   0.95,
	RuleRepeat:    0.95,
	RuleQueue:     0.95,
}

// maxRuleWords is the longest post (in words) the rules read as a post;
// longer texts are left to the model (see decide).
const maxRuleWords = 30

// decide applies the rules to d; model is the model's label and conf its
// probability.
func decide(d *normalize.Doc, model string, conf float64, explain bool) decision {
	s := scanDoc(d, explain)
	out := func(label, rule string) decision {
		if conf >= ruleGate[rule] {
			return decision{}
		}
		return decision{label: label, rule: rule, cues: s.cues}
	}
	irony := s.has(cIrony)
	if s.words > maxRuleWords {
		// Long texts (reviews, articles) are the model's own domain; only
		// the English-polarity rule, gated by the model's confidence, may
		// overrule it there.
		if p, n := s.n(cEnPos), s.n(cEnNeg); p != n && s.n(cEnPos)+s.n(cEnNeg) >= 2 {
			l := mentionPositive
			if n > p {
				l = mentionNegative
			}
			if l != model {
				return out(l, RuleCodeMixed)
			}
		}
		return decision{}
	}
	resolved := s.has(cResolved) && s.done && !s.has(cPending) && !s.negRes && s.qmarks == 0 && !(s.duration && s.has(cComplaint)) &&
		!(s.contrast && s.compAt > s.resAt) // "sudah surut, tapi sampahnya masih numpuk"
	lasting := s.duration || s.span && s.has(cPending|cStill) || s.months >= 2
	// Sarcasm: praise words around a complaint, with an irony marker.
	// A repair told before a new complaint ("baru diaspal sudah bolong
	// lagi 👏") is sarcasm too; 🙃 around praise is irony on its own.
	if s.has(cPraise) && (s.has(cComplaint|cPending) && irony && (!resolved || s.compAt > s.resAt) || s.ironyEmoji) {
		return out(mentionNegative, RuleSarcasm)
	}
	// Irony of other faces: 😇 🥰 😌 after praise that opens a complaint
	// ("Selamat ya Dishub, parkir liar makin ramai 😇"), or praise that
	// opens a "but" about something that still goes on.
	if s.has(cPraise) && !resolvedFirst(&s) && (s.softIrony && (s.praiseAt < s.compAt || s.praiseAt < s.pendAt || s.compAt == 0 && s.pendAt == 0 && (s.span || s.clocks >= 2)) ||
		s.praiseAt > 0 && s.praiseAt <= 2 && s.contrast && s.has(cStill) && (s.has(cComplaint) || s.span)) {
		return out(mentionNegative, RuleSarcasm)
	}
	// Report-style praise: a repair or service told as done, or thanks,
	// with nothing still pending.
	if (resolved || s.has(cThanks) && !s.has(cPending|cRhetoric|cStrongNeg) && s.qmarks == 0) && !s.has(cRequest) {
		return out(mentionPositive, RuleResolved)
	}
	// A fault or a service told, closed by thanks or praise (makasih
	// petugas, salut, puas, respons cepat) after a repair or a quick
	// service, with nothing pending.
	if s.closeAt > 0 && s.closeAt > s.compAt && s.has(cResolved|cDone) && !s.has(cPending|cRhetoric|cStrongNeg|cIrony|cRequest) &&
		!s.ironyEmoji && !s.softIrony && !s.duration && s.qmarks == 0 {
		return out(mentionPositive, RuleThanks)
	}
	// A queue told by the clock: "jam 7 antre, jam 12 baru dipanggil".
	if s.clocks >= 2 && s.has(cComplaint) && !s.has(cResolved|cPraise|cThanks) {
		return out(mentionNegative, RuleQueue)
	}
	// Complaints told as facts: still pending, or a problem that lasts.
	if s.has(cPending) && (lasting || s.has(cComplaint)) || lasting && s.has(cComplaint) {
		return out(mentionNegative, RuleFact)
	}
	// Plain questions and requests to an agency.
	// A question needs a question word or an address (min, kak); a
	// question that also names a problem or something still pending is a
	// complaint, and so is a rhetorical one.
	process := s.has(cProcess)
	if (s.qmarks > 0 && s.has(cQuestion) && (process || !s.has(cComplaint|cPending)) || s.has(cRequest) && (process || !s.has(cPending))) &&
		!s.has(cRhetoric|cStrongNeg|cEnNeg|cAgainst|cPraise) && s.qrun < 2 {
		return out(mentionNeutral, RuleQuestion)
	}
	// The same errand over and over ("3 kali pula dibilang…").
	if s.repeat && !s.has(cPraise|cThanks) {
		return out(mentionNegative, RuleRepeat)
	}
	// Campaign enthusiasm.
	// Gated by the model, it leaves the post to the support rule below.
	if s.has(cCampaign) && (s.has(cCheer) || s.bangs > 0) && !s.has(cAgainst|cStrongNeg|cComplaint) && conf < ruleGate[RuleCampaign] {
		return out(mentionPositive, RuleCampaign)
	}
	// Support of a candidate without the campaign words: a ballot number
	// or support phrases ("sat set", "kerja nyata", "terbukti") with
	// enthusiasm, and nothing against, no complaint and no question.
	if (s.number && (s.has(cSupport|cCheer|cEmoPos) || s.bangs > 0) || s.n(cSupport) >= 2 || s.has(cSupportStrong) && (s.has(cCheer|cEmoPos) || s.bangs > 0) || s.has(cCampaign) && (s.has(cSupport) || s.n(cCheer)+s.bangs >= 2)) &&
		!s.has(cAgainst|cStrongNeg|cRhetoric|cIrony|cPending) && s.n(cComplaint) <= s.compNeg && s.qmarks == 0 && !s.ironyEmoji {
		return out(mentionPositive, RuleSupport)
	}
	// Emoji-only and very short posts: by emoji polarity.
	if s.words <= 5 {
		p, n := s.n(cEmoPos), s.n(cEmoNeg)
		switch {
		case p > n:
			return out(mentionPositive, RuleEmoji)
		case n > p:
			return out(mentionNegative, RuleEmoji)
		}
	}
	// Code-mixed English praise or complaint.
	if p, n := s.n(cEnPos), s.n(cEnNeg); p != n {
		l := mentionPositive
		if n > p {
			l = mentionNegative
		}
		if l != model {
			return out(l, RuleCodeMixed)
		}
	}
	return decision{}
}

const (
	mentionPositive = "positive"
	mentionNeutral  = "neutral"
	mentionNegative = "negative"
)
