package model

// polarity is Dengar's own small polarity word list (Indonesian, slang and
// Banjar; normalised forms and common spellings). It feeds the lexicon
// features; the models learn how much to trust it.
var polarity = func() map[string]int8 {
	pos := []string{
		"bagus", "baik", "mantap", "mantab", "mantul", "keren", "hebat", "puas", "memuaskan", "senang", "suka", "enak", "nyaman",
		"ramah", "bersih", "cepat", "murah", "indah", "cantik", "terbaik", "makasih", "terimakasih", "sukses", "lancar",
		"membantu", "bermanfaat", "rekomendasi", "recommended", "lezat", "top", "juara", "asik", "asyik", "seru", "rapi",
		"aman", "cinta", "sayang", "bangga", "salut", "apresiasi", "amanah", "berkah", "alhamdulillah", "semangat", "setuju",
		"mendukung", "dukung", "tepat", "nikmat", "lengkap", "strategis", "lucu", "bahagia", "gembira", "ramai", "sejuk",
		"istimewa", "favorit", "luas", "memuaskan", "profesional", "sigap", "tanggap", "responsif", "jujur", "adil", "maju",
		"sejahtera", "mudah", "praktis", "worth", "best", "good", "nice", "love", "mantep", "oke", "ok", "sip", "josss", "jos",
		"berhasil", "untung", "beruntung", "selamat", "terbantu", "kagum", "luar", "wow", "indah", "segar", "gratis", "hemat",
		// Banjar
		"bungas", "harat", "himung", "katuju", "rami", "langkar", "baik", "nyaman", "lajur", "bagus",
	}
	neg := []string{
		"buruk", "jelek", "kecewa", "mengecewakan", "lambat", "lelet", "lemot", "mahal", "kotor", "rusak", "parah", "payah",
		"bohong", "korupsi", "koruptor", "benci", "marah", "kesal", "kesel", "sebel", "bosan", "sedih", "takut", "kasar",
		"jorok", "bau", "basi", "macet", "banjir", "hancur", "gagal", "ribet", "susah", "sulit", "sampah", "bodoh", "goblok",
		"tolol", "bego", "anjing", "bangsat", "kampret", "brengsek", "sialan", "tipu", "penipu", "zalim", "zolim", "curang",
		"kacau", "rugi", "terlambat", "telat", "hilang", "sakit", "miskin", "bahaya", "menyesal", "nyesal", "gila", "aneh",
		"pungli", "lubang", "berlubang", "mati", "padam", "kumuh", "pencitraan", "mengeluh", "keluhan", "komplain", "lapor",
		"kurang", "gagal", "bosok", "busuk", "tai", "taik", "asu", "jancok", "bajingan", "keparat",
		"ngeri", "sedih", "kasihan", "malu", "memalukan", "menyedihkan", "prihatin", "ancur", "bobrok", "lalai", "abal",
		// Banjar
		"ngalih", "pusang", "jelek", "rigat", "babal", "sarik", "supan", "bungul", "kalah",
	}
	m := make(map[string]int8, len(pos)+len(neg))
	for _, w := range pos {
		m[w] = 1
	}
	for _, w := range neg {
		m[w] = -1
	}
	return m
}()
