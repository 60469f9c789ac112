package hostility

import (
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Round 7 of issue 20: veiled and colloquial threats that independent
// posts wrote in shapes the earlier rules did not read — a weapon drawn
// as an emoji, fire put on the addressee's house, a known whereabouts
// told object first ("rumahmu aku tahu"), a broken limb of the
// addressee, a family told to bear the consequences, a first-person
// verb of harm whose object was named earlier in the sentence, a
// meeting followed by "langsung" and a verb of harm, and a crowd that
// goes "sweeping".

// weaponEmoji are the emoji of a weapon (normalised names): they stand
// in the post as the weapon word ("🔪🔪 udah siap").
var weaponEmoji = map[string]bool{"emo_pisau": true, "emo_bom": true, "emo_senjata": true}

// fireEmoji is fire: praise on its own ("mantap 🔥"), arson right after
// the addressee's property ("rumahmu 🔥🔥").
const fireEmoji = "emo_api"

// readiedWords after a weapon make it readied ("sajam udah siap",
// "parang sudah diasah").
var readiedWords = map[string]bool{"tunggu": true, "menunggu": true, "nunggu": true, "siap": true, "siapkan": true, "disiapkan": true, "diasah": true, "asah": true, "terasah": true, "terhunus": true, "standby": true}

// readiedAfter reports a weapon readied by the words after it (within
// three words of its sentence) in a post that names someone or menaces
// ("tunggu", "awas").
func (r *reading) readiedAfter(i int) bool {
	w := r.words
	for j := i + 1; j < len(w) && j <= i+3 && w[j].sent == w[i].sent; j++ {
		if readiedWords[w[j].norm] || readiedWords[w[j].stem] && w[j].stem != "" {
			return (r.menace() || r.namesSomeone(w[i].sent) || r.anySecond()) && !r.anyOf(anyCompanionable) && !r.playful
		}
	}
	return false
}

// anySecond reports the addressee anywhere in the post.
func (r *reading) anySecond() bool {
	for j := range r.words {
		if r.words[j].tags&tSecond != 0 || r.words[j].user || hasSecondSuffix(&r.words[j]) {
			return true
		}
	}
	return false
}

// whereabouts are the places whose knowledge, said to their owner,
// threatens ("rumahmu aku tahu", "kantor ikam ulun tahu").
var whereabouts = map[string]bool{"rumah": true, "alamat": true, "kantor": true, "kos": true, "kontrakan": true, "sekolah": true, "tempat": true, "kerja": true, "pulang": true, "rute": true, "jadwal": true, "kontrak": true}

// harmAdjectives are what a verb of harm leaves of a limb ("patah
// kakimu", "remuk kepala kamu").
var harmAdjectives = map[string]bool{"patah": true, "remuk": true, "pecah": true, "bonyok": true, "copot": true, "putus": true, "robek": true, "benjol": true, "bengkak": true}

// errandObjects after a verb of visiting make it an errand ("kami cari
// tempat lain", "kita cari solusi"), not a visit to someone.
var errandObjects = map[string]bool{"tempat": true, "solusi": true, "makan": true, "kerja": true, "nafkah": true, "uang": true, "jalan": true, "parkir": true, "info": true, "informasi": true, "kos": true, "kontrakan": true}

// ownedBySecond reports word j as a thing of the addressee's:
// "rumahmu", or the thing and then "kamu" / "anda".
func (r *reading) ownedBySecond(j int, things map[string]bool) bool {
	w := r.words
	if hasSecondSuffix(&w[j]) && things[w[j].stem] {
		return true
	}
	return things[w[j].norm] && j+1 < len(w) && w[j+1].clause == w[j].clause && (w[j+1].tags&tSecond != 0 || addressedHonorific[w[j+1].norm] && r.vocativeOpening())
}

// addressedHonorific are the titles a post uses for its addressee
// ("kantor bapak", "ruko ibu") when it opens by calling them.
var addressedHonorific = map[string]bool{"bapak": true, "ibu": true, "pak": true, "bu": true, "pian": true, "abang": true}

// vocativeOpening reports a post that opens by calling someone ("Pak
// Kades, …", "Bu Lurah, …").
func (r *reading) vocativeOpening() bool {
	return len(r.words) > 1 && honorifics[r.words[0].norm] && r.words[0].clause == 0
}

// veiledGate filters the words and stems veiledShapes' cases compare
// with, besides a weapon or a meeting (lexicon tags).
var veiledGate = filterOf([]string{fireEmoji, "tahu", "akibat", "sweeping", "jaga-jaga", "hati-hati", "awas", "berdiri", "tunggu", "kutunggu", "kenapa-kenapa", "celaka", "rasanya"},
	harmAdjectives, markWords, ruined, flatten, raidVerbs, faceMarks)

// veiledShapes runs the round-7 rules (see the top of this file).
func (r *reading) veiledShapes() {
	w := r.words
	for i := range w {
		if r.mentionedAt(i) || w[i].negated && w[i].norm != "berdiri" {
			continue // a thing that will not stand again is read negated
		}
		if w[i].tags&(tWeapon|tMeet) == 0 && !veiledGate.mayHave(w[i].norm) && !veiledGate.mayHave(w[i].stem) {
			continue // gate: no case below can hold
		}
		switch {
		case w[i].norm == fireEmoji:
			// "Tunggu aja rumahmu 🔥🔥🔥": fire right after the
			// addressee's house, shop or car.
			if i > 0 && w[i-1].sent == w[i].sent && (r.ownedBySecond(i-1, properties) || i > 1 && w[i-2].clause == w[i-1].clause && r.ownedBySecond(i-2, properties)) {
				r.addThreat(i, Cue{"threat_weapon", r.text(max(0, i-2), i+1)})
			}
		case w[i].norm == "tahu" && r.before(i, 2, speakerWord) && !r.anyOf(anyPraise) && !r.anyOf(anyFriendly) && !r.anyOf(anyCompanionable):
			// "rumahmu aku tahu": the whereabouts first, then "I know".
			for j := i - 2; j >= 0 && j >= i-5 && w[j].sent == w[i].sent; j-- {
				if r.ownedBySecond(j, whereabouts) {
					r.addThreat(i, Cue{"threat_veiled", r.text(j, i+1)})
					break
				}
			}
			// "aku udah tahu jalan pulangmu": the whereabouts after
			for j := i + 1; j < len(w) && j <= i+3 && w[j].clause == w[i].clause; j++ {
				if r.ownedBySecond(j, whereabouts) {
					r.addThreat(i, Cue{"threat_veiled", r.text(i, j+1)})
					break
				}
			}
		case harmAdjectives[w[i].norm] && i+1 < len(w) && w[i+1].clause == w[i].clause && w[i+1].tags&tBody != 0 && r.ownedBySecondBody(i+1):
			// "awas aja kalau lewat sini lagi, patah kakimu"
			if !r.anyOf(anyMedical) && (r.menace() || r.conditionalIn(w[i].sent) || r.anyOf(anyFirstPerson)) {
				r.addThreat(i, Cue{"threat_veiled", r.text(i, i+2)})
			}
		case w[i].stem == "akibat" && r.before(i, 2, bearing):
			// "siap-siap keluargamu yang nanggung akibatnya": the
			// addressee or theirs told to bear what comes.
			second := false
			for j := i - 1; j >= 0 && j >= i-5 && w[j].sent == w[i].sent; j-- {
				if hasSecondSuffix(&w[j]) || w[j].tags&tSecond != 0 {
					second = true
				}
			}
			if second && (r.menace() || r.anyOf(anyFirstPerson)) {
				r.addThreat(i, Cue{"threat_veiled", r.text(max(0, i-2), i+1)})
			}
		case w[i].norm == "sweeping" && r.before(i, 3, func(x *word) bool {
			return x.norm == "kita" || x.norm == "kami" || x.norm == "ayo" || x.norm == "rame-rame" || x.norm == "ramai-ramai"
		}):
			// "malam ini kita sweeping kampung sebelah": a crowd's raid
			// ("sweeping kendaraan … digelar Samsat" has no crowd).
			r.addThreat(i, Cue{"threat_visit", r.text(max(0, i-1), i+1)})
		case markWords[w[i].norm] && (strings.HasPrefix(w[i].norm, "ku") || r.before(i, 2, func(x *word) bool { return firstPerson[x.norm] })) && r.markedSecond(i) && !r.anyOf(anyPraise):
			// "siap2 aja lu, gw tandain": the addressee marked for later
			r.addThreat(i, Cue{"threat_veiled", r.text(max(0, i-1), i+1)})
		case (harmAdjectives[w[i].norm] || ruined[w[i].norm]) && (i > 0 && r.secondThingBefore(i) || r.secondThingAfter(i)) && r.warningFrame(i):
			// "jangan kaget kalau besok kaca rumahmu pecah semua",
			// "motor kamu tinggal rangka"
			r.addThreat(i, Cue{"threat_veiled", r.text(max(0, i-2), i+1)})
		case w[i].tags&tWeapon != 0 && i+2 < len(w) && (w[i+1].norm == "buat" || w[i+1].norm == "untuk") && (w[i+2].tags&tSecond != 0 || w[i+2].user || hasSecondSuffix(&w[i+2])):
			// "🔪🔪 buat lu yang suka fitnah": a weapon dedicated
			r.addThreat(i, Cue{"threat_weapon", r.text(i, i+3)})
		case flatten[w[i].norm] && (strings.HasPrefix(w[i].norm, "ku") || r.before(i, 2, func(x *word) bool { return firstPerson[x.norm] })) && (r.menace() || r.conditionalIn(w[i].sent)) && r.buildingBefore(i):
			// "siap-siap aja ruko lu gue ratain", "awas aja pos ronda itu
			// kami robohkan kalau iuran naik lagi"
			r.addThreat(i, Cue{"threat_first_person", r.text(max(0, i-1), i+1)})
		case (w[i].norm == "jaga-jaga" || w[i].norm == "hati-hati" || w[i].norm == "awas") && r.familyOfSecondAfter(i) && r.anyOf(anyVulnerable) && !r.anyOf(anyRoadHazards) && !r.anyOf(anyPraise):
			// "jaga-jaga aja anakmu kalau pulang sekolah sendirian"
			r.addThreat(i, Cue{"threat_veiled", r.text(i, min(len(w), i+3))})
		case (w[i].norm == "hati-hati" || w[i].norm == "jaga-jaga") && r.anyOf(anyLonely) && !r.anyOf(anyRoadHazards) && !r.anyOf(anyHazards) && !r.anyOf(anyCaring) && r.grievanceTarget():
			// "hati-hati aja pulang malem ya Pak Polisi yang nilang aku
			// kemarin, jalanan gelap 🙂": a lonely way home wished on
			// someone named by the wrong they did the speaker (round 8);
			// advice to friends names no such wrong
			r.addThreat(i, Cue{"threat_veiled", r.text(i, min(len(w), i+3))})
		case ruined[w[i].norm] && r.thingBefore(i) && r.waitAndSee(w[i].sent) && !r.anyOf(anyHazards) && !r.anyOf(anyRoadHazards) && !r.anyOf(anyMedical):
			// "liat aja besok kacanya tinggal serpihan 😈": a ruin
			// foretold with "wait and see" and a day (round 8)
			r.addThreat(i, Cue{"threat_veiled", r.text(max(0, i-3), i+1)})
		case w[i].norm == "berdiri" && w[i].negated && i+1 < len(w) && w[i+1].norm == "lagi" && r.secondThingBefore(i) && !r.anyOf(anyHazards) && !r.anyOf(anyRoadHazards) && !r.anyOf(anyAsking):
			// "besok pagi toko lu gak bakal berdiri lagi"
			r.addThreat(i, Cue{"threat_veiled", r.text(max(0, i-3), i+2)})
		case raidVerbs[w[i].norm] || raidVerbs[w[i].stem] && w[i].stem != "":
			// "warga RT 5 ayo geruduk rumah ketua RT": a call to raid a
			// home or someone
			if r.before(i, 2, func(x *word) bool { return x.norm == "ayo" || x.norm == "mari" || x.norm == "yuk" }) && r.homeOrTarget() && !r.anyOf(anyLawful) {
				r.addThreat(i, Cue{"threat_visit", r.text(max(0, i-1), min(len(w), i+2))})
			}
		case (markWords[w[i].norm] || faceMarks[w[i].norm] || faceMarks[w[i].stem]) && r.markedFace(i) && (r.menace() || r.anyOf(anyCarefulWords)) && !r.anyOf(anyCompanionable) && !r.purposeAfter(i):
			// "sudah kami catat mukanya, tunggu giliran"
			r.addThreat(i, Cue{"threat_veiled", r.text(i, min(len(w), i+2))})
		case (w[i].stem == "tunggu" || w[i].norm == "kutunggu") && r.challenge(i):
			// "kutunggu ikam di simpang empat, bawa kawan
			// sebanyak-banyaknya": a fight called
			r.addThreat(i, Cue{"threat_veiled", r.text(i, min(len(w), i+2))})
		case (w[i].norm == "kenapa-kenapa" || w[i].norm == "celaka") && r.before(i, 2, func(x *word) bool { return conditionals[x.norm] }) && r.kinOfSecond() && !r.anyOf(anyHazards) && !r.anyOf(anyRoadHazards) && !r.anyOf(anyMedical):
			// "anakmu sekolah di SD 012 kan? kasihan kalau kenapa-kenapa"
			r.addThreat(i, Cue{"threat_veiled", r.text(max(0, i-2), i+1)})
		case w[i].norm == "rasanya" && i+1 < len(w) && r.passiveHarm(i+1) && r.anySecond() && !r.playful:
			// "sebentar lagi kau tahu rasanya dipukul rame-rame"
			r.addThreat(i, Cue{"threat_call", r.text(i, i+2)})
		case w[i].tags&tMeet != 0:
			// "ketemu di jalan langsung sikat": a meeting, then at once a
			// verb of harm.
			for j := i + 1; j+1 < len(w) && j <= i+4 && w[j].sent == w[i].sent; j++ {
				if w[j].norm != "langsung" {
					continue
				}
				if _, ok := r.violentAt(j + 1); ok && !w[j+1].negated && !r.harmlessNear(j+1) {
					r.addThreat(i, Cue{"threat_conditional", r.text(i, j+2)})
				}
				break
			}
		}
	}
}

// markWords mark someone for later ("gw tandain", "kutandai").
var markWords = map[string]bool{"tandain": true, "tandai": true, "kutandai": true, "kutandain": true, "menandai": true}

// ownedBySecondBody reports the body part at j as the addressee's
// ("kakimu", "kepala kamu").
func (r *reading) ownedBySecondBody(j int) bool {
	w := r.words
	return hasSecondSuffix(&w[j]) || j+1 < len(w) && w[j+1].clause == w[j].clause && w[j+1].tags&tSecond != 0 && w[j+1].norm != "kalian"
}

// meetIn reports a conditional meeting in sentence s ("kalau ketemu di
// jalan, jangan salahkan aku").
func (r *reading) meetIn(s int) bool {
	for j := range r.words {
		if r.words[j].sent == s && r.words[j].tags&tMeet != 0 && r.before(j, 3, func(x *word) bool { return conditionals[x.norm] }) {
			return true
		}
	}
	return false
}

// clauseEndsAt reports word i as the last of its clause.
func (r *reading) clauseEndsAt(i int) bool {
	return i+1 == len(r.words) || r.words[i+1].clause != r.words[i].clause || r.words[i+1].norm == "saja" || r.words[i+1].norm == "lah"
}

// round7Trigger reports word i of norms (with stems) as one the round-7
// rules read that no lexicon phrase starts (see mayTrigger and lookup):
// a weapon or fire emoji, a whereabouts of the addressee's ("rumahmu"),
// a limb of theirs broken ("patah kakimu"), consequences to bear
// ("tanggung akibatnya").
func round7Trigger(count int, norm, stem func(int) string, i int) bool {
	n := norm(i)
	next := func(k int) string {
		if i+k < count {
			return norm(i + k)
		}
		return ""
	}
	// One lookup for the word and one for its stem instead of one per set:
	// this runs on every word of every post (see r7Words).
	nb := r7Words[n]
	si := stem(i)
	sb := nb
	if si != n {
		sb = r7Words[si]
	}
	switch {
	case nb&r7Weapon != 0 || n == fireEmoji:
		return true
	case len(n) > 4 && strings.HasSuffix(n, "mu") && sb&(r7Whereabouts|r7Property) != 0:
		return true
	case nb&r7Whereabouts != 0 && (next(1) == "kamu" || next(1) == "anda"):
		return true
	case nb&r7HarmAdj != 0 && (strings.HasSuffix(next(1), "mu") || next(2) == "kamu"):
		return true
	case strings.HasPrefix(n, "akibat") && i > 0 && (bears(norm(i-1), stem(i-1)) || i > 1 && bears(norm(i-2), stem(i-2))):
		return true
	case (nb&(r7Mark|r7FaceMark) != 0 || sb&r7FaceMark != 0) && (r7Words[next(1)]&r7FaceWord != 0 || i+1 < count && r7Words[stem(i+1)]&r7FaceWord != 0):
		return true
	case (nb|sb)&r7FaceWord != 0 && (r7Words[next(2)]&r7FaceMark != 0 || r7Words[next(3)]&r7FaceMark != 0):
		return true
	case n == "sweeping" || nb&(r7Mark|r7Raid|r7Challenge) != 0 || nb&r7Flatten != 0 && strings.HasSuffix(n, "in") || n == "jaga-jaga" || n == "hati-hati" || n == "kenapa-kenapa" || n == "rasanya" || n == "kutunggu" || n == "berdiri" || nb&r7Ruined != 0 && secondBefore(norm, i):
		return true
	}
	return false
}

// Bits of r7Words: which of round 7's word sets hold a word.
const (
	r7Weapon uint16 = 1 << iota
	r7Whereabouts
	r7Property
	r7HarmAdj
	r7Mark
	r7FaceMark
	r7FaceWord
	r7Flatten
	r7Raid
	r7Challenge
	r7Ruined
)

// r7Words maps each word of round 7's sets to the bits of the sets that
// hold it (true entries only), so round7Trigger looks a word up once.
var r7Words = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, e := range []struct {
		set map[string]bool
		bit uint16
	}{
		{weaponEmoji, r7Weapon}, {whereabouts, r7Whereabouts}, {properties, r7Property},
		{harmAdjectives, r7HarmAdj}, {markWords, r7Mark}, {faceMarks, r7FaceMark},
		{faceWords, r7FaceWord}, {flatten, r7Flatten}, {raidVerbs, r7Raid},
		{challengeWords, r7Challenge}, {ruined, r7Ruined},
	} {
		for w, ok := range e.set {
			if ok {
				m[w] |= e.bit
			}
		}
	}
	return m
}()

