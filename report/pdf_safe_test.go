package report

import "testing"

func TestPDFSafeNamesWhatTheFontCannotDraw(t *testing.T) {
	for in, want := range map[string]string{
		"Banjir lagi 😡😡 parah":           "Banjir lagi [marah] parah",
		"Samarinda 😡!!!":                 "Samarinda [marah]!!!",
		"Terima kasih 🙏🏽 ❤️":             "Terima kasih [mohon] ❤",
		"biasa saja":                     "biasa saja",
		"keluarga 👨‍👩‍👧 jalan2 ✨":        "keluarga [emoji] jalan2 ✨",
		"Merdeka 🇮🇩🇮🇩":                   "Merdeka [bendera]",
		"Dukung terus 😍 #GerindraMenang": "Dukung terus [suka] #GerindraMenang",
		"mantap 👍👍👍 pemkot 👏":            "mantap [jempol] pemkot [tepuk tangan]",
	} {
		if got := pdfSafe(in); got != want {
			t.Errorf("pdfSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
