package catalog

import (
	"fmt"
	"strconv"
)

// Cue classes of the partisanship lexicon. A lexicon label is
// "<class>|<name>"; the name is what is reported in Politics.Cues.
const (
	cActor   = "actor"   // an actor's alias (name is the actor id)
	cTag     = "tag"     // a pair's campaign hashtag (name is the actor id)
	cNum     = "num"     // a possible ballot number ("nomor 2", "02")
	cNumX    = "numx"    // an explicit ballot number ("nomor urut 2", "paslon 2")
	cHand    = "hand"    // a ballot-number hand sign ("salam 2 jari")
	cSup     = "sup"     // a strong support call (coblos, menangkan, dukung)
	cSupW    = "supw"    // a weak support cue (mendukung, hebat, menang)
	cOpp     = "opp"     // a strong opposition call (jangan pilih, tolak)
	cOppW    = "oppw"    // an attack that is partisan only in an election context
	cOppX    = "oppx"    // an opposition slogan that needs no named target (#2024GantiPresiden)
	cNeutral = "neu"     // neutrality and civic voting cues (jangan golput, ASN netral)
	cNews    = "news"    // reporting frame (kata, ujar, KPU, survei)
	cElec    = "elec"    // election context (pilkada, paslon, kampanye)
	cRace    = "race"    // a race word (pilpres, pilgub, pilwali); name is the race
	cNeg     = "neg"     // negators and prohibitions
	cFirst   = "first"   // first person (saya, kami, ulun)
	cOffice  = "office"  // official capacity (Presiden, Wali Kota) before a name
	cAgainst = "against" // a four-finger sign: against pair 02 in 2024
	cObj     = "obj"     // an object that absorbs a verb: "dukung program ..." supports a program
	cAbsorb  = "x"       // a phrase that only keeps its words from other readings
)

var objectCues = []string{
	"program", "kebijakan", "pembangunan", "upaya", "langkah", "gerakan", "kegiatan", "imbauan", "inovasi",
	"proyek", "rencana", "penanganan", "pemerintah", "pemerintahan", "arahan", "instruksi", "keputusan",
	"pelayanan", "layanan", "perbaikan", "pembenahan", "penataan", "revitalisasi", "normalisasi",
}

var supStrong = []string{
	"coblos", "ayo coblos", "mari coblos", "coblos ai", "coblos haja", "coblos saja",
	"pilih", "pilihlah", "ayo pilih", "mari pilih", "pilih ai", "pilih haja", "pilih saja", "wajib pilih",
	"menangkan", "menangkanlah", "ayo menangkan", "siap menangkan", "siap memenangkan", "mari menangkan",
	"dukung", "ayo dukung", "mari dukung", "dukung terus", "dukung penuh", "dukungan penuh", "siap mendukung",
	"satu putaran", "sekali putaran", "1 putaran", "all in", "all out",
	"pasti menang", "harus menang", "wajib menang", "menang telak", "menang mutlak",
	"gas", "gaspol", "gas pol", "gaskeun", "gass",
	"pilihan kita", "pilihan kami", "pilihan saya", "pilihanku", "pilihan ulun", "pilihan rakyat", "pilihan warga",
	"jagoan", "jagoanku", "jagoan kita", "jagoan kami",
	"presidenku", "capresku", "cawapresku", "gubernurku", "walikotaku", "wali kotaku", "paslonku",
	"dua periode", "2 periode", "lanjut dua periode", "lanjut 2 periode", "lanjutkan dua periode",
	"vote", "contreng", "centang", "tusuk", "nomor satu di hati",
	"menang satu putaran", "the next president", "next president",
	"kawal sampai menang", "siap dukung", "kami dukung", "saya dukung", "ulun dukung",
	"yakin menang", "insyaallah menang", "siapa lagi", "suara kami untuk", "suara kita untuk", "suara saya untuk",
	"suaraku untuk", "suara ulun gasan", "suara kami gasan", "periode kedua",
}