// tokNorm and tokStem read a token's normalised word and stem for
// round7Trigger.
func tokNorm(toks []normalize.Token) func(int) string {
	return func(k int) string { return trimWord(toks[k].Norm) }
}

func tokStem(toks []normalize.Token) func(int) string {
	return func(k int) string { return toks[k].Stem }
}

// bears reports a verb of bearing ("tanggung", "nanggung", "menanggung").
func bears(norm, stem string) bool {
	return stem == "tanggung" || norm == "nanggung" || norm == "tanggung" || norm == "menanggung"
}

func bearing(x *word) bool { return bears(x.norm, x.stem) }

// markedSecond reports the addressee as the one marked at word i: right
// after it ("gw tandain lu", "kutandai mukamu"), or earlier in its
// sentence when the mark ends the clause ("siap2 aja lu, gw tandain").
func (r *reading) markedSecond(i int) bool {
	w := r.words
	if i+1 < len(w) && w[i+1].clause == w[i].clause && (w[i+1].tags&tSecond != 0 || hasSecondSuffix(&w[i+1])) {
		return true
	}
	if !r.clauseEndsAt(i) {
		return false
	}
	for j := i - 1; j >= 0 && w[j].sent == w[i].sent; j-- {
		if w[j].tags&tSecond != 0 || w[j].user || hasSecondSuffix(&w[j]) {
			return true
		}
	}
	return false
}

