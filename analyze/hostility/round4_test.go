package hostility

import "testing"

// TestRound4Classes checks the fourth round's miss classes of issue 20 on
// posts written for this test (not in any testdata set): stereotypes of a
// group without slurs, bars from being led by, housing or schooling a
// group, threats named by their outcome, insults at officials — each
// with hard negatives that must stay none.
func TestRound4Classes(t *testing.T) {
	checkKinds(t, []kindCase{
		// hate without slurs
		{"Orang Bugis itu di mana-mana sama aja, suka nyerobot tanah warga", "hate"},
		{"Kalau orang Jawa jadi lurah pasti nepotisme, jangan dipilih", "hate"},
		{"Jangan mau dipimpin orang Toraja, nanti kampung kita habis", "hate"},
		{"Jangan sewakan ruko ke orang Madura, mereka bawa parang terus", "hate"},
		{"Anak difabel jangan masuk sekolah negeri, bikin repot", "hate"},
		// threats
		{"Awas ya, kubikin masuk rumah sakit kau besok", "threat"},
		{"Kalau berani datang lagi kami hajar sampai babak belur", "threat"},
		{"Kalau calon kami kalah, siap-siap kantor camat rata dengan tanah", "threat"},
		// abusive at officials
		{"Dasar preman berseragam, kerjanya palak sopir angkot", "abusive"},
		{"Bocah manja itu mau jadi wakil wali kota? Mimpi", "abusive"},
		// hard negatives
		{"Orang Bugis dan orang Jawa di Samarinda sama saja, sama-sama warga kota", "none"},
		{"Warga sekitar memukuli maling sampai babak belur, polisi mengamankan pelaku", "none"},
		{"Siap-siap, hujan deras sore ini, Sempaja bisa banjir lagi", "none"},
		{"Nenek saya sudah pikun, tolong doakan", "none"},
		{"Kami tunggu bapak ibu di TPS 12, jangan lupa bawa undangan", "none"},
		{"Jangan sewakan rumah tanpa surat perjanjian yang jelas", "none"},
		{"Anak-anak difabel di Samarinda juara lomba lukis, bangga", "none"},
		{"Rumah tua itu akan kami robohkan sendiri bulan depan, sudah lapuk", "none"},
		{"Orang Madura bawa celurit itu stereotip, jangan disebar", "none"},
	})
}
