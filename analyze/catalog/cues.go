package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// Cue classes of the partisanship lexicon. A lexicon label is
// "<class>|<name>"; the name is what is reported in Politics.Cues.
const (
	cActor    = "actor"    // an actor's alias (name is the actor id)
	cTag      = "tag"      // a pair's campaign hashtag (name is the actor id)
	cNum      = "num"      // a possible ballot number ("nomor 2", "02")
	cNumX     = "numx"     // an explicit ballot number ("nomor urut 2", "paslon 2")
	cHand     = "hand"     // a ballot-number hand sign ("salam 2 jari")
	cSup      = "sup"      // a strong support call (coblos, menangkan, dukung)
	cSupW     = "supw"     // a weak support cue (mendukung, hebat, menang)
	cOpp      = "opp"      // a strong opposition call (jangan pilih, tolak)
	cOppW     = "oppw"     // an attack that is partisan only in an election context
	cOppX     = "oppx"     // an opposition slogan that needs no named target (#2024GantiPresiden)
	cNeutral  = "neu"      // neutrality and civic voting cues (jangan golput, ASN netral)
	cNews     = "news"     // reporting frame (kata, ujar, KPU, survei)
	cElec     = "elec"     // election context (pilkada, paslon, kampanye)
	cRace     = "race"     // a race word (pilpres, pilgub, pilwali); name is the race
	cNeg      = "neg"      // negators and prohibitions
	cFirst    = "first"    // first person (saya, kami, ulun)
	cOffice   = "office"   // official capacity (Presiden, Wali Kota) before a name
	cAgainst  = "against"  // a four-finger sign: against pair 02 in 2024
	cObj      = "obj"      // an object that absorbs a verb: "dukung program ..." supports a program
	cAbsorb   = "x"        // a phrase that only keeps its words from other readings
	cRaceY    = "racey"    // a race word with a year ("pilpres 2029"); name is "<kind>|<year>"
	cSlogan   = "slogan"   // an actor's slogan (name is the actor id)
	cMob      = "mob"      // mobilisation logistics (titik kumpul, bus, antar jemput)
	cInvite   = "invite"   // an invitation or instruction (ayo, diharapkan, wajib)
	cAttend   = "attend"   // attendance (hadir, datang, ikut, menyambut)
	cEvent    = "event"    // a campaign event or organ (kampanye akbar, posko pemenangan, relawan)
	cGreet    = "greet"    // a greeting (selamat ulang tahun, dirgahayu, selamat idul fitri)
	cWish     = "wish"     // an electoral wish (menang, terpilih kembali, jaya)
	cPromo    = "promo"    // promotional framing (hadir untuk rakyat, peduli, terima kasih, kerja nyata)
	cAid      = "aid"      // aid and services (sembako, bantuan, pengobatan gratis)
	cAttr     = "attr"     // campaign attributes (kaos, stiker, bendera)
	cAttrAct  = "attract"  // handing out or wearing attributes (pembagian, pakai)
	cRecruit  = "recruit"  // recruitment (gabung jadi kader, daftar relawan)
	cParty    = "party"    // the word "partai" not followed by a catalog party
	cRole     = "role"     // a candidate role (bacalon, cawali, jadi wali kota): a target when a name follows
	cHonor    = "honor"    // an honorific before a name (Pak, Bu, Bang)
	cColour   = "colour"   // a party colour word (name is the colour); a target when the post names that party
	cExcept   = "except"   // "bukan", "selain": a call toward anyone but the target
	cCollect  = "collect"  // collecting handed-out goods (silakan diambil, yang belum dapat)
	cYear     = "year"     // a general-election year (2029, 2034, ...)
	cGripe    = "gripe"    // a complaint about campaign props (mengganggu, semrawut): not putting them up
	cJoin     = "join"     // joining a party or team: recruitment when an invitation precedes it
	cSelf     = "self"     // the account or its staff (pak lurah, staf kelurahan): whose attendance is the account's
	cBudget   = "budget"   // public money (anggaran, APBD, pokir): a council faction's vote for it is not the party's gift
	cOccasion = "occasion" // an occasion people are invited to (acara, silaturahmi, jalan sehat)
	cSymbol   = "symbol"   // a party's ballot symbol word (banteng, beringin; name is the party id)
	cComplain = "complain" // a complaint about aid (tidak merata, gigit jari): not its promotion
	cAffil    = "affil"    // an official's party affiliation (fraksi, dari fraksi): the office, not the party
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
	"vote", "contreng", "centang", "tusuk", "cucuk", "cucuk haja", "cucuk ai", "nomor satu di hati",
	"menang satu putaran", "the next president", "next president",
	"kawal sampai menang", "siap dukung", "kami dukung", "saya dukung", "ulun dukung",
	"yakin menang", "insyaallah menang", "siapa lagi", "suara kami untuk", "suara kita untuk", "suara saya untuk",
	"suaraku untuk", "suara ulun gasan", "suara kami gasan", "periode kedua",
	"sampai kemenangan", "kawal kemenangan", "mengawal kemenangan", "mengawal sampai kemenangan",
	"kawal sampai kemenangan", "rebut kursi", "merebut kursi", "siap rebut", "siap merebut", "raih kemenangan",
	"meraih kemenangan", "target kursi",
	"titip suara", "amanahkan", "percayakan", "percayakan suara", "berikan suara", "beri suara", "serahkan suara", "satukan suara", "pastikan menang", "antarkan", "antar ke senayan", "bawa ke senayan", "menuju senayan", "kita menangkan",
	"pilihan tepat", "layak dipilih", "pantas dipilih", "wajib dipilih", "jangan ragu pilih", "yakin pilih", "tetapkan pilihan", "mantap pilih",
	"saya pendukung", "aku pendukung", "kami pendukung", "ulun pendukung", "pendukung setia", "simpatisan setia",
	"satu periode lagi", "1 periode lagi", "periode lagi", "lanjut periode", "lanjut satu periode",
	"2029 saatnya", "2029 waktunya", "pilihan hati", "pilihan hati warga", "pilihan hati rakyat", "jayalah",
	"sampai menang", "bela sampai",
}