// ruined are what is left of a thing destroyed ("motor kamu tinggal
// rangka", "rumahmu jadi puing").
var ruined = map[string]bool{"rangka": true, "puing": true, "abu": true, "arang": true, "hancur": true, "terbakar": true, "hangus": true, "rata": true, "retak": true, "penyok": true, "ringsek": true, "gosong": true, "kerangka": true,
	// round 8: "etalase tokomu tinggal pecahan beling", "pagar rumahmu
	// tinggal kenangan", "mobil kamu esok tinggal besi tua"
	"pecahan": true, "serpihan": true, "beling": true, "kenangan": true, "besi": true, "rongsokan": true, "puing-puing": true}

// flatten are first-person verbs of destroying a building.
var flatten = map[string]bool{"ratain": true, "kuratain": true, "ratakan": true, "robohkan": true, "robohin": true, "kurobohkan": true, "hancurkan": true, "hancurin": true, "kuhancurkan": true, "bakarin": true}

// buildings a crowd or a speaker may destroy; properties are theirs.
var buildings = map[string]bool{"pos": true, "posko": true, "kantor": true, "gedung": true, "balai": true, "sekretariat": true, "markas": true, "pangkalan": true, "gudang": true}

// buildingBefore reports a building or a property named within five
// words before word i in its sentence.
func (r *reading) buildingBefore(i int) bool {
	w := r.words
	for j := i - 1; j >= 0 && j >= i-5 && w[j].sent == w[i].sent; j-- {
		if buildings[w[j].norm] || buildings[w[j].stem] || properties[w[j].norm] || properties[w[j].stem] {
			return true
		}
	}
	return false
}

