// Package stopwords is the one list of words that never make a term on
// their own: Indonesian, Banjar and slang function words, English function
// words, URL fragments and the city's own name. The weekly report's issues
// and spike terms, the alert explanations' top terms and the Program
// dashboard's rising terms all leave them out.
package stopwords

import (
	"sort"
	"strings"
)

var set = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
yang dan di ke dari ini itu dengan untuk pada adalah ada tidak tak gak ga nggak enggak ndak kada
kadada juga akan sudah udah sdh telah belum masih bisa dapat harus mau ingin jadi karena krn kalau
kalo jika atau tapi tetapi namun saja aja lagi lah kah pun nya dong deh sih kok kan yah ya iya iyaa
nih tuh saya aku kami kita anda kamu dia mereka beliau ia gue gua lu lo pian ulun kawan ikam sangat
banget bgt paling lebih kurang sama amat cukup terlalu apa siapa mana kapan bagaimana gimana kenapa
mengapa berapa oleh sebagai dalam luar atas bawah antara tentang terhadap seperti secara hingga
sampai sejak bagi para semua setiap tiap banyak sedikit beberapa satu dua tiga empat lima hari
minggu bulan tahun jam kemarin besok sekarang tadi nanti baru lama hal cara orang the and for you
are this that with from was were have has not but all can will just about http https www com co id
html php amp rt rw pak bu ibu bapak mas mbak kak bang dgn yg utk tdk jg sy dr sm gk klo pd dlm trs
terus bikin buat samarinda kota pemkot kaltim kalimantan timur ngga gw blm warga biar nah wah ayo
mari tersebut cuma hanya doang ikut memang urus bubuhan kasih bilang kata tau tahu liat lihat pakai pake
jangan usah dasar banar nang gasan wayah haja jua sidin unda handak bujur`) {
		m[w] = true
	}
	return m
}()

// Is says whether w (lower case) is a stop word.
func Is(w string) bool { return set[w] }

// Words returns the stop words, sorted.
func Words() []string {
	out := make([]string, 0, len(set))
	for w := range set {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}