var supWeak = []string{
	"mendukung", "didukung", "dukungan", "memilih", "dipilih", "milih", "mencoblos", "dicoblos", "nyoblos",
	"memenangkan", "dimenangkan", "menang", "lanjutkan", "lanjut", "melanjutkan",
	"hebat", "terbaik", "mantap", "keren", "amanah", "idola", "bangga", "juara", "top", "pantas", "layak",
	"cocok", "tepat", "pemimpin sejati", "merakyat", "peduli rakyat", "tegas", "berpengalaman", "terbukti",
	"bersama", "setia", "loyal", "tetap", "tetep", "mending", "mendingan", "lebih baik", "pokoknya", "paling cerdas",
	"paling pantas", "paling layak", "masuk akal", "paling siap", "ingat", "sepakat", "kompak",
	"sreg", "lebih sreg", "salut", "condong ke", "cenderung ke", "kawal", "mengawal", "berjaya", "kembali berjaya",
	"menang di hati", "menang di hatiku", "tetap di hati",
	"pasti", "sudah pasti", "butuh", "perlu", "membutuhkan",
	"jilid 2", "jilid ii", "jilid dua",
	"yakin", "masuk senayan", "lolos senayan", "lolos ke senayan", "ke senayan",
	"lolos parlemen", "masuk 3 besar", "masuk tiga besar",
	"masuk parlemen", "masuk senayan lagi", "siap turun", "masuk dprd", "lolos dprd",
}

var oppStrong = []string{
	"jangan pilih", "jangan coblos", "jangan memilih", "jangan dipilih", "jangan dukung", "jangan mendukung",
	"jangan menangkan", "jangan mau pilih", "jangan mau memilih", "jangan sampai menang", "jangan sampai terpilih",
	"jangan kasih menang", "kada usah bulik lagi", "jangan balik lagi", "gak usah balik lagi", "ga usah balik lagi", "tidak usah kembali lagi", "jangan dikasih kesempatan", "jgn dikasih kesempatan", "jangan kasih kesempatan", "jangan kasih suara", "jangan beri suara", "jangan berikan suara", "haram pilih", "haram memilih", "tidak usah pilih", "tidak usah memilih", "tidak perlu pilih",
	"kada usah pilih", "kada usah memilih", "kada usah milih", "gak usah pilih", "ogah pilih", "ogah memilih", "malas pilih",
	"tidak akan pilih", "tidak akan memilih", "tidak akan saya pilih", "tidak akan kami pilih", "tidak sudi",
	"tolak", "menolak", "tolak paslon", "asal bukan", "kalahkan", "tumbangkan", "tenggelamkan", "boikot", "turunkan",
	"lawan", "lengserkan", "cukup satu periode", "cukup 1 periode", "cukup sudah", "stop", "say no to",
	"kada layak dipilih", "tidak layak dipilih", "tidak pantas dipilih", "jangan beri kesempatan", "jangan sampai jadi",
	"yang lain lewat",
	"jangan beri suara", "jangan titip", "jangan percaya",
	"jangan biarkan", "tidak layak memimpin",
	"tidak memilih", "tidak pilih", "tidak mau memilih",
}

// absorbCues are phrases that only stop their words from being read as
// something else ("jangan lupa coblos" is not a negated "coblos").
var absorbCues = []string{
	"jangan lupa", "tidak lupa", "jangan ragu", "jangan bingung", "jangan sampai salah", "tidak salah", "jangan salah",
	"tidak ada salahnya",
	// "yang hobi klaim" mocks a habit; it reports no one's words.
	"hobi klaim", "suka klaim", "tukang klaim", "doyan klaim",
	// Gas the fuel, not "gas!" the cheer.
	"tabung gas", "kompor gas", "gas elpiji", "gas lpg", "bau gas", "kebocoran gas", "bocor gas", "gas melon",
	"regulator gas", "selang gas", "harga gas", "pangkalan gas",
	"info lanjut", "lebih lanjut", "informasi lebih lanjut", "info lebih lanjut", "tindak lanjut", "ditindaklanjuti",
}

var oppWeak = []string{
	"boneka", "antek", "pengkhianat", "pembohong", "penipu", "bohong", "munafik", "korup", "koruptor", "dinasti",
	"politik dinasti", "anak haram konstitusi", "plonga plongo", "planga plongo", "omon omon", "haus kekuasaan",
	"gila kekuasaan", "tidak layak", "kada layak", "tidak pantas", "bodoh", "goblok", "tolol", "dungu", "bego",
	"gagal", "pecundang", "penjilat", "pencitraan", "curang", "kecurangan", "pelanggar ham", "otoriter",
	"tidak becus", "kada becus", "tidak kompeten", "memalukan", "busuk", "kalah", "tumbang",
	"nepotisme", "kkn", "mangkrak", "ingkar janji", "janji palsu", "janji manis", "banyak janji", "omong kosong",
	"tidak suka", "ganti saja", "kecewa", "kecewa sama", "kecewa dengan",
	"bosan", "bosan sama", "bosan dengan", "muak", "muak sama", "pindah ke partai lain",
}