// secondThingBefore reports a thing of the addressee's (a property, a
// window of it, a limb) within three words before i in its clause.
func (r *reading) secondThingBefore(i int) bool {
	w := r.words
	for j := i - 1; j >= 0 && j >= i-5 && w[j].clause == w[i].clause; j-- {
		if r.ownedBySecond(j, properties) || r.ownedBySecond(j, whereabouts) || w[j].tags&tBody != 0 && r.ownedBySecondBody(j) {
			return true
		}
	}
	return false
}

// warningFrames open a warning ("jangan kaget kalau …").
var warningFrames = map[string]bool{"berani": true, "kaget": true, "heran": true, "awas": true, "siap-siap": true, "tunggu": true, "sekali": true, "bilang": true,
	// round 8: a time set for the ruin ("lusa etalase tokomu tinggal
	// pecahan", "nanti malam motormu tinggal abu, camkan")
	"besok": true, "lusa": true, "esok": true, "nanti": true, "camkan": true, "ingat": true}

// warningFrame reports a warning, a condition or a dare in the sentence
// of word i, not a report of damage ("rumahmu hancur kena banjir?").
func (r *reading) warningFrame(i int) bool {
	w := r.words
	if r.anyOf(anyMedical) || r.anyOf(anyRoadHazards) || r.anyOf(anyHazards) {
		return false
	}
	for j := range w {
		if w[j].sent == w[i].sent && (warningFrames[w[j].norm] || conditionals[w[j].norm] && w[j].norm != "kapan" && w[j].norm != "sampai") {
			return true
		}
	}
	return false
}

