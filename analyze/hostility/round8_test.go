package hostility

import "testing"

// TestRound8Classes checks the eighth round's miss classes of issue 20
// on posts written for this test (not in any testdata set): epithets by
// metaphor ("macan ompong", "tukang peras berseragam"), an animal emoji
// right after a role, profanity at a person described by a relative
// clause, the Banjar curse "muha ikam"; a disabled group said to be a
// burden at work, a group's false heart and a bar from office, refusing
// to rent or sell to a group, wives' or women's opinion not to be
// heard; a ruin foretold with a day, a crowd called on a suspect or to
// an address, a lonely road home wished on someone named by a wrong
// done to the speaker, an office torn apart on a condition, looting
// "like 98" — with hard negatives (a friend teased with fondness, a
// meeting place, safety advice, a police report, a shop's news, a
// child's drawing, a dog named in a story).
func TestRound8Classes(t *testing.T) {
	checkKinds(t, []kindCase{
		// abusive
		{"Pak Wali itu macan ompong, cuma galak di baliho", "abusive"},
		{"Kadis Perhubungan tu tukang peras berseragam", "abusive"},
		{"Pak RT kita 🐒 kerjaannya cuma tidur", "abusive"},
		{"Camat 🐷 urusan sampah aja ga beres", "abusive"},
		{"Bangsat emang tuh pengendara yang nabrak kucingku terus kabur", "abusive"},
		{"Kampret emang ibu-ibu yang parkir di depan pagarku tadi", "abusive"},
		{"Muha ikam!", "abusive"},
		{"Muha ikam kaya wadah sampah", "abusive"},
		{"Kepala dinas bermuka dua, janji ke warga lain di rapat", "abusive"},
		// hate
		{"Yang buta ngapain kerja di kantor pajak, gak guna", "hate"},
		{"Orang bisu kok dipekerjakan di loket, ngerepotin warga", "hate"},
		{"Cina tu manis mulutnya tapi hatinya busuk, jangan dijadikan ketua RT", "hate"},
		{"Jangan kontrakkan rumah ke orang Timor, nanti satu gang dikuasai", "hate"},
		{"Tanah kebun jangan dijual ke orang Flores", "hate"},
		{"Bini tu akalnya pendek, kada usah didengar", "hate"},
		// threats
		{"Liat aja nanti malam, warungnya tinggal puing 😈", "threat"},
		{"Tunggu aja lusa, tokonya tinggal abu", "threat"},
		{"Copet pasar pagi sudah ketahuan rumahnya, nanti kita gebukin bareng-bareng", "threat"},
		{"Hati-hati aja ya pak yang motong gaji aku, pulang malam jalannya gelap 🙂", "threat"},
		{"Kalau tuntutan tidak dipenuhi, kantor desa kami bongkar paksa", "threat"},
		{"Alamat admin lambe itu udah dapet, besok kita datengin rame-rame", "threat"},
		{"Rumah pelaku itu sudah kami tahu, habis isya kita geruduk", "threat"},
		{"Toko-toko Tionghoa siap-siap dijarah lagi kayak 98", "threat"},
		// after blind8: a fee-taker in uniform, half a brain "only",
		// "awas aja" and a week to come
		{"Kapolsek itu tukang pungut upeti berseragam", "abusive"},
		{"Perempuan otaknya cuma separuh, ga usah dimintai pendapat", "hate"},
		{"Awas aja minggu depan, lapaknya tinggal puing-puing", "threat"},
		// after blind8b: proverbs said of a person
		{"Pak Kades itu kacang lupa kulit, dulu minta dukungan warga", "abusive"},
		// hard negatives
		{"Hati-hati pulang malam ya anak-anak, jalan ke Loa Bakung gelap, kabari kalau sampai", "none"},
		{"Kita datangi rumah mertua rame-rame pas silaturahmi nanti", "none"},
		{"Kami datangi rumah Bu RT rame-rame pas lebaran", "none"},
		{"Hati-hati ya pulang sendirian, jalan ke rumahmu gelap, kabari kalau sampai", "none"},
		{"Awas saja besok banjir, barang di gudang tinggal rongsokan kalau tidak dipindah", "none"},
		{"Kawan ulun si Iwan ni bungul jua, helm tatinggal di warung 🤣 sayang ai", "none"},
		{"Teman aku si Doni bego banget sumpah 🤣 love you bro", "none"},
		{"Ulun tunggu di simpang Lembuswana, jangan telat", "none"},
		{"Hati-hati pulang malam ya guys, jalan ke Palaran licin", "none"},
		{"Lihat saja besok, kaca stadion sudah diganti, yang lama tinggal serpihan", "none"},
		{"Polisi geruduk rumah pelaku, kita tunggu kabar", "none"},
		{"Anak kami 🐶 lucu", "none"},
		{"Mengenal Laika anjing pertama yang mengorbit bumi", "none"},
		{"Sial banget hari yang panjang ini", "none"},
		{"Pengumuman: bagi yang tuli disediakan juru bahasa isyarat", "none"},
		{"Muha ikam bagus banar hari ini", "none"},
	})
}
