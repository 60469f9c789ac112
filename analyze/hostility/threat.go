package hostility

import (
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// violentRoots are verbs of killing, burning and attacking (Indonesian,
// slang and Banjar) whose imperative or intentional use with an object is
// a threat or incitement.
var violentRoots = map[string]bool{
	"bunuh": true, "bakar": true, "habisi": true, "habisin": true, "bantai": true, "gantung": true, "tembak": true,
	"penggal": true, "serbu": true, "ganyang": true, "bacok": true, "gorok": true, "sembelih": true, "tusuk": true,
	"tikam": true, "basmi": true, "musnahkan": true, "bom": true, "hajar": true, "gebuk": true, "bunuhin": true,
	"mutilasi": true, "rajam": true, "lempari": true, "keroyok": true, "perangi": true, "serang": true, "binasakan": true,
	"dor": true, "sikat": true, "gasak": true, "tabak": true, "parangi": true, "tawak": true, "bakarin": true, "mampusin": true,
	"matiin": true, "bunoh": true, "banta": true,
}

// inherentThreats are threatening on their own (no object needed).
var inherentThreats = map[string]bool{
	"habisi": true, "bantai": true, "ganyang": true, "penggal": true, "basmi": true, "musnahkan": true, "binasakan": true,
	"bunuhlah": true, "bakarlah": true, "gantunglah": true, "tembaklah": true, "serbulah": true, "habisilah": true, "bantailah": true,
	"kubunuh": true, "kubakar": true, "kuhabisi": true, "kutembak": true, "kubacok": true, "kugorok": true, "kutabak": true,
	"mampusin": true, "matiin": true, "bunuhin": true, "bakarin": true, "habisin": true,
}

// objects after a violent verb make it a directed threat.
var objects = map[string]bool{
	"saja": true, "aja": true, "ja": true, "haja": true, "sja": true, "semua": true, "semuanya": true, "dia": true, "mereka": true,
	"kalian": true, "kamu": true, "lu": true, "lo": true, "loe": true, "elu": true, "ente": true, "ikam": true, "pian": true,
	"sidin": true, "buhan": true, "bubuhan": true, "itu": true, "ini": true, "orang": true, "rumahnya": true, "rumah": true,
	"kantor": true, "kantornya": true, "<user>": true, "mati": true, "ditempat": true, "kafir": true, "antek": true,
	"pki": true, "cina": true, "aseng": true, "asing": true, "presiden": true, "jokowi": true, "polisi": true, "ulama": true,
	"hidup-hidup": true, "sampai": true, "sampe": true, "sekarang": true, "besok": true, "beramai-ramai": true, "rame-rame": true,
	"massal": true, "keluarganya": true, "anaknya": true, "kepalanya": true, "lehernya": true, "gubernur": true, "walikota": true,
	"wali": true, "bupati": true, "pejabat": true, "dpr": true, "dprd": true, "pemerintah": true, "aparat": true,
}

// intents before a violent verb (imperatives, modals, first person) make
// it an incitement or a threat.
var intents = map[string]bool{
	"ayo": true, "ayok": true, "yuk": true, "mari": true, "harus": true, "wajib": true, "layak": true, "pantas": true,
	"akan": true, "mau": true, "siap": true, "kita": true, "gue": true, "gua": true, "aku": true, "ku": true, "saya": true,
	"kami": true, "halal": true, "tinggal": true, "perlu": true, "sebaiknya": true, "mending": true, "mendingan": true, "ulun": true,
	"handak": true, "hendak": true, "ingin": true, "pengen": true, "pingin": true, "kuhancurkan": true, "segera": true, "langsung": true,
	"rame2": true, "pokoknya": true, "ingat": true, "awas": true, "tunggu": true,
}

// harmless contexts: food and everyday uses ("ikan bakar", "bakar sampah").
var harmless = map[string]bool{
	"ikan": true, "ayam": true, "sate": true, "jagung": true, "sampah": true, "kalori": true, "lemak": true, "semangat": true,
	"foto": true, "gambar": true, "jitu": true, "lilin": true, "dupa": true, "rokok": true, "menyan": true, "roti": true, "bola": true,
	"gawang": true, "target": true, "cinta": true, "hati": true, "kemiskinan": true, "narkoba": true, "korupsi": true,
	"kebodohan": true, "nyamuk": true, "hama": true, "tikus": true, "jentik": true, "sarang": true, "kecoa": true, "virus": true,
	"covid": true, "penyakit": true, "waktu": true, "daging": true, "seblak": true, "bebek": true, "pisang": true,
}

var negs = map[string]bool{"jangan": true, "tidak": true, "bukan": true, "tak": true, "gak": true, "ga": true, "kada": true, "jgn": true, "nggak": true, "enggak": true, "dilarang": true, "larang": true, "jan": true}

// Threat reports whether d contains a violent threat or incitement.
func Threat(d *normalize.Doc) bool { return len(threatCues(d, true)) > 0 }

// ThreatCues returns the phrases that make d a threat.
func ThreatCues(d *normalize.Doc) []string { return threatCues(d, false) }

func threatCues(d *normalize.Doc, first bool) []string {
	// Fast path: most texts have no violent word at all.
	any := false
	for i := range d.Tokens {
		tk := &d.Tokens[i]
		if tk.Kind != normalize.Word && tk.Kind != normalize.Hashtag {
			continue
		}
		if _, ok := threatForms[trimWord(tk.Norm)]; ok {
			any = true
			break
		}
	}
	if !any {
		return nil
	}
	var out []string
	words := make([]string, 0, len(d.Tokens))
	for i := range d.Tokens {
		tk := &d.Tokens[i]
		switch tk.Kind {
		case normalize.Word, normalize.Hashtag:
			if w := trimWord(tk.Norm); w != "" {
				words = append(words, w)
			}
		case normalize.Mention:
			words = append(words, "<user>")
		case normalize.Punct:
			words = append(words, "|")
		}
	}
	for i, w := range words {
		f, ok := threatForms[w]
		if !ok {
			continue
		}
		inherent := f.inherent
		prev, next := "", ""
		if i > 0 {
			prev = words[i-1]
		}
		if i+1 < len(words) {
			next = words[i+1]
		}
		if negs[prev] || (i > 1 && negs[words[i-2]] && intents[prev]) {
			continue
		}
		if harmless[prev] || harmless[next] || (i+2 < len(words) && harmless[words[i+2]] && (next == "saja" || next == "aja")) {
			continue
		}
		if !(inherent || objects[next] || intents[prev]) {
			continue
		}
		cue := w
		if objects[next] {
			cue += " " + next
		} else if intents[prev] {
			cue = prev + " " + cue
		}
		out = append(out, cue)
		if first {
			return out
		}
	}
	return out
}

func trimWord(s string) string { return strings.Trim(s, ".,!?;:\"'()[]*#") }

type threatForm struct {
	root     string
	inherent bool
}

// threatForms maps every recognised form (root, imperative and
// first-person forms) to its root, built once from the word lists.
var threatForms = func() map[string]threatForm {
	m := map[string]threatForm{}
	for r := range violentRoots {
		m[r] = threatForm{r, inherentThreats[r]}
		for _, suf := range []string{"lah", "kan", "in", "i"} {
			if _, ok := m[r+suf]; !ok {
				m[r+suf] = threatForm{r, suf == "lah"}
			}
		}
		if _, ok := m["ku"+r]; !ok {
			m["ku"+r] = threatForm{r, true}
		}
	}
	for w := range inherentThreats {
		f := m[w]
		if f.root == "" {
			f.root = w
		}
		f.inherent = true
		m[w] = f
	}
	return m
}()