// familyOfSecondAfter reports the addressee's kin within three words
// after i ("jaga-jaga aja anakmu", "hati-hati istri kamu").
func (r *reading) familyOfSecondAfter(i int) bool {
	w := r.words
	for j := i + 1; j < len(w) && j <= i+3 && w[j].clause == w[i].clause; j++ {
		if family[w[j].norm] && hasSecondSuffix(&w[j]) || family[w[j].stem] && w[j].stem != "" && (hasSecondSuffix(&w[j]) || j+1 < len(w) && w[j+1].tags&tSecond != 0 && w[j+1].norm != "kalian") {
			return true
		}
	}
	return false
}

// secondBefore reports the addressee ("kamu", "-mu", "bapak") within
// five tokens before i.
func secondBefore(norm func(int) string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if n := norm(j); n == "kamu" || addressedHonorific[n] || len(n) > 4 && strings.HasSuffix(n, "mu") {
			return true
		}
	}
	return false
}

// companionable words make a known whereabouts an offer of company ("aku
// tahu jalan pulangmu, bareng aja yuk", "dekat kantorku kan?").
var companionable = map[string]bool{"yuk": true, "bareng": true, "barengan": true, "nebeng": true, "dekat": true, "searah": true, "jemput": true, "mampir": true}

// raidVerbs are the verbs of a crowd's raid.
var raidVerbs = map[string]bool{"geruduk": true, "gerebek": true, "grebek": true, "satroni": true, "labrak": true, "sambangi": true}

