package hostility

import "strings"

// Veiled threats without a verb of harm (issue 20, round 6): the author
// shows that they know where the target can be found (an address, a car's
// plate, a phone number, a child's school) and adds danger or an
// ultimatum ("hati-hati di jalan Pak Kadis, mobil dinasnya plat …,
// jalanan gelap kalau malam", "kami udah pegang alamat kantor & sekolah
// anakmu … atau tanggung akibatnya"); or they name the target's family
// beside a misfortune that "can happen any time" ("sebaiknya mulai sayang
// sama keluarganya, Pak Lurah, kecelakaan bisa terjadi kapan aja").
// Safety advice ("sayangi keluarga, jangan ngebut, kecelakaan bisa
// terjadi kapan saja") names no one and speaks of the road.

// traces are the words of what an author knows of a target's whereabouts.
var traces = map[string]bool{"plat": true, "pelat": true, "nopol": true, "alamat": true, "alamatnya": true, "alamatmu": true, "rute": true, "ponsel": true, "sekolah": true, "rumahmu": true, "kantormu": true, "rumahnya": true}

// heldOnly are traces only when the author says they hold them ("kami
// tahu rumah Pak Kadis di mana"); "rumah bapak" alone is a neighbour's.
var heldOnly = map[string]bool{"rumah": true, "kantor": true, "kos": true, "kosan": true}

// dangers are the words of danger or of an ultimatum's price (true), and
// the everyday warnings that threaten only beside a trace the author says
// they hold (false: "sekolah anak Pak Camat sudah kami tahu, hati-hati
// saja", not "alamat rumah bapak …, hati-hati").
var dangers = map[string]bool{"gelap": true, "sepi": true, "akibatnya": true, "akibat": true, "celaka": true, "menyesal": true, "nyesel": true, "kecelakaan": false, "musibah": false, "hati-hati": false, "awas": false}

// misfortunes, said to someone whose family is named, warn of harm.
var misfortunes = map[string]bool{"kecelakaan": true, "musibah": true, "celaka": true, "malapetaka": true, "petaka": true}

// roadSafety are the words of safety advice (a public service message,
// not a warning to someone).
var roadSafety = map[string]bool{"ngebut": true, "helm": true, "sabuk": true, "mengantuk": true, "ngantuk": true, "licin": true, "hujan": true, "berkendara": true, "mabuk": true, "rem": true, "lampu": true, "tertib": true, "pelan-pelan": true}

// otherDangers are dangers from third parties that a neighbourly warning
// names ("hati-hati Pak, pagar rumah bapak pendek, kemarin ada maling").
var otherDangers = map[string]bool{"maling": true, "pencuri": true, "begal": true, "rampok": true, "perampok": true, "penipuan": true, "penipu": true, "calo": true, "copet": true, "jambret": true, "banjir": true, "longsor": true}

// menaceGate filters the words of the sets menaces reads a word by.
var menaceGate = filterOf(nil, dangers, traces, heldOnly, family, misfortunes)

// menaces runs the two frames above.
func (r *reading) menaces() {
	w := r.words
	trace, danger, fam, misfortune := -1, -1, -1, -1
	held := false
	for i := range w {
		if r.mentionedAt(i) {
			continue
		}
		n := w[i].norm
		if !menaceGate.mayHave(n) && !menaceGate.mayHave(w[i].raw) {
			continue // gate: in none of the sets below
		}
		if strong, ok := dangers[n]; ok && (strong || held) {
			danger = i // also negated: "jangan sampai menyesal"
		}
		if w[i].negated {
			continue
		}
		if (traces[n] || traces[w[i].raw]) && r.knownTrace(i) || heldOnly[n] && r.heldTrace(i) {
			trace = i
			held = held || r.heldTrace(i)
		}
		if family[n] || family[w[i].raw] {
			fam = i
		}
		if misfortunes[n] {
			misfortune = i
		}
	}
	if r.anyOf(anyRoadSafety) || r.anyOf(anyPraise) || r.anyOf(anyOtherDangers) || r.anyOf(anyCaring) || !r.namesTarget() {
		return
	}
	switch {
	case trace >= 0 && danger >= 0:
		r.addThreat(trace, Cue{"threat_veiled", r.text(trace, trace+1) + " … " + r.text(danger, danger+1)})
	case fam >= 0 && misfortune >= 0 && r.mayHappen(misfortune) && !r.anyOf(anyFriendly) && !r.anyOf(anyCondolence):
		r.addThreat(misfortune, Cue{"threat_veiled", r.text(fam, fam+1) + " … " + r.text(misfortune, misfortune+1)})
	}
}

// condolence are the words of mourning and prayer ("keluarga yang
// ditinggalkan diberi kesabaran, aamiin"): a misfortune that happened.
var condolence = map[string]bool{"amin": true, "aamiin": true, "innalillahi": true, "berduka": true, "duka": true, "husnul": true, "almarhum": true, "almarhumah": true, "korban": true, "doa": true, "doakan": true, "semoga": true, "mudah-mudahan": true}

// mayHappen reports a misfortune said to be possible, within three words
// around it ("kecelakaan bisa terjadi kapan aja", "bisa saja celaka").
func (r *reading) mayHappen(i int) bool {
	for j := max(0, i-3); j < len(r.words) && j <= i+3; j++ {
		if r.words[j].sent == r.words[i].sent && (r.words[j].norm == "bisa" || r.words[j].norm == "dapat" || r.words[j].norm == "mungkin" || r.words[j].norm == "kapan") {
			return true
		}
	}
	return false
}

// knowing are the verbs of holding what one knows of someone ("kami udah
// kantongin nomor HP", "alamatmu sudah kami pegang").
var knowing = map[string]bool{"tahu": true, "pegang": true, "kantongin": true, "kantongi": true, "mengantongi": true, "catat": true, "simpan": true, "hafal": true, "kenal": true, "kenali": true, "dikenali": true, "mengenali": true, "punya": true}

// knownTrace reports a trace that is the target's (possessed: "alamatmu",
// "mobil dinasnya plat …") or that the author says they hold; an office's
// new address ("alamat kantor Disdukcapil pindah") is neither.
func (r *reading) knownTrace(i int) bool {
	for j := max(0, i-2); j < len(r.words) && j <= i+2; j++ {
		if r.words[j].clause == r.words[i].clause && (hasSecondSuffix(&r.words[j]) || r.words[j].tags&tSecond != 0 || strings.HasSuffix(r.words[j].raw, "nya") && j < i || j > i && honorifics[r.words[j].norm]) {
			return true
		}
	}
	return r.heldTrace(i)
}

// heldTrace reports a trace that the author says they hold ("kami tahu",
// "udah kantongin").
func (r *reading) heldTrace(i int) bool {
	for j := range r.words {
		if r.words[j].sent == r.words[i].sent && (knowing[r.words[j].norm] || knowing[r.words[j].stem] || knowing[r.words[j].raw]) {
			return true
		}
	}
	return false
}

// caring are the words of someone who wants the addressee home safe
// ("jalan ke rumahmu gelap, kabari kalau sampai", "bawa senter"): advice,
// not a warning (round 8).
var caring = map[string]bool{"kabari": true, "kabarin": true, "senter": true, "temani": true, "ditemani": true, "kutemani": true, "jemput": true, "dijemput": true, "kujemput": true, "antar": true, "diantar": true, "kuantar": true}
