package catalog

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestRound25Frames pins the miss classes of the tune sets AP, AQ and AR
// (first scores on 25ebb85: 0.9699 39/40, 0.9400 35/40, 0.9298 37/40
// with one false breach), each beside the hard negative it must not catch.
func TestRound25Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A lucky number with the vote day's date; the same number with another date is a raffle's.
		{"Tim futsal putri Kel. Sempaja juara 2 😍 Nomor dua memang angka keberuntungan kita, ingat tanggal 28 ya 😉", "2029-11-12", "support-call:"},
		{"Undian arisan RT bulan ini: nomor dua memang nomor hoki kita, kocok ulang tanggal 12 ya", "2029-11-02", ""},
		// A pose wished the same on the vote day, the date abbreviated.
		{"Juara 1 lomba kebersihan kelas 🏆 pose dua jari, semoga 27 Nov nanti juga juara ya ✌️", "2024-11-16", "hand-sign:"},
		// Fingers and a keycap of the same number; different numbers are no pose of one.
		{"Gotong royong bersih parit bareng warga RT 12 💪 foto pakai jari dua biar kompak 2️⃣", "2024-11-10", "hand-sign:"},
		{"Pelatihan PPGD kader posyandu, peserta dua jari 😁 ruang 1️⃣ dan 3️⃣ dipakai bergantian", "2024-11-10", ""},
		// A ballot number praised at a debate; a team's number at a match is not a ballot.
		{"Nonton debat tadi malam di aula kantor. Jujur 03 paling masuk akal, programnya konkret 👍", "2024-01-22", "support-praise:"},
		{"Final futsal antar kelurahan: nomor punggung 03 paling keren mainnya, gagasan taktik pelatih jalan 👍", "2024-01-22", ""},
		// "AMINkan" in capitals; a prayer's "aminkan" in lower case.
		{"Semoga panen warga Lempake melimpah tahun ini, AMINkan bapak ibu ☝️", "2024-01-20", "amin"},
		{"Semoga panen warga Lempake melimpah tahun ini, aminkan bapak ibu 🤲", "2024-01-20", ""},
		// A side's acronym wished a win in a hashtag; a club's is a match.
		{"Senam pagi bareng warga Sungai Pinang, hadir ya bapak ibu, kupon sarapan di meja RT #RAFImenang", "2029-10-07", "unlisted:calon-rafi"},
		{"Nobar final di balai warga, dukung tim kebanggaan kita! #PERSISAMmenang ⚽", "2029-10-07", ""},
		// A side's material handed out by the office; the election body's, and material taken down, are not.
		{"Info dari Pak Lurah: kalender paslon Isran-Hadi tolong dibagikan ke warga tiap RT sebelum Minggu, ambil di kantor", "2024-11-12", "isran-hadi"},
		{"Satpol PP menertibkan stiker paslon yang ditempel di tiang listrik sepanjang Jl. Pahlawan", "2024-11-12", ""},
		{"KPU Samarinda membagikan brosur paslon ke seluruh kelurahan sebagai bahan kampanye yang difasilitasi", "2024-11-12", ""},
		// A number told to end; a vote withheld from a number; a queue number.
		{"Sudah lima tahun gak ada perubahan. 02 cukup sampai di sini aja 🙄", "2024-11-20", "oppose-call:"},
		{"Kasihan demokrasi kita. Jgn kasih suara ke 02 ya bund", "2024-02-09", "oppose-call:"},
		{"Antrian loket 2 cukup sampai di sini hari ini, besok dilanjut", "2024-02-09", ""},
		// A side's slogan mocked; the slogan named as a topic in news is not a jibe.
		{"Hati-hati sama capres yg jualan 'perubahan' tapi partainya ikut kabinet bertahun-tahun 😌", "2024-02-05", "amin"},
		{"Tema debat malam ini: perubahan iklim dan ketahanan pangan, simak siarannya di TVRI", "2024-02-05", ""},
		// One pair as the only answer in an opinion piece; an outlet's report of a claim is not.
		{"OPINI | Hanya pasangan Rudy–Seno yang mampu mempercepat pembangunan jalan di pedalaman Kaltim", "2024-11-18", "rudy-seno"},
		{"Kolom Warga: Menolak lewat kolom kosong itu sikap, dan kali ini sebaiknya memang menolak.", "2024-11-18", "kotak-kosong"},
		{"KPU: memilih kolom kosong sah dan dihitung, warga diimbau datang ke TPS 27 November", "2024-11-18", ""},
		// An opinion's "lebih siap memimpin" for an acronym.
		{"EDITORIAL: SAFA lebih siap memimpin Samarinda, programnya terukur", "2029-10-25", "unlisted:calon-safa"},
		// A pair's visit reposted with cheers; the election body's notice reposted.
		{"Repost: blusukan paslon nomor 1 ke Pasar Pagi tadi, warga antusias sekali 🔥", "2024-11-05", "support-call:"},
		{"Repost: KPU Samarinda menetapkan paslon nomor 1 dan nomor 2, pengundian berjalan lancar 👏", "2024-09-23", ""},
		// The voter's inked finger; the same selfie with a pair named.
		{"abis nyoblos ☝️ jari ungu dulu, rahasia dong pilih siapa 😁", "2024-02-14", ""},
		{"abis nyoblos ☝️ jari ungu, pilih AMIN dong 😁", "2024-02-14", "amin"},
		// A list of parties thanked for attending the city's occasion; one party's rally is a side's.
		{"Rakor HUT Kota Samarinda dihadiri Forkopimda dan perwakilan partai (PDIP, Golkar, Gerindra, PKS, NasDem). Terima kasih atas kehadiran dan masukannya.", "2024-01-10", ""},
		{"Konsolidasi kader Golkar di GOR Segiri, titik kumpul kantor kelurahan jam 7, konsumsi disiapkan", "2024-01-10", "golkar"},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound25BlindMisses pins what the blind pair BK and BL showed once
