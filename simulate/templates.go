package simulate

// The simulator's text comes from templates written for this project (no
// dataset text): everyday Indonesian and Banjar as Samarinda people write
// it on social media, with slang, elongations, emoji and hashtags. Slots:
// {place} a kecamatan or kelurahan, {alias} a program alias, {tag} a program
// hashtag, {emo} an emoji that fits the tone.

// intent is the ground truth a template carries, used for pre-tagged
// simulation (load tests, alert evaluation) and for checking taggers.
type intent struct {
	sentiment string // positive | neutral | negative
	hostility string // none | abusive | hate
	threat    bool
	partisan  bool
	political bool
}

type template struct {
	text string
	intent
}

var (
	pos     = intent{sentiment: "positive", hostility: "none"}
	neu     = intent{sentiment: "neutral", hostility: "none"}
	neg     = intent{sentiment: "negative", hostility: "none"}
	abusive = intent{sentiment: "negative", hostility: "abusive"}
	hate    = intent{sentiment: "negative", hostility: "hate"}
	threat  = intent{sentiment: "negative", hostility: "abusive", threat: true}
	partyOn = intent{sentiment: "positive", hostility: "none", political: true, partisan: true}
	polNeu  = intent{sentiment: "neutral", hostility: "none", political: true}
)

// program describes one watched city program for the simulator.
type program struct {
	id      string
	aliases []string
	tags    []string
	weight  float64
	texts   []template
}