// faceWords are what a mark records of someone ("catat mukanya").
var faceWords = map[string]bool{"muka": true, "mukanya": true, "mukamu": true, "wajah": true, "wajahnya": true, "wajahmu": true, "nama": true, "namanya": true, "namamu": true, "plat": true, "platmu": true, "platnya": true}

// faceMarks record a face or a name ("catat", "foto", "rekam").
var faceMarks = map[string]bool{"kucatat": true, "kufoto": true, "kurekam": true, "catat": true, "foto": true, "fotoin": true, "rekam": true, "screenshot": true, "simpan": true}

// markedFace reports a face or a name right after the mark at i, or
// before it in its clause with the speaker between ("wajahnya sudah kami
// foto").
func (r *reading) markedFace(i int) bool {
	w := r.words
	if i+1 < len(w) && w[i+1].clause == w[i].clause && (faceWords[w[i+1].norm] || faceWords[w[i+1].stem]) {
		return true
	}
	if !strings.HasPrefix(w[i].norm, "ku") && !r.before(i, 2, func(x *word) bool { return firstPerson[x.norm] }) {
		return false
	}
	return r.before(i, 4, func(x *word) bool { return faceWords[x.norm] || faceWords[x.stem] })
}

// challengeWords call a fight after a wait ("kutunggu ikam …, bawa kawan
// sebanyak-banyaknya", "tunggu di depan, kalau berani").
var challengeWords = map[string]bool{"sebanyak-banyaknya": true, "berani": true, "duel": true, "jantan": true, "keroyok": true}