var supWeak = []string{
	"mendukung", "didukung", "dukungan", "memilih", "dipilih", "milih", "mencoblos", "dicoblos", "nyoblos",
	"memenangkan", "dimenangkan", "menang", "lanjutkan", "lanjut", "melanjutkan",
	"hebat", "terbaik", "mantap", "keren", "amanah", "idola", "bangga", "juara", "top", "pantas", "layak",
	"cocok", "tepat", "pemimpin sejati", "merakyat", "peduli rakyat", "tegas", "berpengalaman", "terbukti",
	"bersama", "setia", "loyal", "tetap", "tetep", "mending", "mendingan", "lebih baik", "pokoknya", "paling cerdas",
	"paling pantas", "paling layak", "masuk akal", "paling siap", "ingat", "sepakat", "kompak",
}

var oppStrong = []string{
	"jangan pilih", "jangan coblos", "jangan memilih", "jangan dipilih", "jangan dukung", "jangan mendukung",
	"jangan menangkan", "jangan mau pilih", "jangan mau memilih", "jangan sampai menang", "jangan sampai terpilih",
	"jangan kasih menang", "haram pilih", "haram memilih", "tidak usah pilih", "tidak usah memilih", "tidak perlu pilih",
	"kada usah pilih", "kada usah memilih", "kada usah milih", "gak usah pilih", "ogah pilih", "ogah memilih", "malas pilih",
	"tidak akan pilih", "tidak akan memilih", "tidak akan saya pilih", "tidak akan kami pilih", "tidak sudi",
	"tolak", "menolak", "tolak paslon", "asal bukan", "kalahkan", "tumbangkan", "tenggelamkan", "boikot", "turunkan",
	"lawan", "lengserkan", "cukup satu periode", "cukup 1 periode", "cukup sudah", "stop", "say no to",
	"kada layak dipilih", "tidak layak dipilih", "tidak pantas dipilih", "jangan beri kesempatan", "jangan sampai jadi",
	"yang lain lewat",
}

// absorbCues are phrases that only stop their words from being read as
// something else ("jangan lupa coblos" is not a negated "coblos").
var absorbCues = []string{
	"jangan lupa", "tidak lupa", "jangan ragu", "jangan bingung", "jangan sampai salah", "tidak salah", "jangan salah",
	"tidak ada salahnya",
}

var oppWeak = []string{
	"boneka", "antek", "pengkhianat", "pembohong", "penipu", "bohong", "munafik", "korup", "koruptor", "dinasti",
	"politik dinasti", "anak haram konstitusi", "plonga plongo", "planga plongo", "omon omon", "haus kekuasaan",
	"gila kekuasaan", "tidak layak", "kada layak", "tidak pantas", "bodoh", "goblok", "tolol", "dungu", "bego",
	"gagal", "pecundang", "penjilat", "pencitraan", "curang", "kecurangan", "pelanggar ham", "otoriter",
	"tidak becus", "kada becus", "tidak kompeten", "memalukan", "busuk", "kalah", "tumbang",
	"nepotisme", "kkn", "mangkrak", "ingkar janji", "janji palsu", "janji manis", "banyak janji", "omong kosong",
}

var oppSlogan = []string{
	"ganti presiden", "#2024gantipresiden", "#gantipresiden", "2024 ganti presiden",
	"ganti gubernur", "#2024gantigubernur", "#gantigubernur", "ganti wali kota", "ganti walikota", "#gantiwalikota",
	"#2024gantiwalikota",
}

