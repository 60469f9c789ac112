package catalog

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestQuietRules covers each rule of a side taken without a campaign call,
// its evidence (rule, words as written, actor), and the negatives next to
// it. Texts are written for this test; dates put them inside or outside the
// 2024 races.
func TestQuietRules(t *testing.T) {
	// The rules alone: the partisan model calls two of these posts
	// partisan (a balanced opinion piece, a report of a rally), listed
	// as its known errors in testdata/README.md.
	ix := rulesOnlyIndex(t)
	// want is the decisive cue, `rule: "words" → actor`, or "" for a post
	// that takes no side.
	tests := []frameCase{
		// Mobilisation: logistics or an invitation to attend, toward a
		// campaign event, a party or a candidate.
		{"Titik kumpul warga untuk kampanye akbar besok di halaman kantor lurah, jam 7", "2024-11-16", `mobilisation: "Titik kumpul"`},
		{"Diharapkan kehadiran ketua RT di temu relawan Isran-Hadi malam ini", "2024-10-30", `mobilisation: "Diharapkan kehadiran … Isran Hadi" → isran-hadi`},
		{"Warga yang mau ikut silaturahmi bersama Pak Rudy Mas'ud kumpul di kantor kelurahan, ada bus", "2024-10-12", `mobilisation: "yang mau ikut silaturahmi bersama Pak Rudy Mas'ud" → rudy-masud`},
		{"Ribuan warga memadati kampanye akbar paslon Rudy-Seno di Stadion Palaran", "2024-11-17", ""},
		{"Ayo hadiri apel siaga pengawasan Pilkada oleh Bawaslu di Balai Kota", "2024-09-23", ""},
		{"Warga yang mau ikut silaturahmi bersama Gubernur Rudy Mas'ud kumpul di kantor kelurahan", "2025-06-05", ""},
		{"Kerja bakti Minggu pagi, warga diharapkan hadir, konsumsi disediakan", "2025-11-09", ""},
		{"ASN dilarang hadir di kampanye paslon mana pun", "2024-10-01", ""},
		// A traffic notice around a rally asks drivers, not voters ("mohon").
		{"Pengalihan arus: sehubungan kegiatan kampanye terbuka salah satu paslon di GOR Segiri, kendaraan dialihkan melalui Jl. Pahlawan. Mohon pengendara menyesuaikan.", "2024-11-10", ""},
		// Attendance by the account itself.
		{"Admin ikut hadir di deklarasi relawan AMIN semalam, rame!", "2024-01-06", `attendance: "ikut … AMIN" → amin`},
		// Greetings: a party always; a candidate with a wish of victory.
		{"Dirgahayu Partai Golkar ke-60, semoga makin jaya", "2024-10-20", `greeting: "Dirgahayu Partai Golkar" → golkar`},
		{"Selamat ulang tahun Pak Isran Noor, semoga terpilih kembali", "2024-09-20", `greeting: "Selamat ulang tahun Pak Isran Noor" → isran-noor`},
		{"Selamat ulang tahun Bapak Wali Kota Andi Harun, sehat selalu", "2025-07-12", ""},
		{"Partai Golkar menggelar syukuran HUT ke-60 di Samarinda", "2024-10-20", ""},
		{"Selamat Hari Raya Idul Fitri, mohon maaf lahir dan batin. Salam Restorasi!", "2025-03-31", `slogan: "Salam Restorasi" → nasdem`},
		{"Selamat Hari Raya Idul Fitri, mohon maaf lahir dan batin dari Kelurahan Tenun", "2025-03-31", ""},
		// Party promotion dressed as service.
		{"Terima kasih DPC Partai Gerindra atas paket beras untuk warga banjir. Gerindra peduli!", "2025-06-03", `party-service: "Terima kasih DPC Partai Gerindra" → gerindra`},
		{"DPD Partai Golkar menyalurkan 500 paket sembako kepada korban banjir, Senin", "2025-05-12", ""},
		{"Terima kasih Bank Kaltimtara atas bantuan CSR tempat sampah", "2025-11-03", ""},
		// Attributes and recruitment.
		{"Kaos Rudy-Seno sudah tersedia di kantor RT, silakan diambil", "2024-10-15", `attributes: "Kaos Rudy Seno" → rudy-seno`},
		{"Ayo gabung barisan relawan PSI untuk Pemilu 2029!", "2027-12-12", `recruitment: "Ayo gabung barisan relawan PSI" → psi`},
		// Elections beyond the catalog: unlisted parties and candidates.
		{"Partai Harapan Nusantara siap jadi pilihan rakyat di Pemilu 2029", "2027-10-01", `support-call: "Partai Harapan Nusantara siap jadi pilihan rakyat" → unlisted:partai-harapan-nusantara`},
		{"Pilwali 2029 kita dukung Bang Rahmat jadi wali kota", "2028-06-18", `support-call: "dukung Bang Rahmat jadi wali kota" → unlisted:calon-rahmat`},
		{"Pilih caleg yang jujur dan peduli lingkungan", "2028-06-18", ""},
		{"#2029TetapPrabowo jangan kasih kendor!", "2026-11-20", `campaign-hashtag: "#2029TetapPrabowo" → prabowo`},
		// The calendar: a finger pose counts inside a race's window only.
		{"Salam 2 jari dari Kelurahan Karang Anyar", "2024-02-05", `hand-sign: "Salam 2 jari" → prabowo-gibran`},
		{"Salam 1 jari dari staf Dishub", "2024-11-08", `hand-sign: "Salam 1 jari" → isran-hadi`},
		{"Foto bersama peserta jalan sehat HUT RI, salam dua jari", "2025-08-17", ""},
		{"Salam 3 jari untuk paslon nomor urut 3 Pilkada nanti", "2029-10-20", `hand-sign: "Salam 3 jari" → ballot-3`},
		// Round 3 of issue 26: occasions held with a side, wishes without a
		// greeting, a candidate's aid, the account's staff attending,
		// finger emoji beside a name, poses told in words, civic phrases.
		{"Info Jalan Sehat Bareng Isran-Hadi: registrasi gratis di kantor kelurahan", "2024-11-04", `mobilisation: "Isran Hadi registrasi" → isran-hadi`},
		{"Jalan sehat HUT Kota Samarinda Minggu pagi, start dari Balai Kota, ada doorprize", "2024-11-04", ""},
		{"Semoga sukses di Pilkada ya Pak Isran", "2024-08-10", `greeting: "Semoga sukses … Isran" → isran-noor`},
		{"Semoga sukses selalu Pak Camat", "2024-11-10", ""},
		{"Alhamdulillah, paket sembako dari Tim Pemenangan Rudy-Seno diterima warga lansia", "2024-11-12", `party-service: "paket … Rudy Seno" → rudy-seno`},
		{"Penyaluran bantuan beras dari Bulog untuk warga Samarinda Utara", "2024-11-12", ""},
		{"Alhamdulillah Pak Lurah berkesempatan hadir di deklarasi pemenangan Andi Harun-Saefuddin Zuhri", "2024-09-28", `attendance: "berkesempatan … Andi Harun Saefuddin Zuhri" → ah-sz`},
		{"✌️ Rudy Seno 🔥", "2024-11-10", `hand-sign: "✌️" → rudy-seno`},
		{"Dua jempol untuk warga RT 03 yang juara lomba kebersihan ✌️👍", "2024-11-15", ""},
		{"Staf kelurahan mengacungkan dua jari bareng Pak Seno Aji di pasar", "2024-11-05", `hand-sign: "mengacungkan dua jari" → rudy-seno`},
		{"Mengacungkan dua jari saat difoto bisa dianggap kampanye, ASN harap berhati-hati", "2024-10-15", ""},
		{"Terima kasih kepada DPRD Fraksi Golkar atas dukungan anggaran perbaikan drainase", "2025-08-01", ""},
		{"Jgn golput ya dulur, kalo ulun sih tetap Rudy-Seno", "2024-11-22", `support-praise: "tetap Rudy Seno" → rudy-seno`},
		{"Golkar 2029 menang lagi insyaallah", "2028-04-04", `support-praise: "Golkar 2029 menang" → golkar`},
		{"Golkar menang di Samarinda menurut hitung cepat", "2024-02-20", ""},
		// Counters are not ballot numbers; "bukan" turns a call around.
		{"Kami keluarga besar RT 08 siap memenangkan Rudy-Seno", "2024-11-01", `support-call: "siap memenangkan Rudy Seno" → rudy-seno`},
		{"Aku 2029 pilih yang bukan dari Golkar", "2027-03-03", `oppose-call: "pilih yang bukan dari Golkar" → golkar`},
		// Round 4: a candidate's call quoted, a party's nomination reported.
		{"Dalam orasinya, Seno Aji minta relawan 'coblos nomor 2' di TPS", "2024-11-18", ""},
		{"Pak RT mengajak warga coblos nomor 2 di Pilgub", "2024-11-18", `support-call: "coblos nomor 2" → rudy-seno`},
		{"PKB resmi pilih Isran-Hadi untuk Pilgub Kaltim", "2024-08-26", ""},
		{"Warga Samarinda pilih Isran-Hadi!", "2024-11-20", `support-call: "pilih Isran Hadi" → isran-hadi`},
		// Thanks for filling a side's event, after the fact.
		{"Makasih warga RT 07 yang sudah memadati Kampanye Akbar Rudy-Seno kemarin", "2024-11-18", `mobilisation: "Kampanye Akbar Rudy Seno" → rudy-seno`},
		{"Terima kasih warga yang sudah hadir di Silaturahmi Akbar HUT Kelurahan", "2024-11-18", ""},
		{"Terima kasih Pak Wali Kota Andi Harun sudah hadir di silaturahmi bersama warga", "2025-11-18", ""},
		{"besok pagi 02 yaa, rapat persiapan TPS di kantor kelurahan", "2024-02-12", ""},
		{"OPINI: Isran-Hadi dan Rudy-Seno sama-sama sepatutnya menjawab soal banjir", "2024-11-20", ""},
		{"Terima kasih warga yang sudah datang meramaikan Kampanye Akbar Paslon Isran-Hadi", "2024-11-11", `mobilisation: "Kampanye Akbar Paslon Isran Hadi" → isran-hadi`},
		{"OPINI: Rudy-Seno sepatutnya menjelaskan asal dana kampanyenya", "2024-11-20", ""},
		{"Golkar pilih Rudy-Seno, kita juga dong!", "2024-11-20", `support-call: "pilih Rudy Seno" → rudy-seno`},
		// Cadres ready to campaign for seats.
		{"Kader PKS siap turun ke kampung, 2029 kursi DPRD harus bertambah, suara umat harus masuk DPRD", "2028-05-01", `support-praise: "PKS siap turun" → pks`},
		{"Kader PDIP siap turun bantu warga banjir. Usulan polder harus masuk DPRD dulu", "2028-05-01", ""},
		{"Kader posyandu siap turun ke RT, 2029 stunting harus turun", "2028-05-01", ""},
		// A bare ballot number said for polling day, on its eve.
		{"besok 02 yaa gaes … AMIN! 🙏", "2024-02-13", `support-call: "02" → prabowo-gibran`},
		// Round 5: thanks for attending or welcoming a side, after the fact;
		// not the side's own thanks, not an official welcome.
		{"Terima kasih warga RT 05 yang sudah hadir menyambut kedatangan pasangan Isran-Hadi di pasar pagi", "2024-10-12", `mobilisation: "menyambut kedatangan pasangan Isran Hadi" → isran-hadi`},
		{"Konsolidasi relawan Rudy-Seno di aula kelurahan lancar, terima kasih atas partisipasinya", "2024-10-12", `mobilisation: "Konsolidasi relawan Rudy Seno" → rudy-seno`},
		{"Terima kasih warga yang hadir menyambut kedatangan Gubernur Rudy Mas'ud di peresmian jembatan", "2025-07-15", ""},
		{"Rudy Mas'ud berterima kasih kepada warga yang memadati kampanye akbar Rudy-Seno di Palaran", "2024-10-12", ""},
		// Aid amplified: a side's posko in the account's own thanks, a
		// candidate named by role wished another term; not an official's aid
		// in office, a complaint, or a report with a dateline.
		{"Pembagian beras dari Posko Perjuangan Isran-Hadi berlangsung di kantor lurah. Terima kasih Tim 1!", "2024-11-05", `party-service: "Isran Hadi … Terima kasih" → isran-hadi`},
		{"Terima kasih caleg Ibu Sri Wahyuni atas bantuan seragam sekolah, semoga amanahnya terus berlanjut", "2028-11-10", `party-service: "Terima kasih caleg Ibu Sri Wahyuni" → unlisted:calon-sri-wahyuni`},
		{"Terima kasih Wali Kota Andi Harun atas bantuan sembako untuk korban kebakaran", "2025-03-02", ""},
		{"Terima kasih Ketua DPRD dari Partai Gerindra yang hadir meresmikan posyandu", "2025-10-03", ""},
		{"Terima kasih anggota DPRD Fraksi PDIP atas bantuan 100 paket sembako", "2025-10-03", `party-service: "Terima kasih anggota DPRD Fraksi PDIP" → pdip`},
		{"Bantuan dari Rumah Aspirasi PKS kok cuma buat kader, warga lain gigit jari", "2026-08-12", ""},
		{"Rumah Aspirasi PKS menggelar cek kesehatan gratis bagi warga Sempaja, Sabtu (9/8)", "2026-08-09", ""},
		// A party's symbol after a ballot call, or as "partai bergambar";
		// alone it is a team's mascot or a tree.
		{"Jadwal senam Jumat pagi di kantor camat. Coblos 🐂 di 2029!", "2027-08-11", `support-call: "Coblos 🐂" → pdip`},
		{"Turnamen futsal Piala Lurah dimulai, semangat tim Banteng Muda! 🐂⚽", "2027-08-11", ""},
		{"Kolom: DPRD perlu lebih banyak kursi untuk partai bergambar mawar di Pileg 2029", "2028-06-01", `support-praise: "lebih banyak kursi untuk partai bergambar mawar" → psi`},
		{"Pemilu nanti coblos beringin ya warga", "2028-08-18", `support-call: "coblos beringin" → golkar`},
		{"Penanaman bibit pohon beringin di sempadan sungai", "2028-08-18", ""},
		// Reminders of a number, the eve's choice, the photo on the ballot.
		{"Pemadaman listrik pukul 09.00. Pilwali nanti ingat yang nomor 1 ya 😉", "2028-11-20", `support-praise: "ingat yang nomor 1" → ballot-1`},
		{"Pilpres nanti jangan lupa nomor 2 ya", "2028-11-20", `support-call: "jangan lupa nomor 2" → ballot-2`},
		{"Pelayanan SIM keliling, nomor antrean 2 sampai 50 dilayani pagi", "2024-11-12", ""},
		{"besok fix 02, no debat 😎", "2024-02-13", `support-call: "02" → prabowo-gibran`},
		{"Rudy-Seno kerja nyata, tanggal 27 coblos fotonya aja", "2024-11-20", `support-call: "Rudy Seno … coblos" → rudy-seno`},
		{"Tata cara: coblos foto atau nomor pasangan calon pilihan Anda", "2024-11-20", ""},
		{"Editorial: Isran-Hadi membawa energi yang dibutuhkan Kaltim, sudah waktunya berganti nakhoda", "2024-11-08", `support-praise: "Isran Hadi membawa energi" → isran-hadi`},
		// An exact alias (=AH, =AMIN) only where the post bears it out.
		{"AH, mantap pelayanan kelurahan hari ini", "2024-11-12", ""},
		{"Senam pagi di kantor kecamatan. AH MANTAP SEMANGATNYA!", "2024-11-12", ""},
		{"Ucapan selamat kepada dr. AH, kepala puskesmas yang baru", "2024-11-12", ""},
		{"Semoga hujan cepat reda. AMIN!", "2024-01-25", ""},
		{"Siapkan diri untuk langkah lebih besar di 2029 #AHGubernur2029", "2026-05-05", `campaign-hashtag: "#AHGubernur2029" → ah-sz`},
		{"Samarinda tetap AH, kotak kosong buat apa", "2024-11-12", `support-praise: "tetap AH" → ah-sz`},
		{"2 periode buat Pak AH!", "2024-11-12", `support-call: "2 periode buat Pak AH" → ah-sz`},
		{"Hari ini pembagian kaos dan stiker AMIN di sekretariat RW, silakan diambil", "2024-02-05", `attributes: "kaos dan stiker AMIN" → amin`},
		{"Terima kasih Bapak Rudy Mas'ud atas donasi semen untuk musala, semoga amanahnya terus berlanjut", "2026-05-05", `party-service: "Terima kasih Bapak Rudy Mas'ud" → rudy-masud`},
		{"Terima kasih Bapak Rudy Mas'ud atas donasi semen untuk musala, semoga berkah", "2026-05-05", ""},
		{"Pileg besok fix 02 ya", "2024-01-20", `support-call: "02" → prabowo-gibran`},
		{"Terima kasih warga yang hadir menyambut Paslon 01 di pasar pagi tadi", "2024-10-12", `mobilisation: "menyambut Paslon 01" → isran-hadi`},
		// A side's account relayed by its handle; a symbol beside an election year.
		{"Repost @relawan.rudyseno: pengobatan gratis di Loa Bakung hari Minggu, warga silakan manfaatkan", "2024-11-03", `party-service: "Repost @relawan.rudyseno" → rudy-seno`},
		{"Laporan warga soal banjir sudah kami teruskan ke @dinaspupr.samarinda", "2024-11-03", ""},
		// A side's campaign organ or brand gives aid outside its race's window too.
		{"Sembako gratis dari Posko Perjuangan Rudy-Seno di Kantor Lurah Lok Bahu, Tim 1 siap melayani", "2026-05-05", `party-service: "Sembako gratis dari Posko Perjuangan Rudy Seno" → rudy-seno`},
		{"Repost @relawan_rudyseno: Rudy-Seno Peduli menggelar pengobatan gratis di Palaran, warga dimohon memanfaatkan", "2026-05-05", `party-service: "Repost @relawan_rudyseno" → rudy-seno`},
		{"Terima kasih Gubernur Rudy Mas'ud atas bantuan sembako untuk warga", "2026-05-05", ""},
		// A place needs a side; a coded number while its race is open.
		{"Kaltim butuh Rudy-Seno, bukan janji manis 🔥", "2024-11-10", `support-praise: "butuh Rudy Seno" → rudy-seno`},
		{"Warga Sempaja butuh bantuan Rudy-Seno untuk perbaikan jalan", "2024-11-10", ""},
		{"Jangan sampai salah pilih, ingat 02 ya warga Kaltim 😉", "2024-11-10", `support-call: "ingat 02" → rudy-seno`},
		{"Jangan sampai salah pilih, ingat 02 ya warga Kaltim 😉", "2026-11-10", ""},
		{"Pelayanan SIM keliling, jangan lupa nomor 2 antrean pagi", "2024-11-10", ""},
		{"Lomba voli antar RT selesai, selamat juaranya! 🐂 2029", "2027-08-11", `support-call: "🐂" → pdip`},
		{"Penanaman 2029 pohon 🌳 di tepian Mahakam", "2027-08-11", ""},
		{"Warga boleh pilih mawar atau melati untuk ditanam di taman RT", "2026-05-05", ""},
		{"Dukung Banteng Muda FC di final Piala Camat!", "2026-05-05", ""},
		{"Pilih 🌹 atau 🌻 untuk lomba taman?", "2026-05-05", ""},
		{"coblos banteng aja", "2026-05-05", `support-call: "coblos banteng" → pdip`},
		{"Terima kasih Ibu Anggota DPRD dari Fraksi PKS yang selalu melayani aspirasi warga", "2025-08-08", ""},
		{"PKS memang melayani tanpa henti, terima kasih bazar murahnya", "2025-08-08", `party-service: "PKS memang melayani" → pks`},
		{"Besok pagi 01 ya dulur, bismillah", "2024-11-26", `support-call: "01" → isran-hadi`},
		{"besok 01 Februari kantor kelurahan tutup", "2024-01-31", ""},
		{"besok 01 Desember ya, jangan lupa kerja bakti", "2024-11-26", ""},
		{"besok 01 yaa gaes, kumpul di RT", "2024-03-01", ""},
		// "<side> for <place>" with a number emoji or an election year.
		{"Hadi Mulyadi for Kaltim 1️⃣", "2027-05-05", `slogan: "Hadi Mulyadi for Kaltim" → hadi-mulyadi`},
		{"Gerindra for Samarinda 2029", "2027-05-05", `slogan: "Gerindra for Samarinda" → gerindra`},
		{"Pak Rudy for Kaltim, terima kasih sudah meresmikan jembatan", "2027-05-05", ""},
		{"Samarinda for Kaltim 1️⃣ di Porprov 2029", "2027-05-05", ""},
		// Opinion pieces that argue for a side; opinion without one.
		{"Tajuk: Rudy-Seno sudah membuktikan kepemimpinannya di DPR", "2024-11-01", `support-praise: "Rudy Seno sudah membuktikan" → rudy-seno`},
		{"OPINI | Pilihan nomor 2 adalah pilihan tepat bagi warga", "2024-11-01", `support-praise: "nomor 2 adalah pilihan" → rudy-seno`},
		{"Tajuk: Penyelenggara Pilkada sepatutnya transparan soal DPT", "2024-11-01", ""},
		{"Rudy-Seno sudah membuktikan kepemimpinannya, kata pengamat", "2024-11-01", ""},
		// Round 6: sides the catalog does not know, read from the post's
		// shape (invented names; the 2024 races are open on these days).
		{"Kami siap memenangkan pasangan TEGAR di Pilkada Samarinda! Menang satu putaran!", "2024-10-14", `support-call: "siap memenangkan" → unlisted:calon-tegar`},
		{"Bismillah, Bang Arman menuju Samarinda 1 💪", "2024-11-06", `support-praise: "menuju Samarinda 1" → unlisted:calon-arman`},
		{"Menuju Samarinda 1 Data: sosialisasi satu data kelurahan", "2024-11-06", ""},
		{"Ngopi bareng bersama Pak Joko Susilo malam ini, ada mobil jemputan", "2024-11-06", `mobilisation: "Ngopi bareng" → unlisted:calon-joko-susilo`},
		{"Ngopi bareng bersama Bapak Kapolsek malam ini, ada mobil jemputan", "2024-11-06", ""},
		{"Selamat ulang tahun Pak Joko Susilo, semoga lancar sampai pelantikan", "2024-10-09", `greeting: "lancar sampai pelantikan" → unlisted:calon-joko-susilo`},
		{"Selamat ulang tahun Pak Lurah Joko, semoga sehat selalu", "2024-10-09", ""},
		{"Jadwal posyandu bulan ini. Nomor 3 di hati 🤟", "2024-11-12", `support-call: "di hati" → ballot-3`},
		{"Antrean nomor 3 di loket 2 ✌️", "2024-11-12", ""},
		{"Pelayanan KTP keliling hari Sabtu. #Teruskan03", "2024-10-28", `campaign-hashtag: "#Teruskan03" → ballot-3`},
		{"Perbaikan jalan sudah selesai #ArmanUntukSamarinda", "2024-11-04", `campaign-hashtag: "#ArmanUntukSamarinda" → unlisted:calon-arman`},
		{"Yuk like dan share postingan kampanye Bapak Joko Susilo!", "2024-10-24", `support-call: "like dan share" → unlisted:calon-joko-susilo`},
		{"Yuk like dan share video edukasi DBD dari Dinkes", "2024-10-24", ""},
		{"Siapa aja boleh asal jangan Joko Susilo", "2024-11-14", `oppose-call: "asal jangan" → unlisted:calon-joko-susilo`},
		{"Bapak Ibu sekalian, ayo dukung program vaksinasi anak", "2024-11-10", ""},
		{"Kalau aku sih pilih nasi kuning Bu Imah, mantap", "2024-11-10", ""},
		{"Selamat kepada tim voli juara 1! Menang satu putaran penuh ✌️", "2024-10-20", ""},
		{"Ayo dukung Samarinda raih Adipura! Kompak jaga kebersihan ☝️", "2024-11-12", ""},
		{"Barang siapa milih nomor 3 di TPS 12, awas", "2024-11-10", ""},
		{"Dalam orasinya, Joko minta pendukung 'menangkan pasangan TEGAR'", "2024-11-10", ""},
		{"☝️ Satu hal penting: pastikan tabung gas tertutup rapat", "2024-11-14", ""},
		{"Tim sepak bola RT 04 juara 1 Piala Camat! Salam dua jari ✌️", "2024-10-09", ""},
		{"Kompak pakai kaos putih dan salam tiga jari, tim Puskesmas siap melayani 🤟", "2024-02-05", `hand-sign: "salam tiga jari" → ganjar-mahfud`},
		{"Ayo hadir di temu caleg bersama Ibu Rina Kartika, transport disiapkan", "2024-01-24", `mobilisation: "temu caleg" → unlisted:calon-rina-kartika`},
		// The catalog's calls next to a catalog-free target; a person named
		// by an honorific is a candidate for "dukung" only in an election.
		{"Gaspol terus pasangan CERAH, Samarinda butuh pemimpin muda!", "2024-10-26", `support-call: "Gaspol terus" → unlisted:calon-cerah`},
		{"Kami berdiri di belakang Pak Joko Susilo, saatnya beliau memimpin Samarinda", "2024-10-18", `support-call: "berdiri di belakang" → unlisted:calon-joko-susilo`},
		{"Mari dukung Ibu Sarinah yang sedang berjuang melawan kanker, donasi lewat kelurahan", "2024-11-10", ""},
		{"Dukung Ananda Rizky Pratama mewakili Samarinda di Olimpiade Sains", "2024-11-05", ""},
		{"Terima kasih Pak Hasan Basri atas dukungan penuh untuk posyandu lansia", "2024-10-25", ""},
		{"Pengumuman libur pelayanan tanggal 27 November #BersamaJokoSusilo", "2024-11-09", `campaign-hashtag: "#BersamaJokoSusilo" → unlisted:calon-joko-susilo`},
		{"#BersamaLawanDBD fogging di RT 04 besok pagi", "2024-11-12", ""},
		{"Lampu jalan sudah menyala #03Lanjutkan", "2024-10-22", `campaign-hashtag: "#03Lanjutkan" → ballot-3`},
		{"Tajuk: Tidak ada kandidat lain selain Siti Aminah yang layak memimpin kota ini", "2024-11-18", `support-praise: "Tidak ada kandidat lain" → unlisted:calon-siti-aminah`},
		{"Salam sehat! ✌️ Jangan lupa bawa botol minum saat car free day", "2024-10-25", ""},
		{"Insyaallah Pak Joko Susilo menang, Samarinda 1 sudah di depan mata", "2024-11-18", `support-praise: "Samarinda 1" → unlisted:calon-joko-susilo`},
		{"Tekad kami bulat, Bunda Rina Kartika harus jadi wali kota Samarinda", "2024-11-12", `support-call: "harus jadi wali kota" → unlisted:calon-rina-kartika`},
		{"Kompak semua RT, antarkan pasangan CERAH ke Balai Kota!", "2024-10-30", `support-call: "antarkan" → unlisted:calon-cerah`},
		{"Selamat Pak Andi Wijaya, semoga lancar sampai pelantikan sebagai Ketua RT 12", "2024-10-14", ""},
		{"Selamat ulang tahun Pak Anwar, semoga terpilih jadi ketua koperasi lagi", "2024-11-06", ""},
		{"Nomor 2 di hati tetap soto Banjar Pak Amat", "2024-11-09", ""},
		// Round 7 (quiet hints): a wink or a party's symbol beside a vote,
		// a family's or a community's choice of a person, opposition by
		// the incumbent's record, transport to a person's rally or in a
		// side's colour, a wish of victory in a coming election — and
		// the same words where they take no side.
		{"Yang jaket merah pasti paham maksud kami 😉 sampai ketemu di TPS", "2024-11-21", `support-call: "jaket merah … TPS"`},
		{"Ingat warna kita ya warga 😉", "2024-11-24", `support-call: "warna kita"`},
		{"Semoga menang 🐂🐂 salam dari kelurahan", "2024-02-08", `support-call: "🐂 … Semoga menang"`},
		{"Semoga menang timnas 🦅 malam ini", "2024-02-08", ""},
		{"Selamat malam warga 🌙⭐ jangan lupa pilih tidur yang cukup", "2024-11-20", ""},
		{"Yang baju oranye itu petugas Dishub, tanya rute bus ke mereka", "2024-11-20", ""},
		{"Bubuhan kampung kami sudah sepakat lawan Pak Jumberi haja", "2024-11-15", `support-call: "sepakat lawan Pak Jumberi" → unlisted:calon-jumberi`},
		{"Amun kada Abah Sarkani, siapa lagi nang kawa?", "2024-11-15", `support-praise: "Amun kada Abah Sarkani, siapa lagi" → unlisted:calon-sarkani`},
		{"Bubuhan kami kompak wan Pak RT membersihkan parit", "2024-11-15", ""},
		{"Warga sepakat pilih Pak Sabran sebagai ketua RT 03 untuk periode kedua", "2024-11-20", ""},
		{"Amun kada kita nang menjaga sungai, siapa lagi?", "2024-11-15", ""},
		{"Cukup satu periode, kota ini butuh wajah baru", "2024-11-20", `oppose-call: "Cukup satu periode"`},
		{"Periode kemarin janji jalan mulus, mana buktinya? Jangan kasih kesempatan lagi", "2024-11-19", `oppose-call: "Jangan kasih … Periode kemarin"`},
		{"Cukup satu kali lapor lewat aplikasi, jangan diulang lagi", "2024-11-19", ""},
		{"Pejabat yang terbukti korupsi jangan dipilih lagi jadi apa pun", "2024-11-19", ""},
		{"Cukup satu periode, kota ini butuh wajah baru", "2025-06-20", ""},
		{"Yang mau ikut ke lapangan Minggu pagi, bus disiapkan, pakai kaos oranye ya", "2024-11-08", `mobilisation: "bus … pakai kaos oranye" → unlisted:warna-oranye`},
		{"Yang mau ikut senam Minggu pagi, bus disiapkan, pakai kaos oranye ya", "2024-11-08", ""},
		{"Mobil jemputan ke acara akbar Pak Sutrisno Sabtu pagi, daftar ke RT", "2024-11-09", `mobilisation: "Mobil jemputan … Pak Sutrisno" → unlisted:calon-sutrisno`},
		{"Perindo menang di Pemilu 2029, Indonesia sejahtera", "2026-02-02", `support-call: "menang di Pemilu 2029" → perindo`},
		{"Partai Gerindra menang di Pemilu 2024 menurut rekapitulasi", "2024-03-10", ""},
		{"Pilgub 2029 nanti kita antar Pak Hamdani jadi gubernur", "2027-03-03", `support-call: "Pilgub 2029 nanti kita antar Pak Hamdani" → unlisted:calon-hamdani`},
		{"#Sutrisno2029 Kaltim butuh pemimpin muda", "2026-11-01", `campaign-hashtag: "#Sutrisno2029" → unlisted:calon-sutrisno`},
		{"#Samarinda2029 bebas banjir, ayo dukung program drainase", "2026-06-06", ""},
		{"Jangan salah pilih, cari yang kemejanya kuning 😁", "2024-11-26", `support-call: "kemejanya kuning … salah pilih"`},
		{"Kode keras dari BMKG: hujan lebat sampai 27 November", "2024-11-20", ""},
		{"Saatnya perubahan! 27 November kita tentukan nasib kota 😉", "2024-11-22", `support-call: "Saatnya perubahan … 27 November"`},
		{"Saatnya perubahan gaya hidup sehat! Ayo senam tiap Jumat", "2024-11-22", ""},
		{"Tahapan Pilkada dilanjutkan dengan rekapitulasi suara di kecamatan", "2024-11-28", ""},
		{"Jangan biarkan petahana lanjut, banjir tiap tahun tak pernah beres", "2024-11-14", `oppose-call: "Jangan biarkan … petahana"`},
		{"Warga Sidodadi kompak kuning! Sampai ketemu di bilik suara 😉", "2024-11-24", `support-call: "kompak kuning … bilik suara"`},
		{"Selamat Pak Ketua DPRD baru, semoga menjadi pemimpin kita yang amanah", "2024-11-20", ""},
		{"Teruskan yang sudah baik, jangan coba-coba yang belum terbukti. 27 November ke TPS!", "2024-11-24", `support-call: "Teruskan yang sudah … ke TPS!"`},
		{"Jangan coba-coba buang sampah ke sungai, denda menanti. TPS 3R buka tiap hari", "2024-11-20", ""},
		{"Yang sudah terbukti gagal tak perlu diberi kesempatan kedua, ingat itu 27 November", "2024-11-22", `oppose-call: "tak perlu diberi … terbukti"`},
		{"Tidak perlu diberi kesempatan kedua bagi pelanggar lalu lintas yang terbukti mabuk", "2024-11-20", ""},
		{"Yang mau ikut ke GOR Sabtu malam, mobil disiapkan, seragam hijau ya bapak ibu", "2024-11-15", `mobilisation: "mobil disiapkan … seragam hijau" → unlisted:warna-hijau`},
		{"#CukupSekali Samarinda butuh pemimpin baru", "2024-11-14", `oppose-call: "#CukupSekali"`},
		{"Selamat atas penetapan Bang Zulkifli sebagai calon, kami siap mengawal sampai menang", "2024-09-22", `support-call: "mengawal sampai menang"`},
	}
	checkFrameCases(t, ix, tests)
}