var programs = []program{
	{
		id: "probebaya", weight: 0.26,
		aliases: []string{"Probebaya", "Pro Bebaya", "pro-bebaya", "program Probebaya"},
		tags:    []string{"#Probebaya", "#ProbebayaSamarinda"},
		texts: []template{
			{"Alhamdulillah dana {alias} sudah cair di RT kami, jalan gang di {place} akhirnya disemenisasi {emo}", pos},
			{"{alias} mantap bgt, warga {place} bisa bikin drainase sendiri lewat swakelola {tag}", pos},
			{"Terima kasih Pemkot, {alias} bikin RT kami lebih mandiri. Semoga lanjut terus {emo}", pos},
			{"Bubuhan RT ulun di {place} bungas banar gawian {alias} ni, jalan kada bebecek lagi {emo}", pos},
			{"Pian tahu kah, {alias} tahun ini dipakai gasan posyandu di {place}. Nyaman banar warga {emo}", pos},
			{"Rapat warga bahas usulan {alias} 2027 di balai RT {place} malam ini pukul 19.30 WITA", neu},
			{"Pemkot Samarinda tetapkan alokasi {alias} Rp100 juta per RT untuk tahun anggaran depan {tag}", neu},
			{"Sosialisasi juknis {alias} untuk ketua RT se-Kecamatan {place} digelar di kantor camat", neu},
			{"Dana {alias} di RT kami kok gak jelas larinya kemana ya? Laporan pertanggungjawaban gak pernah ditempel {emo}", neg},
			{"{alias} cuma buat proyek ketua RT doang, warga biasa gak pernah diajak musyawarah {emo}", neg},
			{"Kada jelas jua laporan {alias} di RT ulun, duitnya kemana kah? {emo}", neg},
			{"Udh 3 bulan usulan {alias} di {place} gak diproses, kelurahan lambat bgt", neg},
			{"Ketua RT tolol, dana {alias} dipakai buat beli motor sendiri. Dasar maling! {emo}", abusive},
			{"Pengurus {alias} di {place} goblok semua, kerja gak becus makan duit rakyat {emo}", abusive},
		},
	},
	{
		id: "teras-samarinda", weight: 0.17,
		aliases: []string{"Teras Samarinda", "teras samarinda", "Teras Mahakam"},
		tags:    []string{"#TerasSamarinda", "#SamarindaKotaPeradaban"},
		texts: []template{
			{"Sore di {alias} cakep bgt, sunsetnya di Mahakam juaraaa {emo} {tag}", pos},
			{"Ajak keluarga jalan ke {alias}, bersih dan rapi. Samarinda makin keren {emo}", pos},
			{"Wayah ini {alias} bungas banar, nyaman gasan bubuhan anak bakulilingan {emo}", pos},
			{"Akhir pekan ini ada pentas seni budaya Kutai di {alias} mulai pukul 16.00 WITA {tag}", neu},
			{"Dishub atur ulang parkir di sekitar {alias} mulai Senin depan", neu},
			{"Parkir liar di {alias} makin parah, tukang parkir minta 10rb seenaknya {emo}", neg},
			{"{alias} sepi pengunjung pas siang, panas banget gak ada peneduh. Anggaran miliaran buat apa {emo}", neg},
			{"Lampu di {alias} banyak yang mati, gelap bahaya buat anak-anak {emo}", neg},
			{"Kada nyaman ke {alias} wayah malam, banyak bubuhan mabuk {emo}", neg},
			{"Yang bikin desain {alias} otaknya di dengkul, buang2 duit rakyat anjing {emo}", abusive},
		},
	},
	{
		id: "terowongan-samarinda", weight: 0.18,
		aliases: []string{"Terowongan Samarinda", "terowongan Sultan Alimuddin", "terowongan", "Terowongan Samarinda"},
		tags:    []string{"#TerowonganSamarinda"},
		texts: []template{
			{"Lewat {alias} tadi pagi, mulus dan cepat. Gak perlu muter lagi ke Jalan Kakap {emo}", pos},
			{"Salut, {alias} jadi ikon baru kota. Semoga perawatannya konsisten {emo} {tag}", pos},
			{"Rekayasa lalu lintas di {alias} berlaku pukul 06.00–09.00 WITA selama uji coba", neu},
			{"Dinas PUPR lakukan uji kelayakan {alias} bersama tim ahli dari pusat {tag}", neu},
			{"{alias} retak lagi?? Baru dibuka udah bermasalah, gimana sih kontraktornya {emo}", neg},
			{"Takut lewat {alias}, tanahnya labil. Kada yakin ulun aman {emo}", neg},
			{"Macet parah di mulut {alias} arah Sultan Alimuddin, udh 30 menit gak gerak {emo}", neg},
			{"Kontraktor {alias} bangsat, duit rakyat dikorupsi terus {emo}", abusive},
			{"Pejabat yang urus {alias} bego semua, dasar tikus kantor {emo}", abusive},
		},
	},
	{
		id: "pasar-pagi", weight: 0.13,
		aliases: []string{"Pasar Pagi", "pasar pagi", "revitalisasi Pasar Pagi"},
		tags:    []string{"#PasarPagi", "#PasarPagiSamarinda"},
		texts: []template{
			{"Gedung baru {alias} bagus, bersih, gak becek lagi. Belanja jadi nyaman {emo}", pos},
			{"Pedagang {alias} senang lapak barunya terang dan luas {emo} {tag}", pos},
			{"Pemkot undi lapak {alias} untuk 1.200 pedagang minggu ini di {place}", neu},
			{"Jadwal pindah pedagang ke gedung {alias} diumumkan Disdag, cek di kelurahan masing-masing", neu},
			{"Sewa lapak {alias} mahal bener, pedagang kecil gak sanggup {emo}", neg},
			{"Lapak ulun di {alias} kada dapat, padahal sudah bejualan lawas {emo}", neg},
			{"Relokasi sementara {alias} bikin omzet turun drastis, pembeli pada bingung {emo}", neg},
			{"Panitia undian {alias} curang, dasar brengsek semua {emo}", abusive},
		},
	},
	{
		id: "banjir", weight: 0.20,
		aliases: []string{"banjir", "drainase", "normalisasi Sungai Karang Mumus", "SKM"},
		tags:    []string{"#BanjirSamarinda", "#SamarindaBanjir"},
		texts: []template{
			{"Alhamdulillah normalisasi SKM mulai kerasa, hujan deras tadi {place} gak banjir lagi {emo}", pos},
			{"Drainase baru di {place} kerja bagus, air cepat surut {emo} {tag}", pos},
			{"Syukur banar, wayah ini kada banjir lagi di {place} habis parit diganali {emo}", pos},
			{"BPBD: genangan di {place} setinggi 30 cm, warga diimbau waspada hujan susulan {tag}", neu},
			{"Pengerjaan drainase Jalan DI Panjaitan dilanjutkan pekan depan, pengendara diminta mencari jalur alternatif", neu},
			{"Banjir lagi di {place}, motor mogok semua. Tiap hujan pasti gini {emo} {tag}", neg},
			{"Parit di {place} mampet gak pernah dikeruk, baunya minta ampun {emo}", neg},
			{"Banyu naik lagi di rumah ulun di {place}, kada tuntung-tuntung banjir ni {emo}", neg},
			{"Janji bebas banjir cuma omong kosong, udh bertahun2 gini terus {emo}", neg},
			{"Pemkot tolol, tiap tahun banjir gak ada solusi, kerja apa kalian {emo}", abusive},
		},
	},
	{
		id: "twap", weight: 0.06,
		aliases: []string{"TWAP", "Tim Wali Kota untuk Akselerasi Pembangunan", "tim TWAP"},
		tags:    []string{"#TWAP"},
		texts: []template{
			{"{alias} turun langsung cek keluhan warga {place}, responsnya cepat {emo}", pos},
			{"{alias} gelar rapat evaluasi program prioritas bersama OPD di Balai Kota", neu},
			{"{alias} ini kerjanya apa sih? Gaji gede tapi masalah gak beres {emo}", neg},
		},
	},
}

