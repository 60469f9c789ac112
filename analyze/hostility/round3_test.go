package hostility

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestRound3Classes checks the third round's miss classes of issue 20 on
// posts written for this test (not in any testdata set): insults at the
// people of an institution, at a side's supporters, at a person described
// after the insult, a mouth called a sewer; group hate by exclusion from
// office, stereotype or a place made a den of vice; collective threats,
// blood warnings and extortion — each with a hard negative that must stay
// none.
func TestRound3Classes(t *testing.T) {
	checkKinds(t, []kindCase{
		// abusive at a collective or described target
		{"Tolol semua yang di Dishub, jalan macet dibiarkan", "abusive"},
		{"Bego semuanya yang duduk di DPRD, rapat cuma tidur", "abusive"},
		{"Dasar dinas perizinan lelet, sudah dua bulan tidak ada kabar", "abusive"},
		{"Goblok ini orang, nyalahin hujan terus", "abusive"},
		{"Mulut camat itu kayak selokan, bau busuk", "abusive"},
		// hate without slurs
		{"Jangan sampai camat dari orang Bugis, nanti proyek ke keluarganya semua", "hate"},
		{"Pendatang bikin Sungai Kunjang jadi sarang maksiat", "hate"},
		{"Orang luar Kaltim itu warga kelas dua di sini", "hate"},
		{"LGBT itu penyakit, basmi dari kota ini", "hate"},
		// threats
		{"Jangan salahkan kami kalau nanti ada yang berdarah di kantor lurah", "threat"},
		{"Setor uang keamanan tiap minggu, kalau tidak warung bapak bisa terbakar", "threat"},
		{"Kami akan bubarkan paksa acara mereka malam ini", "threat"},
		// hard negatives
		{"Semua yang di DPRD wajib hadir rapat paripurna besok", "none"},
		{"Anjir semua yang di Dishub kompak pakai baju adat, keren", "none"},
		{"Jangan salahkan kami kalau jadwal bus terlambat, jalannya rusak", "none"},
		{"Bayar iuran kebersihan, kalau tidak sampah tidak diangkut", "none"},
		{"Jangan sampai lurah dipilih tanpa musyawarah warga", "none"},
		{"Perantau dari Sulawesi buka warung di Sungai Kunjang, laris", "none"},
		{"Pendukung paslon dua gelar jalan sehat di Tepian", "none"},
		{"Pegawai kecamatan lelet, berkas saya belum diproses", "none"},
		{"Mulut saya kayak comberan rasanya, habis demam", "none"},
		{"Gila bener itu orang, renang nyeberang Mahakam", "none"},
		{"Jangan harap bisa pulang cepat, Jalan Antasari macet total", "none"},
	})
}

// kindCase is a post and the kind (none, abusive, hate, threat) it must get.
type kindCase struct{ text, kind string }

// checkKinds tags each post as a citizen's and checks its kind.
func checkKinds(t *testing.T, tests []kindCase) {
	t.Helper()
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m := &mention.Mention{Text: tt.text, Source: "test", Author: mention.Author{Kind: mention.KindCitizen}}
			tg.Tag(m, normalize.Text(tt.text))
			if got := Kind(m.Hostility.Label, m.Hostility.Threat); got != tt.kind {
				t.Errorf("kind %s, want %s", got, tt.kind)
			}
		})
	}
}
