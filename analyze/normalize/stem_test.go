package normalize

import "testing"

func TestStem(t *testing.T) {
	cases := map[string]string{
		"pembangunan": "bangun", "makanan": "makan", "perkataan": "kata", "kebersihan": "bersih",
		"menyenangkan": "senang", "dimakan": "makan", "memakai": "pakai", "bermain": "main",
		"kehidupan": "hidup", "mengatakan": "kata", "pelayanan": "layan", "keadilan": "adil",
		"menulis": "tulis", "mendengar": "dengar", "mencari": "cari", "melihat": "lihat",
		"diperbaiki": "baik", "memperbaiki": "baik", "pelajar": "ajar", "belajar": "ajar",
		"bekerja": "kerja", "tertawa": "tertawa", "ditertawakan": "tertawa", "menyanyi": "nyanyi", "kebijakan": "bijak", "pembakaran": "bakar", "masukan": "masuk",
		"pemerintah": "perintah", "rumahnya": "rumah", "bukunya": "buku", "bagusnya": "bagus",
		"anak-anak": "anak", "berkali-kali": "kali", "jalan": "jalan", "samarinda": "samarinda",
		"tidak": "tidak", "dan": "dan", "pengumuman": "umum", "penjelasan": "jelas",
		"ketidakadilan": "ketidakadilan", "dipukul": "pukul", "pukulan": "pukul",
	}
	for in, want := range cases {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}
