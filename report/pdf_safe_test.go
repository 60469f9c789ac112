package report

import "testing"

func TestPDFSafeDropsWhatTheFontCannotDraw(t *testing.T) {
	for in, want := range map[string]string{
		"Banjir lagi 😡😡 parah":    "Banjir lagi parah",
		"Terima kasih 🙏🏽 ❤️":      "Terima kasih ❤",
		"biasa saja":              "biasa saja",
		"keluarga 👨‍👩‍👧 jalan2 ✨": "keluarga jalan2 ✨",
	} {
		if got := pdfSafe(in); got != want {
			t.Errorf("pdfSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
