package hostility

import "testing"

// TestRound6Classes checks the sixth round's miss classes of issue 20 on
// posts written for this test (not in any testdata set): laughing curses
// at a friend and Banjar eating verbs (none), masked profanity and
// commenters or drivers cursed, a group excluded from "our" village
// (hate, not threat), Banjar reduplicated verbs of harm, harm told by its
// outcome (an ambulance, teeth knocked out, an office levelled), veiled
// threats by a known whereabouts or a family and a misfortune, and a
// doxxing ultimatum — with hard negatives (safety advice, condolences,
// news, injuries, a neighbour's warning about thieves).
func TestRound6Classes(t *testing.T) {
	checkKinds(t, []kindCase{
		// none
		{"Mampus lu wkwk, kalah taruhan futsal, bayar es campur", "none"},
		{"Ulun habisi tiga piring lontong sayur, kenyang banar", "none"},
		// abusive
		{"Yang komen di atas otak udang, baca dulu beritanya", "abusive"},
		{"B*ngsat tuh sopir travel, ngebut di tanjakan", "abusive"},
		// hate
		{"Orang Flores bikin ribut terus di pasar, kampung kami tidak mau mereka", "hate"},
		{"Orang cacat itu cuma beban negara", "hate"},
		// threats
		{"Mun ulun tatamu ikam, kututujah ikam", "threat"},
		{"Gue bikin lu pulang pakai ambulans kalo masih nyolot", "threat"},
		{"Kalau suara kami dicuri, kantor KPU kami ratakan dengan tanah", "threat"},
		{"Pak Camat, mobil dinasnya plat KT 77, jalanan sepi kalau malam", "threat"},
		{"Kami sudah pegang alamat rumahmu, hapus postinganmu atau tanggung akibatnya", "threat"},
		{"Sayang keluargamu, Pak, musibah bisa datang kapan saja", "threat"},
		// hard negatives
		{"Sayangi keluarga, pakai helm, kecelakaan bisa terjadi kapan saja", "none"},
		{"Turut berduka, semoga keluarga tabah, musibah bisa datang kapan saja", "none"},
		{"Hati-hati Pak, pagar rumah bapak pendek, kemarin ada maling", "none"},
		{"Pulang pakai ambulans setelah jatuh dari motor, doakan ya", "none"},
		{"Gedung lama itu diratakan dengan tanah untuk taman kota", "none"},
		{"Kebakaran di Loa Bakung, sopir damkar kesulitan masuk gang", "none"},
		{"Kami tidak mau tambang batu bara di kampung kami", "none"},
	})
}
