package sentiment

import (
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Round 8 (issue #21): posts about public health — vaccination,
// immunisation, dengue, stunting, the puskesmas. The model learned
// sentiment from reviews, where "sakit", "virus", "positif", "tidak" and
// "meninggal" tell a bad experience; in a health post they are the topic
// (a campaign, a case count, a schedule, a side effect explained), so the
// model reads informative and encouraging posts as negative, and reads
// hope and encouragement ("ayo imunisasi", "semoga sehat selalu",
// "alhamdulillah sudah divaksin") as neutral. The rules here read a post
// in that frame only: a health topic word must be present. They were
// tuned on folds 0–3 of the COVID-vaccine tweets (never fold 4) and on
// testdata/samarinda_health.jsonl, and run only when no earlier rule
// decided (see decideAll).

// Rule names of the health frame.
const (
	// RuleHealthHope is hope, prayer or encouragement about a health
	// campaign with no fear, harm or complaint: positive.
	RuleHealthHope = "rule:health_hope"
	// RuleHealthTopic is a health post whose negative words are the
	// topic, not a judgement: neutral.
	RuleHealthTopic = "rule:health_topic"
	// RuleHealthHarm is fear, a side effect felt, a complaint about a
	// health service or an outbreak that grows: negative.
	RuleHealthHarm = "rule:health_harm"
)

// word classes of the health frame (normalised tokens).
const (
	hTopic    uint16 = 1 << iota // the topic: vaksin, imunisasi, covid, dbd, stunting, puskesmas…
	hHope                        // hope, prayer, encouragement, relief: semoga, ayo, alhamdulillah, lega…
	hEval                        // a judgement or a feeling against: takut, kecewa, bohong, goblok…
	hComplain                    // a complaint about the service: ribet, antre lama, kehabisan, pungli…
	hSymptom                     // a side effect felt: demam, pegal, lemas, mengantuk, nyeri…
	hDenied                      // a word whose denial reassures: "tidak ada efek", "gak apa-apa"
	hCalm                        // a side effect told as mild or passing: wajar, ringan, biasanya…
	hPlace                       // rumah sakit: a place, not a pain; hospital reviews are the model's domain
	hIf                          // a condition: what follows is advice, not a harm felt ("bila anak demam tinggi")
)

var healthWords = map[string]uint16{}

// healthHead holds the first words of the two-word entries ("terima" of
// terima_kasih), so that only they make the scan build a pair.
var healthHead = map[string]bool{}

// healthFilter and headFilter are one-hash Bloom filters (filterBit) of
// the keys of healthWords and of healthHead: the health frame looks up
// every word of a short post, most are in neither, and a bit test turns
// them away before the map (its look-ups were 1 % of tagging's CPU).
var healthFilter, headFilter [1 << 16 / 64]uint64

func addHealth(flag uint16, words string) {
	for _, w := range strings.Fields(words) {
		healthWords[w] |= flag
		b := filterBit(w)
		healthFilter[b>>6] |= 1 << (b & 63)
		if i := strings.IndexByte(w, '_'); i > 0 {
			healthHead[w[:i]] = true
			b := filterBit(w[:i])
			headFilter[b>>6] |= 1 << (b & 63)
		}
	}
}

// healthWord is healthWords[w], with the filter read first.
func healthWord(w string) uint16 {
	if w == "" {
		return 0
	}
	if b := filterBit(w); healthFilter[b>>6]&(1<<(b&63)) == 0 {
		return 0
	}
	return healthWords[w]
}

// isHealthHead is healthHead[w], with the filter read first.
func isHealthHead(w string) bool {
	if w == "" {
		return false
	}
	if b := filterBit(w); headFilter[b>>6]&(1<<(b&63)) == 0 {
		return false
	}
	return healthHead[w]
}

func init() {
	addHealth(hTopic, "vaksin vaksinasi divaksin vaksinnya memvaksin tervaksin vaksinator imunisasi diimunisasi "+
		"covid covid19 covid-19 corona korona virus pandemi booster dosis sinovac astrazeneca moderna pfizer sinopharm "+
		"coronavac novavax nakes puskesmas posyandu pustu dbd stunting prokes ppkm isoman kipi suntik disuntik suntikan "+
		"swab pcr antigen polio campak rubella fogging jentik gizi herd_immunity antibodi imun vaksinasinya "+
		"dengue aedes demam_berdarah tbc tuberkulosis malaria difteri hpv")
	addHealth(hHope, "semoga moga amin aamiin amiin ayo mari alhamdulillah bismillah insyaallah lega syukur bersyukur "+
		"yey yeay hore semangat terima_kasih makasih sehat_selalu jangan_lupa senang bahagia berhasil sukses kebagian "+
		"tenang efektif ampuh melindungi terlindungi syukurlah semoga-semoga "+
		// a target reached, a count down, a quick or kind service
		"tembus tercapai berkurang menurun turun cepat sigap tanggap ramah sabar sembuh pulih")
	// good news of a health service: safe, smooth, free
	addHealth(hHope, "sehat aman lancar gratis")
	addHealth(hEval, "takut ketakutan parno ngeri seram kecewa marah kesal benci muak menyesal nyesel bohong "+
		"tipu menipu penipuan konspirasi bodoh goblok tolol bego geblek dungu idiot anjing bangsat bajingan brengsek "+
		"sialan kampret tai tahi babi parah buruk jelek kacau rugi zalim sedih stres trauma aneh menolak tolak "+
		"khawatir cemas was-was waswas degdegan deg-degan grogi gelisah bahaya berbahaya percuma tertipu")
	addHealth(hComplain, "ribet susah sulit kehabisan gagal batal ditolak lambat molor mahal pungli berdesakan "+
		"membludak semrawut telantar terlantar ditelantarkan kecewa "+
		// a city's complaints beside a health word ("jalan ke puskesmas rusak")
		"rusak banjir macet berlubang bolong padam kotor jorok bau "+
		"rumit pungutan_liar error eror gangguan judes jutek ketus galak cuek lelet "+
		// an outbreak that grows, a death
		"melonjak lonjakan klb kewalahan meninggal tewas wafat")
	// rude staff is a plain complaint in any frame ("bidan judes banget
	// waktu saya tanya jadwal" is no question to an agency)
	addCues(cStrongNeg, "judes jutek ketus")
	addHealth(hCalm, "wajar normal ringan biasanya jarang")
	addHealth(hPlace, "rumah_sakit")
	addHealth(hIf, "kalau jika bila apabila seandainya")
	addHealth(hDenied, "apa-apa efek reaksi masalah gejala kenapa-kenapa")
	addHealth(hSymptom, "sakit demam meriang pegal pegel lemas lemes mengantuk pusing mual nyeri bengkak gatal "+
		"menggigil muntah pingsan kejang ngedrop drop linu keliyengan")
}

// healthGate is the model confidence below which the health rules may
// overrule the model.
var healthGate = map[string]float64{
	RuleHealthHope:  1.01,
	RuleHealthTopic: 0.9,
	RuleHealthHarm:  0.9,
}

// maxHealthTokens is the longest post (in tokens) the health frame reads:
// a tweet's length.
const maxHealthTokens = 50

// decideAll applies the rules of rules*.go and, when none decided, the
// health frame.
func decideAll(d *normalize.Doc, model string, conf float64, explain bool) decision {
	if r := decide(d, model, conf, explain); r.label != "" {
		return r
	}
	return decideHealth(d, model, conf, explain)
}

// decideHealth reads a post in the health frame (see the file comment).
func decideHealth(d *normalize.Doc, model string, conf float64, explain bool) decision {
	var topic, hope, against, symptom, reassure, calm int
	cond := false
	var cues []string
	if len(d.Tokens) > maxHealthTokens || model == mentionPositive && conf >= healthGate[RuleHealthHarm] {
		// gate: a longer text is a review or an article (the model's
		// domain); a sure praise can only be overruled by a harm below the
		// gate
		return decision{}
	}
	prev := ""
	for i, t := range d.Tokens {
		if t.Kind != normalize.Word {
			prev = ""
			continue
		}
		f := healthWord(t.Norm)
		if f == 0 && len(t.Norm) > 6 && strings.HasSuffix(t.Norm, "nya") {
			f = healthWord(t.Norm[:len(t.Norm)-3]) // susahnya, pegelnya
		}
		if prev != "" && isHealthHead(prev) {
			f |= healthWord(prev + "_" + t.Norm)
			if f&hPlace != 0 {
				f = 0
			}
		}
		prev = t.Norm
		if f == 0 {
			continue
		}
		switch {
		case f&hTopic != 0:
			topic++
		case f&(hEval|hComplain|hSymptom|hDenied) != 0 && t.Negated && deniedNear(d.Tokens, i):
			// "tidak sakit kok", "jangan takut": reassurance
			reassure++
		case f&(hEval|hComplain) != 0:
			against++
		case f&hIf != 0:
			cond = true
		case f&hSymptom != 0 && cond:
			// "lapor bila anak demam": advice
		case f&hSymptom != 0:
			symptom++
		case f&hHope != 0 && !t.Negated:
			hope++
		case f&hCalm != 0 && !t.Negated:
			calm++
		case f&hDenied != 0:
			continue
		default:
			continue
		}
		if explain {
			cues = append(cues, t.Norm)
		}
	}
	if topic == 0 {
		return decision{}
	}
	if symptom > 0 && calm > 0 {
		symptom = 0 // "demam habis imunisasi itu wajar": a side effect explained
	}
	var label, rule string
	switch {
	case against > 0 || symptom > 0:
		if hope > 0 || reassure > 0 {
			return decision{} // fear beside hope: the model decides
		}
		label, rule = mentionNegative, RuleHealthHarm
	case hope > 0 || reassure > 0:
		label, rule = mentionPositive, RuleHealthHope
	case model == mentionNegative:
		label, rule = mentionNeutral, RuleHealthTopic
	default:
		return decision{} // only a harm overrules the model's praise
	}
	if label == model || conf >= healthGate[rule] {
		return decision{}
	}
	return decision{label: label, rule: rule, cues: cues}
}

// negators are the words that deny the word right after them.
var negators = map[string]bool{"tidak": true, "jangan": true, "bukan": true, "belum": true, "tanpa": true, "never": true, "no": true}

// deniedNear reports whether a negator stands one or two words before
// toks[i] ("tidak sakit", "tidak ada efek"): the normaliser's negation
// scope runs to the clause's end, but only a near denial reassures ("gak
// pernah suntik jadi deg-degan" is fear).
func deniedNear(toks []normalize.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if negators[toks[j].Norm] {
			return true
		}
	}
	return false
}
