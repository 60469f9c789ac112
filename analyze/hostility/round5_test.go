package hostility

import "testing"

// TestRound5Classes checks the fifth round's miss classes of issue 20 on
// posts written for this test (not in any testdata set): Banjar threats
// at someone's body, blood spilt on a condition, threats at whoever votes
// for a side, a corpse or "the world is small" after a demand, an ormas
// ultimatum; refusals of a group in ads and notices, money stereotypes,
// newcomers called colonisers; "palui" and the glue-sniffer comparison —
// each with hard negatives that must stay none (praise, games, victims
// reporting a threat, news, accidents, lawful action).
func TestRound5Classes(t *testing.T) {
	checkKinds(t, []kindCase{
		// threats
		{"Mun ikam lewat sini lagi, kupacah kapala ikam", "threat"},
		{"Kutujah parut ikam kaina, jangan macam-macam", "threat"},
		{"Kalau Satpol PP datang membongkar lagi, darah akan tumpah di Gang Nibung", "threat"},
		{"Siapa yang coblos nomor 2 di TPS kami, kami pukuli di jalan", "threat"},
		{"Jurnalis itu lebih baik diam, kalau tidak besok mayatnya ditemukan di parit", "threat"},
		{"Pak Kades, anak bapak masih kecil ya. Dunia ini sempit", "threat"},
		{"Dalam tiga hari orang Madura keluar dari RT kami, kalau tidak kami usir dengan cara kami", "threat"},
		// hate without slurs
		{"Butuh pelayan kafe, utamakan pribumi, Tionghoa tidak usah melamar", "hate"},
		{"Kos khusus muslim, yang Katolik jangan tanya", "hate"},
		{"Orang Cina itu pikirannya duit, jangan dikasih jabatan", "hate"},
		{"Orang IKN itu penjajah, usir saja", "hate"},
		{"Toko kami tidak melayani pembeli Dayak", "hate"},
		// abusive
		{"Lurah palui, banjir kada diurus", "abusive"},
		{"Bicaranya kayak orang habis ngelem, Pak Wali", "abusive"},
		// hard negatives
		{"Gila porsimu bro, lima piring habis, salut", "none"},
		{"Awas ya, kubunuh kau nanti malam di FIFA", "none"},
		{"Tetangga mengancam akan membakar rumah kami, sudah kami laporkan ke polisi", "none"},
		{"Mayat nelayan ditemukan mengapung di Mahakam, polisi menyelidiki", "none"},
		{"Darah tumpah di simpang Lembuswana, kecelakaan truk pagi tadi", "none"},
		{"Ketemu tetangga lama di Jakarta, dunia ini sempit", "none"},
		{"Kalau tetap digusur, kami akan bertindak lewat jalur hukum", "none"},
		{"Kos putri khusus muslimah, dekat Unmul", "none"},
		{"Perempuan hamil dilarang masuk ruang rontgen", "none"},
		{"Tanah tumpah darahku, Kaltim tercinta", "none"},
	})
}