// challenge reports a wait for the addressee with a challenge in its
// sentence.
func (r *reading) challenge(i int) bool {
	w := r.words
	second := false
	chal := false
	for j := range w {
		if w[j].sent != w[i].sent {
			continue
		}
		if w[j].tags&tSecond != 0 || hasSecondSuffix(&w[j]) {
			second = true
		}
		if challengeWords[w[j].norm] && !w[j].negated {
			chal = true
		}
	}
	return second && chal && !r.anyOf(anyPraise)
}

// asking are the words of a question about a shop's move ("toko kamu
// tidak berdiri lagi di situ ya? pindah ke mana?").
var asking = map[string]bool{"kah": true, "apa": true, "mana": true, "kenapa": true, "pindah": true, "tutup": true, "bangkrut": true, "ya": true}

// vulnerable are the circumstances a kin warning names ("kalau pulang
// sekolah sendirian", "malam-malam"); safety advice names a hazard
// instead ("main di parit, airnya dalam").
var vulnerable = map[string]bool{"sendirian": true, "sendiri": true, "malam": true, "malam-malam": true, "pulang": true, "kenapa-kenapa": true, "diculik": true, "keluar": true}

// carefulWords warn the addressee ("hati-hati aja di jalan").
var carefulWords = map[string]bool{"hati-hati": true, "jaga-jaga": true}