// scored (0.9599 pooled, 75/80, no false breach, on b27669c): the misses
// near a rule and the outlet's report that was read as a call, each beside
// its hard negative.
func TestRound25BlindMisses(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A candidate wished a second term; a retiring official's birthday is a courtesy.
		{"Selamat milad Bapak Andi Harun 🎂 semoga diberi kesehatan dan kesempatan memimpin Samarinda di periode kedua 🤲", "2024-10-06", "andi-harun"},
		{"Selamat ulang tahun Bapak Sekda 🎂 semoga sehat selalu dan berkah di masa purnabakti", "2024-10-06", ""},
		// Fingers with "angka favorit kita"; a child's favourite number in a counting game.
		{"Foto bareng peserta posyandu remaja 😁✌️ angka favorit kita kan? hehe", "2029-01-20", "hand-sign:"},
		{"Lomba berhitung TK: angka favorit adik2 ternyata tujuh 😄", "2029-01-20", ""},
		// A party's record forwarded to be spread; the city's own record shared.
		{"Diteruskan ya bapak ibu 🙏 Capaian program beringin untuk Kaltim 5 tahun terakhir, tolong share ke grup RT", "2024-01-28", "golkar"},
		{"Diteruskan ya bapak ibu 🙏 Capaian program Pemkot Samarinda 2023, tolong share ke grup RT", "2024-01-28", ""},
		// A side's acronym chosen; a body's acronym chosen for a service.
		{"Kali ini ulun pilih RAJA haja, sudah cukup nang lawas", "2029-11-06", "unlisted:calon-raja"},
		{"Untuk layanan darurat silakan pilih BPBD atau PMI sesuai kebutuhan", "2029-11-06", ""},
		// The ruling called unethical with its beneficiary named; the ethics council's ruling relayed as news.
		{"Pencalonan Gibran itu dari putusan MK yang cacat etik, jangan dinormalisasi bapak ibu", "2024-01-29", "prabowo-gibran"},
		// Our candidate thanked by name; the election body's profile of every candidate.
		{"Laporan kegiatan: kerja bakti di RT 5 berjalan lancar. Terima kasih Bung Dimas Saputra, calon DPD kita 👊", "2029-02-08", "unlisted:calon-dimas-saputra"},
		{"Kenali calon DPD kita: KPU merilis profil Bapak Arya Wiratama dan 19 calon lainnya", "2024-01-25", ""},
		// "bukan cuma kata" is no report: a party's wing at the office's clean-up, praised.
		{"Damkar bersama relawan Banteng Muda Indonesia bersihkan parit Jl. Lambung 💪 Kerja nyata, bukan cuma kata!", "2023-12-21", "pdip"},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound25Sets holds round 25's independent sets at the rules' figures
// (the model reads them as training files, so only the rules are held):
// AP, AQ, AR, AS, AT, AU and AV were read after their first score, BK, BL, BM,
// BN, BO and BP were blind.
func TestRound25Sets(t *testing.T) {
	checkSetFloors(t, rulesOnlyIndex(t), map[string]float64{
		"testdata/partisan_indep_ap.jsonl": 0.94, "testdata/partisan_indep_aq.jsonl": 0.91,
		"testdata/partisan_indep_ar.jsonl": 0.88, "testdata/partisan_indep_bk.jsonl": 0.90,
		"testdata/partisan_indep_bl.jsonl": 0.95, "testdata/partisan_indep_as.jsonl": 0.93,
		"testdata/partisan_indep_at.jsonl": 0.94, "testdata/partisan_indep_bm.jsonl": 0.96,
		"testdata/partisan_indep_bn.jsonl": 0.88,
		"testdata/partisan_indep_au.jsonl": 0.94, "testdata/partisan_indep_av.jsonl": 0.91,
		"testdata/partisan_indep_bo.jsonl": 0.92, "testdata/partisan_indep_bp.jsonl": 0.91,
	})
}

// TestRound25TuneAST pins the miss classes of the tune sets AS and AT
// (first scores 0.9500 36/40 and 0.9699 37/40, no false breach), and of
// prayers written as hard negatives, each beside its counterpart.
func TestRound25TuneAST(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A campaign's post reposted with its credit; a city account's credit.
		{"Repost 🔁 Bantuan alat tangkap utk nelayan Palaran, setuju? (cr: @prabowogibran.kaltim)", "2024-02-01", "prabowo-gibran"},
		{"Repost 🔁 Jadwal pelayanan KTP keliling minggu ini (cr: @disdukcapil.samarinda)", "2024-02-01", ""},
		// "Kita support Bang X"; support for a school's team.
		{"Nobar debat di balai warga, kopi disiapkan. Kita support Bang Rudy biar lancar jawabnya 💪", "2024-10-23", "support-call:"},
		{"Kita support tim basket SMPN 2 di final besok! 🏀", "2024-10-23", ""},
		// A number kept with the same fingers.
		{"Selamat Hari Pahlawan 🇮🇩 Semangat juang tetap menyala, insyaAllah tetap nomor dua ✌️", "2024-11-10", "hand-sign:"},
		// An acronym with the election year in a hashtag in a campaign; a commemoration's.
		{"Selamat pagi warga Sempaja, semangat bekerja! #RAKA2029", "2029-01-22", "unlisted:calon-raka"},
		{"Selamat Hari Gizi Nasional! #HGN2029 #SamarindaSehat", "2029-01-25", ""},
		// The past governor's record, not again; a policy's past recalled with no vote.
		{"Ingat dulu waktu pak gubernur yg lama menjabat jalan kita rusak bertahun2. Jangan sampai terulang, pikir baik2 sebelum 27 Nov 🙏", "2024-11-08", "oppose-call:"},
		// A public race's number to community heads addressed; a community's own ballot.
		{"Bpk/Ibu Ketua RT mohon warga diingatkan: paslon nomor 2 yg gagal urus banjir jgn dikasih kesempatan kedua 🙏", "2029-11-10", "oppose-"},
		{"Pemilihan Ketua RT 07 hari Minggu, calon nomor urut 2 Pak Amat. Mohon warga hadir 🙏", "2029-11-10", ""},
		// A prayer's last "AMIN"; "AMIN" winked with a grin.
		{"Jumat berkah, semoga rezeki kita semua lancar dan ada perubahan yg lebih baik. AMIN 🙏", "2024-01-12", ""},
		{"Semoga lingkungan kita sehat dan semua doa dikabulkan, AMIN 🙏😁", "2024-01-23", "amin"},
		// A column's empty box and a column's verdict against an acronym.
		{"KOLOM: Memilih kolom kosong bukan dosa, kekuasaan tanpa lawan harus dikoreksi.", "2024-11-15", "kotak-kosong"},
		{"EDITORIAL | Lima tahun janji, nol solusi. RAKA layak dikoreksi di bilik suara.", "2029-11-12", "unlisted:calon-raka"},
		// A heart settled on a number beside a neutral line; a heart settled on a menu.
		{"Hari tenang.. tp hati udah mantap: nomor 2 utk Kaltim. Yg beda pilihan silakan 🙏", "2024-11-25", "support-call:"},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound25BlindMissesMN pins what the blind pair BM and BN showed once
// scored (0.9399 pooled, 72/80, no false breach, on 1aca0cd): the misses
// near a rule, each beside its hard negative.
func TestRound25BlindMissesMN(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// AMIN to be read again, with a wink; a prayer read slowly for a child.
		{"Alhamdulillah jembatan Gg. Damai rampung. Semoga makin baik... AMIN 🙏 (bacanya pelan2 ya 😉)", "2024-01-20", "amin"},
		// A pose's number matched to "our" pick; a class photo by its room number.
		{"Staf kecamatan foto bareng, jari kompak angka 3 sesuai nomor jagoan 😉", "2029-02-10", "hand-sign:"},
		{"Foto kelas 3 sesuai nomor absen, rapi ya 😄", "2029-02-10", ""},
		// A group settled on an acronym; settled on a venue.
		{"Ayuha bubuhan honorer, kita bulat haja ka paslon RIDHO 🤝", "2029-10-20", "unlisted:calon-ridho"},
		{"Rapat RT sudah bulat ke GOR Segiri untuk lomba 17-an 🤝", "2029-10-20", ""},
		// The incumbent backed to his face in a campaign; a department head thanked.
		{"Makasih pak Wali, jalan kampung sudah mulus. Kami dukung pian tarus 🙏", "2024-11-08", "unlisted:petahana"},
		{"Makasih pak Kadis, layanan makin cepat. Kami dukung programnya 🙏", "2024-11-08", ""},
		// A candidate wished back in office before the campaign.
		{"Selamat milad bapak Isran Noor 🎂 semoga Allah mudahkan jalan untuk kembali memimpin Kaltim 🤲", "2024-09-20", "isran"},
		// Columns: a pair's narrative most relevant, a pair worth a chance, an acronym selling old promises.
		{"Kolom: Mengapa Gagasan Rudy–Seno Paling Relevan bagi Pekerja Tambang", "2024-11-10", "rudy-seno"},
		{"Editorial: Dimas–Ardi Layak Diberi Kesempatan Memimpin Samarinda", "2029-11-01", "dimas"},
		{"EDITORIAL | Pasangan RIANG menjual janji yang sama dengan lima tahun lalu.", "2029-11-15", "unlisted:calon-riang"},
		// A question with "serius nanya" after it is asked, not called.
		{"Kotak kosong itu kalo menang gimana sih? serius nanya, baru kali ini liat", "2024-10-15", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound25ColumnChoice: a column calling the vote for a named person
// rational, in a race against the empty box; a column on the empty box's
// legal standing alone takes no side.
func TestRound25ColumnChoice(t *testing.T) {
	ix := testIndex(t)
	checkFrameCases(t, ix, []frameCase{
		{"KOLOM | Kotak kosong itu hak, tapi rekam jejak Andi Harun terlalu nyata. Memilihnya adalah pilihan yang rasional.", "2024-11-19", "andi-harun"},
		{"KOLOM | Kotak kosong adalah hak konstitusional pemilih dan suaranya dihitung sah oleh KPU.", "2024-11-19", ""},
	})
}

// TestRound25TuneUV pins the miss classes of the tune sets AU and AV
// (first scores 0.9499 38/40 and 0.9199 36/40 with one false breach),
// each beside its hard negative.
func TestRound25TuneUV(t *testing.T) {
	ix := testIndex(t)
	checkFrameCases(t, ix, []frameCase{
		// A number dismissed as talk; a phone number's digits.
		{"Jangan tatipu lagi dangsanak. 02 tu pandir haja, ingati!", "2024-02-09", "oppose-attack:"},
		// An opinion's call to give a catalogued side a chance.
		{"TAJUK | Kolom kosong memang sah, tapi warga sebaiknya memberi AH kesempatan menuntaskan terowongan.", "2024-11-12", "ah-sz"},
		// A column's pair "sudah teruji".
		{"KOLOM | Rudy–Seno sudah teruji di pusat, Kaltim tak perlu berjudi.", "2024-11-19", "rudy-seno"},
		// Office gear at a side's post; a civic post's logistics.
		{"Teman2 kantor, Jumat malam bantu di posko RAFI ya. Kursi ambil di gudang, pickup dinas sudah disiapkan 👍", "2029-10-24", "unlisted:calon-rafi"},
		{"Teman2 kantor, Jumat malam bantu di posko BPBD ya. Kursi ambil di gudang, pickup dinas sudah disiapkan 👍", "2029-10-24", ""},
		// A person's number not to be forgotten; a queue's.
		{"Info pemadaman listrik bsk pagi. Mohon maaf. Bang Jailani nomor 7, jgn lupa ya 😁", "2024-02-06", "jailani"},
		{"Pak Rahmat nomor antrian 7, jangan lupa bawa berkas ya", "2024-02-06", ""},
		// Going back to a number refused.
		{"Jalan poros gitu2 aja lima tahun. Kaltim jgn balik lagi ke nomor 2 🙄", "2024-11-06", "oppose-call:"},
		// Banjar's double negative for remembering a number.
		{"Ulun kada bakampanye, cuma bapadah: isuk jangan kada ingat angka dua lah dangsanak 😉", "2024-02-12", "support-call:"},
		// "AMIN aja dulu"; a prayer's "amin aja" in lower case.
		{"udah lah ganti suasana, AMIN aja dulu 🙏", "2024-01-12", "amin"},
		{"doain ya semoga lancar, bilang amin aja dulu 🙏", "2024-01-12", ""},
		// A community head re-elected for a second term; a race against the empty box described in a question.
		{"Musyawarah karang taruna lancar. Selamat Bung Aldi yg kembali terpilih jadi ketua, lanjut dua periode 💪", "2024-02-04", ""},
		{"Debat pilwali tetap ada gk? Kan calonnya cuma satu lawan kotak kosong", "2024-09-25", ""},
		{"Calon tunggal itu bukti demokrasi mati, lawan dengan kotak kosong!", "2024-10-05", "kotak-kosong"},
	})
}

// TestRound25OutletReportsProgramme: an outlet's report of a candidate's
// programme promotes no service; the same words from a kelurahan do.
func TestRound25OutletReportsProgramme(t *testing.T) {
	ix := testIndex(t)
	const text = "Paslon 02 Rudy Mas'ud menggelar kampanye dialogis di Palaran. Rudy menyinggung program seragam gratis yang perlu diteruskan."
	for _, tc := range []struct {
		kind string
		want bool
	}{{"media", false}, {"government", true}} {
		d, _ := ParseDate("2024-10-19")
		m := &mention.Mention{Text: text, Author: mention.Author{Kind: tc.kind}, PostedAt: d.Noon()}
		NewTagger(ix).Tag(m, normalize.Text(text))
		if got := m.Politics != nil && m.Politics.Partisan; got != tc.want {
			t.Errorf("%s: partisan = %v, want %v (cues %v)", tc.kind, got, tc.want, m.Politics)
		}
	}
}

// TestRound25BlindMissesOP pins what the blind pair BO and BP showed once
// scored (0.9499 pooled, 73/80, one false breach, on 37d2166 with the
// model retrained on AU and AV): the misses near a rule and the false
// breach, each beside its hard negative.
func TestRound25BlindMissesOP(t *testing.T) {
	ix := testIndex(t)
	checkFrameCases(t, ix, []frameCase{
		// A candidate's visit reposted with cheers; the governor's office visit reposted.
		{"Repost: Mas Gibran di Tenggarong hari ini, warga tumpah ruah 🧡 Kita tunggu ke Samarinda ya mas!", "2024-01-25", "gibran"},
		{"Repost: Gubernur meninjau banjir di Sempaja hari ini, warga antusias menyambut 👏", "2024-01-25", ""},
		// "#AMINkanIndonesia" in a notice.
		{"Jadwal posyandu Januari sudah keluar ya bunda. Semoga sehat semua #AMINkanIndonesia", "2024-01-05", "amin"},
		// The undecided given a number beside a civic line.
		{"Tanggal 14 jangan lupa datang ka TPS. Amun bingung, nomor tiga haja pang 🤭", "2024-02-12", "support-call:"},
		// A pose denied with a wink; a peace sign at a peace rally.
		{"Foto bareng peserta pelatihan ✌️ dua jari tanda damai ya, bukan apa2 😜", "2024-11-25", "hand-sign:"},
		{"Deklarasi pemilu damai di Islamic Center ✌️ salam damai untuk Samarinda", "2024-11-25", ""},
		// An office's comment under a candidate's post.
		{"[komentar @kel.sempaja di postingan @rudymasud.official] Semangat terus Pak Rudy 💪", "2024-10-30", "rudy"},
		// A column: only one numbered pair promises it.
		{"Editorial: Kaltim butuh kepastian. Hanya pasangan 01 yang menjanjikannya secara konkret.", "2024-11-20", "isran-hadi"},
		// "nang paling masuk akal" in Banjar; a colour chosen with a knowing face, and a uniform's colour chosen.
		{"Ulun rasa paslon 02 nang paling masuk akal, bapandir pakai data. Share ke grup RT lah", "2024-01-08", "support-praise:"},
		{"Sudah tahu kan mau pilih yang mana 😏 yang baju kuning dong", "2024-11-23", "attributes:"},
		{"Seragam lomba gerak jalan pilih yang kaos putih aja ya, biar seragam", "2024-11-23", ""},
		// A cooperative's own vote: its candidates backed by the members' choice.
		{"RAT Koperasi Pegawai: pemilihan ketua baru, kandidat 01 Bu Sari dan 02 Pak Anwar. Silakan dukung calon pilihan masing2", "2029-03-14", ""},
	})
}

// TestRound25BlindMissesQR pins what the blind pair BQ and BR showed once
// scored on the landing code (0.9399 pooled, 72/80, no false breach, on
// c0c186a): the misses near a rule, each beside its hard negative. The
// pair is not among the model's training files.
func TestRound25BlindMissesQR(t *testing.T) {
	ix := testIndex(t)
	checkFrameCases(t, ix, []frameCase{
		// The empty box "juga pilihan sah".
		{"Banjir masih ada. Kotak kosong juga pilihan sah lho 😏", "2024-11-10", "kotak-kosong"},
		// "meng-AMIN-kan" with hyphens.
		{"Layanan KTP-el keliling Sabtu ini. Semangat meng-AMIN-kan perubahan 😊", "2024-01-13", "amin"},
		// A colour sure to win beside its symbol; a colour beside a flower that is no party's.
		{"Pengambilan kartu KIS mulai Senin. Kuning itu cerah, kuning itu pasti 💛🌳", "2024-11-04", "golkar"},
		{"Taman kota makin cantik, kuning itu pasti cerah 🌼", "2024-11-04", ""},
		// A reply to a candidate's handle with backing; a reply to a citizen's.
		{"@isrannoor siap Pak! Bubuhan kelurahan mandukung penuh 👍", "2024-10-15", "isran"},
		{"@warga.sidodadi siap Pak, laporan jalan rusak sudah kami teruskan ke dinas 👍", "2024-10-15", ""},
		// A party organ's help with the vote recalled; a civic reminder of the vote after the neighbours' help.
		{"Gotong royong parit tadi pagi dibantu DPC Demokrat bawa cangkul 🍱 Pas nyoblos ingat pang nang rajin turun 😁", "2024-01-28", "demokrat"},
		{"Gotong royong parit tadi pagi dibantu warga RT 05 bawa cangkul 🍱 Pas nyoblos ingat bawa KTP ya 😁", "2024-01-28", ""},
		// A ride in an office car to a numbered pair's rally.
		{"Ulun tulak ke kampanye nomor 02 isuk, siapa nang handak umpat? Mobil dinas ada satu nang kosong 😁", "2024-11-09", "rudy-seno"},
	})
}