var oppSlogan = []string{
	"ganti presiden", "#2024gantipresiden", "#gantipresiden", "2024 ganti presiden",
	"ganti gubernur", "#2024gantigubernur", "#gantigubernur", "ganti wali kota", "ganti walikota", "#gantiwalikota",
	"#2024gantiwalikota",
}

var neutralCues = []string{
	"dianggap kampanye", "bisa dianggap kampanye", "harap berhati-hati",
	"jangan golput", "golput", "tolak golput", "gunakan hak pilih", "hak pilih", "hak suara", "gunakan hak suara",
	"netral", "netralitas", "jaga netralitas", "asn netral", "harus netral", "bersikap netral", "tetap netral", "tidak memihak",
	"siapapun pilihannya", "siapa pun pilihannya", "apapun pilihannya", "apa pun pilihannya", "siapapun pemenangnya",
	"siapa pun pemenangnya", "siapapun presidennya", "siapapun yang terpilih", "siapa pun yang terpilih",
	"pilihan masing-masing", "pilihan masing masing", "pilihan masing2", "calon pilihan masing-masing",
	"beda pilihan", "berbeda pilihan", "pilihan boleh beda", "boleh beda pilihan", "perbedaan pilihan", "bebas memilih",
	"sesuai hati nurani", "hati nurani", "pemilu damai", "pilkada damai", "pemilu jurdil", "pemilu jujur dan adil",
	"tolak politik uang", "politik uang", "money politic", "money politics", "serangan fajar", "tolak hoaks", "hoaks pemilu",
	"datang ke tps", "cek dpt", "daftar pemilih", "pemilih pemula", "partisipasi pemilih", "sukseskan pemilu",
	"sukseskan pilkada", "jaga persatuan", "jangan terpecah", "jaga kondusivitas", "jaga kondusifitas", "tetap rukun",
	"dilarang berkampanye", "dilarang kampanye", "larangan kampanye", "pelanggaran netralitas", "tidak berpihak",
	"jangan terprovokasi", "pilih pemimpin", "pilih sesuai", "pilih yang terbaik", "pilihlah pemimpin",
	"kampanye damai", "deklarasi kampanye damai", "deklarasi damai", "ikrar netralitas", "pakta integritas",
	"asn dilarang", "pns dilarang", "dilarang hadir", "dilarang repost", "dilarang memakai", "dilarang berfoto",
	// Facilities refused to every side ("tidak dapat dipinjamkan untuk
	// kegiatan kampanye pasangan calon mana pun"): a neutral notice.
	"tidak dapat dipinjamkan", "tidak boleh dipinjamkan", "tidak bisa dipinjamkan", "tidak dipinjamkan",
	"tidak boleh dipakai", "tidak boleh digunakan", "tidak dapat dipakai", "tidak dapat digunakan", "tidak bisa dipakai", "tidak bisa digunakan", "dilarang dipakai", "dilarang digunakan",
	"calon mana pun", "calon manapun", "partai mana pun", "partai manapun", "paslon mana pun", "paslon manapun", "kandidat mana pun",
	"dilarang ikut", "tidak ikut dalam kegiatan partai", "tidak ikut kegiatan partai", "asn tidak ikut", "termasuk pelanggaran", "pelanggaran", "sanksi disiplin", "disanksi",
	"penertiban apk", "penertiban alat peraga", "penertiban baliho", "penertiban spanduk", "penertiban atribut", "penertiban reklame", "penertiban bendera",
	"menertibkan", "ditertibkan", "dicopot", "mencopot", "masih galau", "masih bingung", "masih ragu",
	"belum menentukan", "belum menentukan pilihan", "pilih yang mana", "belum tahu mau pilih",
	"jangan menyukai", "jangan membagikan", "jangan like", "jangan share", "dilarang like", "dilarang share",
	"dilarang menyukai", "dilarang membagikan", "tidak boleh like", "tidak boleh share",
	// How a ballot is marked validly (the KPU's voter education: "Coblos
	// yg sah = satu kali di dalam kotak gambar"): every option alike.
	"coblos yang sah", "mencoblos yang sah", "pencoblosan yang sah", "cara coblos", "cara mencoblos yang benar",
	"surat suara memuat", "dianggap sah", "dinyatakan sah", "suara tidak sah", "simulasi pencoblosan",
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
	"simulasi", "simulasi pemungutan suara", "tata cara", "cara mencoblos", "bimtek",
	"tegaskan", "menegaskan", "sebut", "menyebut", "klaim", "mengklaim",
	"menyampaikannya", "mengatakannya", "disampaikan", "disampaikannya",
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
	"terpilih kembali", "semoga terpilih",
}

var negCues = []string{
	"tidak", "bukan", "tak", "belum", "kada", "gak", "nggak", "ndak", "enggak", "jangan", "dilarang", "larangan",
	"tidak boleh", "tidak diperbolehkan", "dilarang keras", "haram", "bukanlah", "tidak akan", "tidak mau",
	"tidak usah", "tidak perlu", "kada akan", "kada mau", "jangan sampai", "tidak pernah", "tidak lagi",
}

var firstCues = []string{"saya", "aku", "kami", "kita", "ulun", "gue", "gua", "gw", "sy", "kamilah", "keluarga kami", "warga sini",
	"admin", "mimin", "keluarga besar", "menurut saya", "menurutku", "menurut aku", "menurut ulun", "menurut kami"}