var neutralCues = []string{
	"jangan golput", "golput", "tolak golput", "gunakan hak pilih", "hak pilih", "hak suara", "gunakan hak suara",
	"netral", "netralitas", "jaga netralitas", "asn netral", "harus netral", "bersikap netral", "tetap netral", "tidak memihak",
	"siapapun pilihannya", "siapa pun pilihannya", "apapun pilihannya", "apa pun pilihannya", "siapapun pemenangnya",
	"siapa pun pemenangnya", "siapapun presidennya", "siapapun yang terpilih", "siapa pun yang terpilih",
	"beda pilihan", "berbeda pilihan", "pilihan boleh beda", "boleh beda pilihan", "perbedaan pilihan", "bebas memilih",
	"sesuai hati nurani", "hati nurani", "pemilu damai", "pilkada damai", "pemilu jurdil", "pemilu jujur dan adil",
	"tolak politik uang", "politik uang", "money politic", "money politics", "serangan fajar", "tolak hoaks", "hoaks pemilu",
	"datang ke tps", "cek dpt", "daftar pemilih", "pemilih pemula", "partisipasi pemilih", "sukseskan pemilu",
	"sukseskan pilkada", "jaga persatuan", "jangan terpecah", "jaga kondusivitas", "jaga kondusifitas", "tetap rukun",
	"dilarang berkampanye", "dilarang kampanye", "larangan kampanye", "pelanggaran netralitas", "tidak berpihak",
	"jangan terprovokasi", "pilih pemimpin", "pilih sesuai", "pilih yang terbaik", "pilihlah pemimpin",
}

var newsCues = []string{
	"kpu", "kpud", "bawaslu", "panwaslu", "menurut", "kata", "ujar", "ungkap", "ungkapnya", "katanya", "jelasnya",
	"tuturnya", "ujarnya", "kata dia", "dilansir", "melansir", "dikutip", "hasil survei", "survei", "elektabilitas",
	"quick count", "hitung cepat", "real count", "rekapitulasi", "penetapan", "pengundian", "pengundian nomor urut",
	"debat", "debat publik", "debat kandidat", "resmi mendaftar", "mendaftar", "pendaftaran", "dilantik", "pelantikan",
	"visi misi", "menyampaikan", "jadwal", "tahapan", "digelar", "berlangsung", "menghadiri", "mengimbau", "imbauan",
	"sosialisasi", "menetapkan", "ditetapkan", "unggul", "perolehan suara", "suara sah", "berita", "breaking news",
	"diusung", "mengusung", "resmi", "deklarasi", "mendeklarasikan", "menyatakan", "mengatakan", "menjelaskan",
	"laporan", "dilaporkan", "terpantau", "pantauan", "sementara itu", "ketua kpu", "komisioner",
}

var elecCues = []string{
	"pemilu", "pilkada", "pilpres", "pileg", "pilgub", "pilwali", "pilwalkot", "pemilihan", "pemilihan umum",
	"pemilihan kepala daerah", "caleg", "capres", "cawapres", "cagub", "cawagub", "cawali", "cawawali",
	"calon wali kota", "calon walikota", "calon gubernur", "calon presiden", "calon wakil", "calon kepala daerah",
	"paslon", "pasangan calon", "kandidat", "kampanye", "masa kampanye", "tps", "surat suara", "nomor urut",
	"kotak suara", "coblosan", "pencoblosan", "hari pencoblosan", "relawan", "timses", "tim sukses",
	"tim pemenangan", "baliho", "petahana", "nyalon", "mencalonkan", "koalisi", "partai", "parpol", "pemilih",
	"14 februari", "27 november", "pesta demokrasi", "terpilih", "pencalonan", "kontestasi",
	"putaran", "elektoral", "dapil", "legislatif", "periode kedua", "2 periode", "dua periode",
}

var raceCues = map[string][]string{
	"pilpres-2024":           {"pilpres", "capres", "cawapres", "calon presiden", "pemilihan presiden", "presiden 2024"},
	"pilgub-kaltim-2024":     {"pilgub", "pilgub kaltim", "cagub", "cawagub", "calon gubernur", "pemilihan gubernur"},
	"pilwali-samarinda-2024": {"pilwali", "pilwalkot", "pilkada samarinda", "cawali", "cawawali", "calon wali kota", "calon walikota", "pemilihan wali kota"},
	"pileg-2024":             {"pileg", "caleg", "dapil", "partai politik"},
}