// speakerWord is a first-person pronoun or a word of the speaker's
// ("anak buahku", "temanku").
func speakerWord(x *word) bool {
	return firstPerson[x.norm] || len(x.norm) > 4 && strings.HasSuffix(x.norm, "ku") && x.stem != "" && x.stem != x.norm
}

// kinOfSecond reports the addressee's kin in the post ("anakmu").
func (r *reading) kinOfSecond() bool {
	for j := range r.words {
		if r.ownedBySecond(j, family) || family[r.words[j].stem] && hasSecondSuffix(&r.words[j]) {
			return true
		}
	}
	return false
}

// passiveHarm reports a passive verb of harm at i ("dipukul").
func (r *reading) passiveHarm(i int) bool {
	form, ok := r.violentAt(i)
	return ok && form == formPassive
}

// secondThingAfter reports a thing of the addressee's within two words
// after i in its clause ("tinggal kerangka motormu").
func (r *reading) secondThingAfter(i int) bool {
	w := r.words
	for j := i + 1; j < len(w) && j <= i+2 && w[j].clause == w[i].clause; j++ {
		if r.ownedBySecond(j, properties) {
			return true
		}
	}
	return false
}

// purposeAfter reports "buat" or "untuk" right after word i: a thing
// noted for a purpose ("sudah saya catat buat stiker parkir").
func (r *reading) purposeAfter(i int) bool {
	return i+1 < len(r.words) && (r.words[i+1].norm == "buat" || r.words[i+1].norm == "untuk")
}

// lonely are the circumstances a veiled warning dwells on: the way home,
// the night, an empty or dark road.
var lonely = map[string]bool{"pulang": true, "malam": true, "sepi": true, "gelap": true, "sendirian": true, "lewat": true}

// grievanceTarget reports a person named by a wrong done to the speaker:
// a target, then "yang" and a verb whose object is the speaker or the
// speaker's ("Pak Polisi yang nilang aku", "petugas yang derek motorku",
// "Bu Guru yang ngelaporin anakku").
func (r *reading) grievanceTarget() bool {
	w := r.words
	for j := 1; j+2 < len(w); j++ {
		if w[j].norm != "yang" || !r.before(j, 3, func(x *word) bool { return x.tags&(tPerson|tInstitution) != 0 }) {
			continue
		}
		for k := j + 2; k < len(w) && k <= j+4 && w[k].clause == w[j].clause; k++ {
			if w[k].norm == "aku" || w[k].norm == "saya" || len(w[k].norm) > 4 && strings.HasSuffix(w[k].norm, "ku") && w[k].stem != w[k].norm {
				return true
			}
		}
	}
	return false
}

// fragile are things of a house or shop a warning says will be ruined.
var fragile = map[string]bool{"kaca": true, "jendela": true, "pintu": true, "etalase": true, "pagar": true, "atap": true}

// thingBefore reports a property or a fragile part of one, whoever owns
// it ("kacanya", "pagar rumah itu"), within five words before i in its
// clause.
func (r *reading) thingBefore(i int) bool {
	w := r.words
	for j := i - 1; j >= 0 && j >= i-5 && w[j].clause == w[i].clause; j-- {
		if fragile[w[j].norm] || fragile[w[j].stem] || properties[w[j].norm] || properties[w[j].stem] {
			return true
		}
	}
	return false
}

// futureDays set a time for what a warning foretells.
var futureDays = map[string]bool{"besok": true, "lusa": true, "esok": true, "nanti": true}

// waitAndSee reports "lihat/tunggu/awas saja" and a day to come in
// sentence s ("liat aja besok …").
func (r *reading) waitAndSee(s int) bool {
	w := r.words
	see, day := false, false
	for j := range w {
		if w[j].sent != s {
			continue
		}
		if (w[j].norm == "lihat" || w[j].norm == "tunggu" || w[j].norm == "awas") && j+1 < len(w) && w[j+1].norm == "saja" {
			see = true
		}
		if futureDays[w[j].norm] || w[j].norm == "depan" && j > 0 && (w[j-1].norm == "minggu" || w[j-1].norm == "bulan") {
			day = true // "besok", "minggu depan"
		}
	}
	return see && day
}