// budgetCues are public money: thanking a council faction for a budget is
// not thanking a party for its aid.
var budgetCues = []string{"anggaran", "dukungan anggaran", "apbd", "apbd perubahan", "pokok pikiran", "pokir", "persetujuan anggaran", "pengesahan anggaran"}

// selfCues name the account itself or its staff ("Pak Lurah", "staf
// kelurahan"): their attendance at a campaign event is the account's own.
var selfCues = []string{"pak lurah", "bu lurah", "ibu lurah", "pak camat", "bu camat", "ibu camat", "staf kelurahan",
	"staf kecamatan", "jajaran kelurahan", "jajaran kecamatan", "tim kelurahan", "tim kecamatan", "perangkat kelurahan",
	"pegawai kelurahan", "pegawai kecamatan", "sekcam", "seklur", "sekretaris kelurahan", "sekretaris kecamatan"}

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
		for _, p := range []string{"nomor urut", "no urut", "nomer urut", "paslon", "paslon nomor", "paslon no", "nomor urut paslon", "pasangan nomor", "capres nomor", "cagub nomor",
			"kampanye", "relawan", "kubu", "pendukung", "timses"} {
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
	out := []string{"salam " + d + " jari", "#salam" + d + "jari", d + " jari", "pose " + d + " jari", "pose salam " + d + " jari"}
	if n < len(numberWords) {
		w := numberWords[n]
		out = append(out, "salam "+w+" jari", "#salam"+w+"jari", "pose "+w+" jari", "pose salam "+w+" jari")
		// The pose described in words ("mengacungkan dua jari").
		for _, v := range []string{"mengacungkan", "acungkan", "mengacungkan", "berpose", "angkat", "mengangkat"} {
			out = append(out, v+" "+w+" jari", v+" "+d+" jari")
		}
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
	add(cSelf, selfCues)
	add(cObj, objectCues)
	add(cAbsorb, absorbCues)
	for kind, ps := range electionKinds {
		if len(ps) > 0 {
			e[cRace+"|"+kind] = append(e[cRace+"|"+kind], ps...)
		}
	}
	for kind, ws := range yearRaceWords {
		for y := firstYear; y <= lastYear; y++ {
			l := fmt.Sprintf("%s|%s|%d", cRaceY, kind, y)
			for _, w := range ws {
				e[l] = append(e[l], fmt.Sprintf("%s %d", w, y))
			}
		}
	}
	add(cMob, mobCues)
	add(cInvite, inviteCues)
	add(cAttend, attendCues)
	add(cEvent, eventCues)
	add(cGreet, greetCues)
	add(cWish, wishCueList())
	add(cPromo, promoCues)
	add(cAid, aidCues)
	add(cAttr, attrCues)
	add(cAttrAct, attrActCues)
	add(cRecruit, recruitCues)
	add(cJoin, joinCues)
	add(cOccasion, occasionCues)
	add(cParty, []string{"partai"})
	add(cRole, roleCues)
	add(cHonor, honorifics)
	add(cExcept, []string{"bukan", "selain", "kecuali", "yang bukan", "bukan dari"})
	add(cCollect, collectCues)
	add(cBudget, budgetCues)
	add(cComplain, complainCues)
	add(cAffil, affilCues)
	add(cGripe, []string{"mengeluhkan", "keluhkan", "mengganggu", "menutupi", "semrawut", "liar", "sampah visual",
		"merusak", "bikin macet", "menghalangi", "ditertibkan", "tolong ditertibkan"})
	for y := firstYear + 5; y <= lastYear; y += 5 {
		// General elections every five years (UUD 1945 Pasal 22E).
		e[fmt.Sprintf("%s|%d", cYear, y)] = []string{strconv.Itoa(y)}
	}
	add(cAbsorb, counterPhrases())
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

// Years for which a race word with a year ("pilkada 2029") is read.
const (
	firstYear = 2024
	lastYear  = 2050
)

// yearRaceWords are the words that name a contest when a year follows
// ("pilwali 2029"); "pemilu" names the general election (pilpres and
// pileg), "pilkada" the regional ones.
var yearRaceWords = map[string][]string{
	"pilpres": {"pilpres", "capres", "cawapres", "presiden"},
	"pileg":   {"pileg", "caleg"},
	"pilgub":  {"pilgub", "cagub", "pilgub kaltim"},
	"pilwali": {"pilwali", "pilwalkot", "cawali", "pilkada samarinda", "pilwali samarinda"},
	"pilbup":  {"pilbup", "cabup"},
	"pemilu":  {"pemilu", "pemilihan umum"},
	"pilkada": {"pilkada", "pilkada serentak"},
}

// yearKinds maps the umbrella words of yearRaceWords to contest kinds.
var yearKinds = map[string][]string{
	"pemilu":  {"pilpres", "pileg"},
	"pilkada": {"pilgub", "pilwali", "pilbup"},
}

// mobCues are the logistics of bringing people to an event: by themselves
// they mark organising, not reporting.
var mobCues = []string{
	"titik kumpul", "kumpul di", "berkumpul di", "ngumpul di", "berangkat bersama", "berangkat bareng",
	"berangkat dari", "berangkat jam", "berangkat pukul", "berangkat bersama-sama", "transportasi", "antar jemput",
	"dijemput", "jemputan", "bus", "kendaraan sudah", "kendaraan disiapkan", "kendaraan disediakan",
	"konsumsi disediakan", "konsumsi", "absensi", "daftar hadir", "konfirmasi kehadiran", "tolong konfirmasi",
	"merapat", "ramaikan", "meriahkan", "ramai-ramai", "beramai-ramai", "ramai ramai", "bantu angkut", "angkut warga",
	"mengerahkan massa", "bawa keluarga", "ajak keluarga", "ajak tetangga", "diminta ikut", "diminta hadir",
	"diminta datang", "diminta menjemput", "diminta menyambut", "menjemput", "jemput", "mobil bak", "mobil bak terbuka",
	"ada mobil", "truk", "angkot", "pick up", "uang transport", "uang bensin", "ongkos transport",
	"mengantar warga", "antar warga", "diantar", "kendaraan operasional", "mobil dinas",
	"konvoi bersama", "iring-iringan", "berangkat rombongan", "kumpul jam", "ngumpul jam", "kumpul pukul", "titik jemput", "titik temu", "meeting point", "sewa bus", "bus gratis", "transportasi gratis", "ojek gratis", "disediakan kendaraan", "disediakan transportasi", "nasi kotak", "uang saku", "fotokopi ktp", "kumpulkan ktp", "setor ktp", "dukungan ktp",
	"bantu mambagi", "bantu membagi", "bantu bagi", "keberangkatan", "membawa minimal", "bawa minimal", "koordinir warga", "koordinir warganya", "kursi sudah disiapkan", "angkat kursi",
	"mobil sudah siap", "mobil siap", "kendaraan siap", "yang akan ikut", "yang mau ikut", "yang ingin ikut", "yang siap ikut",
	"mengirimkan", "kirimkan", "mengirim perwakilan", "mengutus", "utusan", "delegasi",
	"menyiapkan tenda", "siapkan tenda", "pasang tenda", "siapkan kursi", "bantu persiapan", "membantu persiapan", "konsumsi peserta", "mengerahkan warga", "menggerakkan warga", "kerahkan warga",
	"memfasilitasi", "difasilitasi", "fasilitasi", "meminjamkan", "dipinjamkan", "pinjamkan", "menyediakan tempat", "menyediakan konsumsi", "jadi panitia", "menjadi panitia",
	"konvoi motor", "konvoi ke", "start dari", "bensin diganti", "pendaftaran peserta", "registrasi", "kupon undian", "doorprize", "hadiah utama", "tenda dan kursi", "sound system", "terima kasih sudah datang", "terima kasih sudah hadir", "terima kasih atas kehadiran", "hadirilah", "datanglah", "bakumpul", "rame-rame hadir", "kebagian kursi", "daftar ke staf", "daftar ke kantor", "siap menyambut",
	"sambut beliau", "dengan meriah",
	"rombongan kelurahan", "rombongan kecamatan", "rombongan warga", "daftar nama",
}

// inviteCues are invitations and instructions to an audience.
var inviteCues = []string{
	"ayo", "yuk", "mari", "diharapkan", "dimohon", "mohon", "wajib", "silakan", "silahkan", "jangan lupa",
	"diundang", "mengundang", "undangan", "mengajak", "ajak", "bagi warga yang", "yang mau", "yang ingin",
	"yang bisa", "ditunggu", "kami tunggu", "kita tunggu", "harap", "diwajibkan", "agar", "supaya",
	"kami mengajak", "diinstruksikan", "diperintahkan", "instruksi", "dimohon kesediaannya", "mohon kesediaan", "dianjurkan", "kepada seluruh", "bagi yang", "buat yang", "yang berminat",
	"kepada bapak", "kepada ibu", "kepada yth", "yth", "kepada para",
	"diminta", "tolong", "diharap",
	// Banjar "jangan kada datang" (do not fail to come) invites.
	"jangan kada", "jangan sampai kada", "jangan tidak", "jangan sampai tidak",
}

// attendCues are attending an event.
var attendCues = []string{
	"hadir", "hadiri", "hadirilah", "menghadiri", "kehadiran", "datang", "datanglah", "ikut", "ikuti", "ikutilah",
	"mengikuti", "nonton", "menonton", "berangkat ke", "berangkat menuju", "hadir ke",
	"menyambut", "sambut", "meramaikan", "memeriahkan", "turut hadir", "ikut serta", "sukseskan", "menyukseskan",
	"datangi", "padati", "penuhi", "bergabung di", "gabung di", "turun ke jalan",
	"luangkan waktu", "meluangkan waktu", "sempatkan", "menyempatkan", "sempatkan hadir",
	"turut serta", "berpartisipasi", "ikut berpartisipasi",
	"mendampingi", "menemani", "mendampingi rombongan",
}

// eventCues are campaign events and campaign organs: mobilising people to
// them takes a side even when no candidate is named.
var eventCues = []string{
	"kampanye", "kampanye akbar", "kampanye terbuka", "kampanye dialogis", "rapat umum", "posko pemenangan",
	"posko relawan", "rumah pemenangan", "tim sukses", "timses", "tim pemenangan", "deklarasi dukungan",
	"deklarasi pemenangan", "deklarasi relawan", "deklarasi pencalonan", "deklarasi paslon", "deklarasi calon",
	"konsolidasi pemenangan", "konsolidasi partai", "konsolidasi kader", "temu kader", "simpatisan",
	"tim kampanye", "jurkam", "juru kampanye", "relawan pemenangan", "saksi paslon", "saksi partai",
	"rapat akbar", "pengukuhan relawan", "pelantikan relawan", "kampanye tatap muka", "safari politik", "blusukan",
	"pemenangan",
	"konsolidasi relawan", "konsolidasi tim", "rapat konsolidasi", "posko perjuangan", "rumah perjuangan",
}

// greetCues are greetings: anniversaries, birthdays, congratulations,
// festive days.
var greetCues = []string{
	"selamat ulang tahun", "selamat ultah", "selamat hut", "dirgahayu", "selamat milad", "happy milad", "milad",
	"selamat hari lahir", "selamat harlah", "harlah", "selamat hari jadi", "selamat atas", "selamat kepada",
	"selamat dan sukses", "happy birthday", "hbd", "barakallah fii umrik", "barakallah", "selamat idul fitri",
	"selamat hari raya", "selamat natal", "selamat tahun baru", "mohon maaf lahir dan batin", "selamat menunaikan",
	"marhaban ya ramadhan", "selamat hari", "mengucapkan selamat", "happy anniversary", "selamat merayakan",
	"selamat bertambah usia", "selamat bertambah umur", "met ultah",
	"selamat memperingati", "selamat hari ulang tahun", "ucapan selamat", "happy harlah",
	"selamat bergabung", "selamat datang di partai",
	"selamat atas pelantikan", "selamat atas pencalonan", "selamat atas penetapan", "congrats", "congratulations", "met milad",
}

// wishCues are wishes of electoral success.
var wishCues = []string{
	"menang", "kemenangan", "terpilih kembali", "semoga terpilih", "dua periode", "periode kedua", "periode ke-2", "periode ke 2",
	"2 periode", "lanjutkan", "sukses di pilkada", "sukses di pemilu", "sukses di pilgub", "sukses di pilwali",
	"duduk di senayan", "lolos ke senayan", "lolos parlemen", "jadi presiden", "jadi wakil presiden",
	"semoga sukses", "sukses selalu",
	// A candidate wished to lead what the race is for ("amanah memimpin
	// negeri ke depan"): soft (see softWish), so a sitting leader's
	// birthday greeting after the vote is a courtesy.
	"memimpin negeri ke depan", "memimpin negeri ini ke depan", "memimpin indonesia ke depan", "memimpin kaltim ke depan",
	"memimpin samarinda ke depan", "memimpin bangsa ke depan",
	"kembali mengabdi", "kembali memimpin", "memimpin lagi", "mengabdi lagi", "kembali menjabat",
	"memimpin negeri mulai", "memimpin indonesia mulai", "memimpin bangsa mulai", "memimpin kaltim mulai", "memimpin samarinda mulai",
	"jadi gubernur", "jadi wakil gubernur", "jadi wali kota", "jadi walikota", "jadi wakil wali kota", "jadi bupati",
	"sukses di pileg", "sukses di pilpres", "sukses nyaleg", "lolos dprd", "duduk di dprd", "jadi dewan", "menang pileg", "menang pilkada",
	"semoga menang", "moga menang", "siap menang",
	"sukses sampai", "lancar sampai", "menuju kaltim 1", "kaltim 1", "samarinda 1", "ri 1", "menuju ri 1", "makin besar", "semakin besar", "jilid 2", "jilid ii", "menang pilgub", "menang pilwali", "menang pemilu", "menang di pilkada", "menang di pemilu", "berjaya di pemilu", "jaya di pemilu", "semoga dilancarkan", "kembali ke senayan", "masuk senayan",
	"jilid 2", "jilid ii", "jilid dua",
	"kembali dipercaya", "diberi amanah",
	"kembali memimpin", "memimpin kembali", "lanjut memimpin",
}

// wishCueList is wishCues with the wishes of another term.
func wishCueList() []string { return append(append([]string{}, wishCues...), continuationWishes...) }

// promoCues frame a party's or candidate's deeds as promotion.
var promoCues = []string{
	"hadir untuk", "selalu hadir", "hadir di tengah", "hadir bagi", "hadir sampai ke", "hadir sampai pelosok", "hadir hingga ke", "hadir hingga pelosok", "peduli", "peduli rakyat", "kepedulian", "terima kasih",
	"makasih", "trimakasih", "berkat", "bukti nyata", "kerja nyata", "untuk rakyat", "bersama rakyat",
	"untuk warga", "bekerja untuk", "melayani rakyat", "melayani umat", "wong cilik", "rakyat kecil", "berbagi",
	"baksos", "bakti sosial", "bukan janji", "bukan cuma janji", "turun ke warga", "turun langsung",
	"turun ke masyarakat", "dekat dengan rakyat", "repost", "regram", "bekerja sama dengan", "kerja sama dengan",
	"berkolaborasi dengan", "bersinergi dengan",
	"aksi nyata", "wujud kepedulian", "bentuk kepedulian", "mengabdi untuk", "untuk masyarakat", "bagi masyarakat", "bagi warga", "untuk umat", "dari rakyat untuk rakyat",
	"bukti komitmen", "komitmen partai", "wujud nyata", "hadir nyata", "peduli sesama", "berbagi kasih",
	"persembahan", "persembahan dari", "dipersembahkan", "dipersembahkan oleh", "hadir, nyamuk",
	"ayo kenali", "kenali caleg", "kenali calon", "yuk kenali",
	"berterima kasih", "mengapresiasi", "apresiasi", "partai yang melayani", "memang melayani",
	"benar-benar melayani", "betul-betul melayani", "sungguh melayani", "sungguh-sungguh melayani",
}

// aidCues are aid and services.
var aidCues = []string{
	"bantuan", "sembako", "paket", "beras", "gratis", "santunan", "beasiswa", "sumur bor", "ambulans",
	"pengobatan", "posko", "rumah aspirasi", "bagi-bagi", "pembagian", "dibagikan", "menyalurkan", "salurkan",
	"bedah rumah", "sembako murah", "pasar murah", "cek kesehatan", "bibit", "benih", "pupuk",
	"fogging", "air bersih", "bibit pohon", "alat tulis", "sembako gratis",
	"khitanan massal", "sunatan massal", "operasi pasar", "pengobatan mata", "kacamata gratis", "pengobatan gratis",
	"pangan murah", "gerakan pangan murah", "harga miring", "minyak goreng murah", "seragam sekolah",
	"donasi", "sumbangan", "bingkisan", "kursi roda", "pemeriksaan kesehatan", "periksa kesehatan", "cek tensi",
	"periksa mata", "cek gula darah", "layanan kesehatan gratis", "bazar murah",
}

// attrCues are campaign attributes.
var attrCues = []string{
	"kaos", "kaus", "stiker", "atribut", "bendera", "rompi", "jaket", "topi", "pin", "kalender", "alat peraga",
	"seragam partai", "baju partai", "umbul-umbul", "spanduk", "baliho", "poster",
}

// attrActCues hand out, put up or wear attributes.
var attrActCues = []string{
	"pembagian", "dibagikan", "bagi", "bagikan", "membagikan", "pakai", "memakai", "mengenakan", "kompak",
	"diambil", "ambil", "tersedia", "dipasang", "pasang", "memasang", "dibagi", "dipakai", "dikenakan",
	"dibagi-bagikan", "terpasang", "dipasangi",
	"dipajang", "pajang", "bergambar", "sudah sampai",
}

// collectCues invite people to collect handed-out goods.
var collectCues = []string{
	"ambil", "diambil", "silakan ambil", "silakan diambil", "bisa diambil", "yang belum dapat", "belum kebagian",
	"bagi yang belum", "ambil di", "diambil di",
	"tukarkan", "ditukarkan", "tukar di",
}

// recruitCues recruit members, cadres or volunteers.
var recruitCues = []string{
	"gabung jadi kader", "bergabung jadi kader", "daftar jadi kader", "gabung relawan", "bergabung dengan relawan",
	"barisan relawan", "daftar relawan", "rekrutmen relawan", "ayo gabung", "ayo bergabung", "mari bergabung",
	"kartu tanda anggota", "daftar anggota", "rekrutmen", "butuh saksi", "dibutuhkan saksi", "butuh relawan",
	"dicari relawan", "lowongan", "daftar jadi", "jadi saksi", "daftar saksi", "daftarkan diri",
	"pendaftaran anggota", "buka pendaftaran", "open recruitment", "oprec",
	"pendaftaran relawan", "pendaftaran saksi", "relawan saksi", "silakan daftar", "daftar melalui", "daftar lewat", "segera daftar", "ayo daftar", "gabung tim",
	"dicari",
	"dibutuhkan segera", "dicari segera", "open rekrutmen", "gabung yuk", "yuk gabung", "yuk daftar",
	"bergabung menjadi", "ayo jadi relawan", "jadilah relawan", "jadilah bagian", "merekrut", "mencari relawan", "mencari saksi",
	"didata", "sebagai pendukung", "bawa ktp", "ktp dukungan", "gabung bersama kami", "bergabung bersama kami", "gabung dengan kami", "bergabung dengan kami",
}

// joinCues are joining a party or team: recruitment when invited ("ayo
// ... jadi kader"), a description otherwise ("dia jadi kader partai").
var joinCues = []string{"jadi kader", "jadi anggota", "menjadi anggota", "menjadi kader", "gabung bersama", "bergabung bersama"}

// complainCues complain about aid or its handing out: a post that says
// the aid was unfair does not promote who gave it.
var complainCues = []string{"tidak merata", "nggak merata", "gak merata", "kurang merata", "tidak kebagian", "nggak kebagian",
	"gak kebagian", "ga kebagian", "kada kebagian", "gigit jari", "pilih kasih", "kok cuma", "cuma buat", "cuma untuk",
	"hanya untuk kader", "cuma dibagi", "dipolitisasi", "politisasi bantuan", "tolong bawaslu", "lapor bawaslu"}

// affilCues introduce an official's party ("Ketua DPRD dari Partai
// Gerindra", "anggota Fraksi Golkar"): thanks to them is thanks to the
// office holder.
var affilCues = []string{"fraksi", "dari fraksi", "f-", "legislator", "politisi", "politikus"}

// roleCues are candidate roles: a name after them (or before "jadi ...")
// is a candidate, listed in the catalog or not.
var roleCues = []string{
	"bacalon", "balon", "bakal calon", "bacawali", "bacawawali", "bacagub", "bacawagub", "bacapres", "bacaleg",
	"bakal calon wali kota", "bakal calon gubernur", "bakal calon presiden", "bakal calon bupati",
	"cawali", "cagub", "capres", "caleg", "cabup", "calon wali kota", "calon walikota", "calon gubernur",
	"calon bupati", "calon legislatif", "calon anggota dewan", "calon anggota dprd",
	"jadi wali kota", "jadi walikota", "jadi gubernur", "jadi presiden", "jadi bupati", "jadi anggota dewan",
	"jadi anggota dprd", "jadi dewan", "jadi wakil wali kota", "jadi wakil gubernur",
}

// honorifics come before names and are skipped when reading one.
var honorifics = []string{
	"pak", "bapak", "bu", "ibu", "bang", "abang", "kak", "kakak", "mas", "mbak", "bunda", "abah", "kyai", "kiai",
	"ustaz", "ustadz", "haji", "hj", "dr", "ir", "drs", "prof", "sdr", "saudara", "saudari", "tuan", "puan",
	"datuk", "acil", "julak", "pakde", "bude", "om", "tante", "h",
}

// joinedAlias is an alias written as one word ("Rudy Seno" → "rudyseno"),
// or "" when it is too short to stand alone in a hashtag.
func joinedAlias(alias string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimPrefix(alias, "=")) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() < 3 {
		return ""
	}
	return b.String()
}

// hashtagPrefixes and hashtagSuffixes turn an actor's name into a campaign
// hashtag (#MenangkanRudySeno, #GerindraMenang, #Golkar2029).
var (
	hashtagPrefixes = []string{"menangkan", "pilih", "coblos", "dukung", "salam", "kawal", "tetap"}
	hashtagSuffixes = []string{"menang", "juara", "jaya", "peduli", "berbagi", "hadir", "bangkit", "lagi",
		"lanjut", "lanjutkan", "pilihanku", "pastimenang", "satuputaran", "duaperiode"}
)

// campaignHashtags are the campaign hashtags built from an actor's aliases:
// a prefix or suffix call, or an election year.
func campaignHashtags(a *Actor) []string {
	var out []string
	names := append([]string{a.ID}, a.Aliases...)
	seen := map[string]bool{}
	for _, al := range names {
		j := joinedAlias(al)
		if j == "" || seen[j] {
			continue
		}
		seen[j] = true
		for _, p := range hashtagPrefixes {
			out = append(out, "#"+p+j)
		}
		for _, sfx := range hashtagSuffixes {
			out = append(out, "#"+j+sfx)
		}
		if a.Number != "" {
			// A party's or a pair's name with its ballot number
			// ("#PartaiGelora7", "#Golkar04").
			out = append(out, "#"+j+a.Number, "#"+j+"0"+a.Number)
		}
		for y := firstYear; y <= hashtagLastYear; y++ {
			out = append(out, fmt.Sprintf("#%s%d", j, y), fmt.Sprintf("#%d%s", y, j))
			for _, p := range yearHashtagMiddles {
				out = append(out, fmt.Sprintf("#%d%s%s", y, p, j))
			}
		}
	}
	return out
}

// hashtagLastYear bounds the years of generated hashtags (#Golkar2029,
// #2029TetapPrabowo); yearHashtagMiddles go between a year and a name.
const hashtagLastYear = 2040

var yearHashtagMiddles = []string{"tetap", "pilih", "lanjut"}

// counterPhrases are numbers that count or label things ("RT 08", "jam
// 2", "TPS 01"): absorbed so that they are never read as ballot numbers.
func counterPhrases() []string {
	var out []string
	for n := 1; n <= 30; n++ {
		d := strconv.Itoa(n)
		for _, p := range []string{"rt", "rw", "jam", "pukul", "tps", "gang", "gg", "blok", "lantai", "kelas", "tanggal", "tgl", "km", "no rumah", "nomor rumah", "ke"} {
			out = append(out, p+" "+d)
			if n < 10 {
				out = append(out, p+" 0"+d)
			}
		}
	}
	return out
}

// occasionCues are occasions people are invited to: with an invitation and
// a party, candidate or campaign organ in the post they mobilise ("ada
// acara silaturahmi dengan Tim Pemenangan X ... mari luangkan waktu").
var occasionCues = []string{
	"acara", "kegiatan", "silaturahmi", "silaturahim", "pertemuan", "temu", "gathering", "ramah tamah",
	"tatap muka", "dialog", "sosialisasi program", "kunjungan", "makan bersama", "doa bersama", "pengajian",
	"senam", "jalan sehat", "jalan santai", "gerak jalan", "nobar", "nonton bareng", "konser", "apel",
	"lomba", "turnamen", "bazar", "gowes", "fun run", "sepeda santai", "panggung hiburan", "hiburan rakyat", "festival", "malam keakraban", "tausiyah", "maulid", "tabligh akbar", "halal bihalal", "arisan", "syukuran", "lomba mancing",
}

// stemCues give affixed forms the class of their root, for the words the
// phrase lists do not spell out ("dikumpulkan", "penyambutan",
// "didaftarkan"): every class here fires only together with a party, a
// candidate or a campaign event, so a root is safe where the bare word
// would not be.
var stemCues = map[string]string{
	"hadir": cAttend, "datang": cAttend, "ikut": cAttend, "sambut": cAttend, "ramai": cAttend, "meriah": cAttend,
	"sempat": cAttend, "luang": cAttend,
	"kumpul": cMob, "jemput": cMob, "angkut": cMob,
	"undang": cInvite, "ajak": cInvite, "mohon": cInvite,
	"daftar": cJoin, "rekrut": cJoin, "gabung": cJoin,
	"pasang": cAttrAct, "pajang": cAttrAct, "pakai": cAttrAct, "bagi": cAttrAct,
	"salur": cAid, "santun": cAid,
	"dukung": cSupW,
}

// stemStop are affixed words whose root misleads: "berikut" (following)
// is not "ikut", "pendatang" (a newcomer) not "datang", "undang-undang" (a
// law) not an invitation.
var stemStop = map[string]bool{"berikut": true, "berikutnya": true, "pendatang": true, "pendatangan": true,
	"undang-undang": true, "perundang-undangan": true, "perundangan": true, "permohonan": true, "keramaian": true,
	"meramal": true, "pakaian": true, "bagian": true, "sebagian": true, "bagi": true, "pemakaian": true,
	"pendukung": true, "pendukungnya": true, "terdaftar": true, "pendaftar": true}