// offTopic are city mentions that match no program (they still count).
var offTopic = []template{
	{"Antrean e-KTP di Disdukcapil Samarinda pagi ini panjang, datang sebelum jam 7 ya {emo}", neu},
	{"Pelayanan Puskesmas di {place} ramah dan cepat, terima kasih nakes {emo}", pos},
	{"Jalan berlubang di {place} dekat sekolah belum diperbaiki, bahaya buat pengendara {emo}", neg},
	{"Sampah numpuk di TPS {place} tiga hari gak diangkut DLH {emo}", neg},
	{"Satpol PP tertibkan PKL di trotoar {place} pagi tadi", neu},
	{"Air PDAM di {place} mati lagi dari subuh, kada mengalir sampai wayah ini {emo}", neg},
}

// hateTemplates are group-targeted hate for the demo's hostile spike. They
// are deliberately generic (no real person or group is named).
var hateTemplates = []template{
	{"Bubuhan pendatang itu biang kerok semua, usir aja dari Samarinda {emo}", hate},
	{"Dasar kaum kafir, gak usah ikut urus {alias} {emo}", hate},
	{"Orang-orang suku itu memang otak kriminal, jangan kasih proyek {alias} {emo}", hate},
	{"Kontraktor {alias} itu cina maling semua, usir mereka {emo}", hate},
	{"Pejabat yang urus {alias} bangsat semua, bakar aja kantornya {emo}", threat},
	{"Kontraktor {alias} habisi aja, gantung di depan balai kota {emo}", threat},
}

// partisanGov are posts by government accounts that take a side (the
// neutrality breaches the office must see); partisanCitizen the same from
// citizens (not breaches); electionNeutral election talk that takes none.
var (
	partisanGov = []template{
		{"Ayo warga {place}, coblos nomor 2 di Pilkada nanti! Lanjutkan pembangunan bersama pasangan pilihan kita {emo}", partyOn},
		{"Salam dua jari dari keluarga besar Kelurahan! Menangkan Prabowo-Gibran dua periode {emo}", partyOn},
		{"Dukung terus Partai Gerindra, bersama kita menangkan pemilu berikutnya {emo} #GerindraMenang", partyOn},
	}
	partisanCitizen = []template{
		{"Pokoknya 2029 pilih AMIN lagi, perubahan harus dilanjutkan {emo}", partyOn},
		{"Ganjar-Mahfud pilihan rakyat kecil, jangan lupa kita pernah berjuang {emo}", partyOn},
		{"Jangan pilih partai yang kadernya korupsi {alias}, ingat di 2029! #GantiWalikota", partyOn},
	}
	electionNeutral = []template{
		{"KPU Samarinda mulai mutakhirkan data pemilih di {place}, cek nama anda di cekdptonline", polNeu},
		{"Jangan golput, gunakan hak pilih Anda dengan bijak {emo}", polNeu},
		{"Bawaslu ingatkan ASN dan perangkat RT wajib netral di tahun politik", polNeu},
	}
)

var emoji = map[string][]string{
	"positive": {"👍", "😍", "🙏", "❤️", "👏", "😊", "✨", ""},
	"neutral":  {"", "", "📢", "ℹ️"},
	"negative": {"😡", "😤", "🙄", "😭", "😩", "🤬", ""},
}

// places are kecamatan and kelurahan names as people write them.
var places = []string{
	"Samarinda Ulu", "Samarinda Ilir", "Samarinda Kota", "Samarinda Seberang", "Samarinda Utara",
	"Sungai Kunjang", "Sungai Pinang", "Sambutan", "Palaran", "Loa Janan Ilir",
	"Sempaja", "Lempake", "Air Hitam", "Air Putih", "Sidodadi", "Karang Asam", "Bukit Pinang",
	"Gunung Kelua", "Harapan Baru", "Rapak Dalam", "Sidomulyo", "Selili", "Bantuas", "Handil Bakti",
}
