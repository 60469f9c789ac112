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

// dangers are the words of danger or of an ultimatum's price.
var dangers = map[string]bool{"gelap": true, "sepi": true, "akibatnya": true, "akibat": true, "celaka": true, "kecelakaan": true, "musibah": true, "hati-hati": true, "awas": true}

// misfortunes, said to someone whose family is named, warn of harm.
var misfortunes = map[string]bool{"kecelakaan": true, "musibah": true, "celaka": true, "malapetaka": true, "petaka": true}

// roadSafety are the words of safety advice (a public service message,
// not a warning to someone).
var roadSafety = map[string]bool{"ngebut": true, "helm": true, "sabuk": true, "mengantuk": true, "ngantuk": true, "licin": true, "hujan": true, "berkendara": true, "mabuk": true, "rem": true, "lampu": true, "tertib": true, "pelan-pelan": true}

// menaces runs the two frames above.
func (r *reading) menaces() {
	w := r.words
	trace, danger, fam, misfortune := -1, -1, -1, -1
	for i := range w {
		if r.mentionedAt(i) || w[i].negated {
			continue
		}
		n := w[i].norm
		switch {
		case (traces[n] || traces[w[i].raw]) && r.knownTrace(i):
			trace = i
		case dangers[n]:
			danger = i
		}
		if family[n] || family[w[i].raw] {
			fam = i
		}
		if misfortunes[n] {
			misfortune = i
		}
	}
	if r.anyOf(roadSafety) || r.anyOf(praise) || !r.namesTarget() {
		return
	}
	switch {
	case trace >= 0 && danger >= 0:
		r.addThreat(trace, Cue{"threat_veiled", r.text(trace, trace+1) + " … " + r.text(danger, danger+1)})
	case fam >= 0 && misfortune >= 0 && r.mayHappen(misfortune) && !r.anyOf(friendly) && !r.anyOf(condolence):
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
var knowing = map[string]bool{"tahu": true, "pegang": true, "kantongin": true, "kantongi": true, "mengantongi": true, "catat": true, "simpan": true, "hafal": true, "kenal": true, "punya": true}

// knownTrace reports a trace that is the target's (possessed: "alamatmu",
// "mobil dinasnya plat …") or that the author says they hold; an office's
// new address ("alamat kantor Disdukcapil pindah") is neither.
func (r *reading) knownTrace(i int) bool {
	for j := max(0, i-2); j < len(r.words) && j <= i+2; j++ {
		if r.words[j].clause == r.words[i].clause && (hasSecondSuffix(&r.words[j]) || r.words[j].tags&tSecond != 0 || strings.HasSuffix(r.words[j].raw, "nya") && j < i) {
			return true
		}
	}
	for j := range r.words {
		if r.words[j].sent == r.words[i].sent && (knowing[r.words[j].norm] || knowing[r.words[j].stem] || knowing[r.words[j].raw]) {
			return true
		}
	}
	return false
}
