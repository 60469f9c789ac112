package hostility

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
		case traces[n] || traces[w[i].raw]:
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
	case fam >= 0 && misfortune >= 0 && !r.anyOf(friendly):
		r.addThreat(misfortune, Cue{"threat_veiled", r.text(fam, fam+1) + " … " + r.text(misfortune, misfortune+1)})
	}
}