var negCues = []string{
	"tidak", "bukan", "tak", "belum", "kada", "gak", "nggak", "ndak", "enggak", "jangan", "dilarang", "larangan",
	"tidak boleh", "tidak diperbolehkan", "dilarang keras", "haram", "bukanlah", "tidak akan", "tidak mau",
	"tidak usah", "tidak perlu", "kada akan", "kada mau", "jangan sampai", "tidak pernah", "tidak lagi",
}

var firstCues = []string{"saya", "aku", "kami", "kita", "ulun", "gue", "gua", "gw", "sy", "kamilah", "keluarga kami", "warga sini"}

var officeCues = []string{
	"presiden", "wakil presiden", "wapres", "gubernur", "wakil gubernur", "wagub", "wali kota", "walikota",
	"wakil wali kota", "wakil walikota", "pak wali", "bapak wali kota", "menteri", "menhan",
}

var numberWords = []string{"", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"}

// numberPhrases are the ways to write ballot number n: weak (may be another
// number) and strong (explicitly a ballot number).
func numberPhrases(n int) (weak, strong []string) {
	d := strconv.Itoa(n)
	forms := []string{d}
	if n < 10 {
		forms = append(forms, "0"+d)
	}
	if n < len(numberWords) {
		forms = append(forms, numberWords[n])
	}
	for _, f := range forms {
		for _, p := range []string{"nomor", "no", "nomer", "nmr", "urutan"} {
			weak = append(weak, p+" "+f)
		}
		for _, p := range []string{"nomor urut", "no urut", "nomer urut", "paslon", "paslon nomor", "paslon no", "nomor urut paslon", "pasangan nomor", "capres nomor", "cagub nomor"} {
			strong = append(strong, p+" "+f)
		}
		strong = append(strong, "#coblos"+f, "#pilih"+f, "#nomor"+f)
	}
	if n < 10 {
		weak = append(weak, "0"+d) // "02" alone may be a ballot number
	}
	return weak, strong
}

func handPhrases(n int) []string {
	d := strconv.Itoa(n)
	out := []string{"salam " + d + " jari", "#salam" + d + "jari", d + " jari"}
	if n < len(numberWords) {
		out = append(out, "salam "+numberWords[n]+" jari", "#salam"+numberWords[n]+"jari")
	}
	return out
}

// cueEntries builds the partisanship lexicon's cue entries (without actors).
func cueEntries() map[string][]string {
	e := map[string][]string{}
	add := func(class string, phrases []string) {
		for _, p := range phrases {
			l := class + "|" + p
			e[l] = append(e[l], p)
		}
	}
	add(cSup, supStrong)
	add(cSupW, supWeak)
	add(cOpp, oppStrong)
	add(cOppW, oppWeak)
	add(cOppX, oppSlogan)
	add(cNeutral, neutralCues)
	add(cNews, newsCues)
	add(cElec, elecCues)
	add(cNeg, negCues)
	add(cFirst, firstCues)
	add(cOffice, officeCues)
	add(cObj, objectCues)
	add(cAbsorb, absorbCues)
	for race, ps := range raceCues {
		e[cRace+"|"+race] = append(e[cRace+"|"+race], ps...)
	}
	for n := 1; n <= 24; n++ {
		w, s := numberPhrases(n)
		e[fmt.Sprintf("%s|%d", cNum, n)] = w
		e[fmt.Sprintf("%s|%d", cNumX, n)] = s
	}
	for n := 1; n <= 3; n++ {
		e[fmt.Sprintf("%s|%d", cHand, n)] = handPhrases(n)
	}
	e[cAgainst+"|salam 4 jari"] = handPhrases(4)
	return e
}