// TestCuesAreEvidence checks every cue the tagger writes on the partisan
// sets: it parses, names a known rule, quotes words of the post, and names
// an actor the post is tagged with (or none).
func TestCuesAreEvidence(t *testing.T) {
	checkCuesAreEvidence(t, testIndex(t), []string{"testdata/partisan_dev.jsonl", "testdata/partisan_quiet.jsonl", "testdata/partisan_quiet_blind1.jsonl",
		"testdata/partisan_quiet_blind2.jsonl", "testdata/partisan_quiet_blind3.jsonl", "testdata/partisan_quiet_blind4.jsonl", "testdata/partisan_quiet_tune6.jsonl",
		"testdata/partisan_quiet_tune7.jsonl", "testdata/partisan_quiet_tune8.jsonl", "testdata/partisan_quiet_blind10.jsonl", "testdata/partisan_quiet_blind11.jsonl", "testdata/partisan_quiet_blind12.jsonl",
		"testdata/partisan_quiet_tune9.jsonl", "testdata/partisan_quiet_blind13.jsonl", "testdata/partisan_quiet_blind14.jsonl", "testdata/partisan_quiet_blind15.jsonl"}, 200)
}

// TestOutletOpinion checks that a news outlet's post arguing for a side is
// an opinion piece without a frame word, and that the same words from
// another account, or in a report, are not.
func TestOutletOpinion(t *testing.T) {
	// The rules alone: the partisan model calls the citizen's version
	// partisan too (a known error, testdata/README.md).
	ix := rulesOnlyIndex(t)
	for _, tt := range []struct {
		text, kind string
		partisan   bool
	}{
		{"Pasangan Isran-Hadi membawa energi yang dibutuhkan Kaltim. Sudah waktunya berganti nakhoda.", mention.KindMedia, true},
		{"Pasangan Isran-Hadi membawa energi yang dibutuhkan Kaltim. Sudah waktunya berganti nakhoda.", mention.KindCitizen, false},
		{"Isran-Hadi membawa energi baru, kata pengamat politik", mention.KindMedia, false},
		{"Debat kedua: Rudy-Seno dinilai paling siap soal banjir", mention.KindMedia, false},
		{"Rudy-Seno membawa energi baru ke kampanye dialogis di Palaran", mention.KindMedia, false},
		{"Rudy-Seno: Saatnya Kaltim Berubah", mention.KindMedia, false},
	} {
		m := &mention.Mention{Text: tt.text, Author: mention.Author{Kind: tt.kind}, PostedAt: day(t, "2024-11-08").Noon()}
		NewTagger(ix).Tag(m, normalize.Text(tt.text))
		if m.Politics.Partisan != tt.partisan {
			t.Errorf("%q by %s: partisan %v %q, want %v", tt.text, tt.kind, m.Politics.Partisan, m.Politics.Cues, tt.partisan)
		}
	}
}
