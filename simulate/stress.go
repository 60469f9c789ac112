package simulate

import (
	"fmt"
	"time"

	"github.com/dengar-id/dengar/mention"
)

// Stress weeks are the hard negatives of alert detection: spans of heavy,
// heated traffic that carries no hostility in truth. A city sees them every
// year — a flood week full of angry complaints, a campaign season full of
// slogans — and a hostile-spike alert raised on them is a false alarm.
const (
	// StressFlood is a flood week: angry complaints about the water, the
	// drains and the city's response, and BPBD updates.
	StressFlood = "flood"
	// StressCampaign is a campaign week: intense campaigning, kotak kosong
	// slogans, attacks on the incumbent's record, election notices.
	StressCampaign = "campaign"
)

// StressKinds lists the stress kinds the simulator knows.
func StressKinds() []string { return []string{StressFlood, StressCampaign} }

// Stress adds heated, non-hostile traffic of one kind over [Start,
// Start+Duration) on top of the base stream.
type Stress struct {
	Kind     string
	Start    time.Time
	Duration time.Duration
	// PerHour is the extra mean mentions per hour, with the base stream's
	// daily and weekly seasonality (Options.PerHour: the stream doubles).
	PerHour float64
}

func (s Stress) validate() error {
	switch {
	case s.Kind != StressFlood && s.Kind != StressCampaign:
		return fmt.Errorf("simulate: stress kind %q: want %s or %s", s.Kind, StressFlood, StressCampaign)
	case s.Duration < time.Minute:
		return fmt.Errorf("simulate: stress duration %s is shorter than a minute", s.Duration)
	case s.PerHour <= 0:
		return fmt.Errorf("simulate: stress volume %v per hour is not positive", s.PerHour)
	}
	return nil
}

// stressTemplates are the texts of each stress kind, written for this
// project. None is hostile in truth: the anger is at the water, the drains,
// the slow response or the incumbent's record, with no insult, slur or
// threat against a person or group.
var stressTemplates = map[string][]template{
	StressFlood: {
		{"BANJIR LAGI di {place}!!! Air udah sepinggang, kami harus gimana lagi {emo} {tag}", neg},
		{"Sudah 3 hari rumah kami terendam di {place}, bantuan belum ada yang datang sama sekali {emo}", neg},
		{"Pemkot kemana aja?! Warga {place} kebanjiran dari subuh, gak ada satu pun petugas turun {emo}", neg},
		{"Muak banget tiap hujan deras pasti banjir, {alias} cuma janji doang {emo} {tag}", neg},
		{"Ya Allah air masuk rumah lagi, kulkas kasur semua rusak. Capek banget hidup di {place} {emo}", neg},
		{"Kesal bgt, parit di {place} mampet dari bulan lalu udah dilaporin gak ada yang gubris {emo}", neg},
		{"Banyu naik sampai dada di {place}, anak-anak kami ungsikan ke masjid. Kada ada bantuan pang {emo}", neg},
		{"Jalan ke {place} putus total kena banjir, mau kerja gimana ini?! Parah parah parah {emo}", neg},
		{"Anggaran {alias} miliaran tapi tiap tahun tetap tenggelam. Duitnya kemana?? {emo} {tag}", neg},
		{"Sialan banjirnya, motor mogok lagi di tengah jalan {place} {emo}", neg},
		{"Malu kita sama kota lain, ibu kota provinsi tapi langganan banjir terus {emo} {tag}", neg},
		{"Tolong dong pemkot, listrik padam dan air bersih habis di {place}. Kami butuh perahu karet sekarang {emo}", neg},
		{"Pemkot tidur ya?! Warga {place} tenggelam, pejabatnya sibuk foto-foto. Kerja apa kalian selama ini {emo}", neg},
		{"Makan gaji buta, tiap tahun banjir gak ada solusi. Ganti aja kepala dinasnya {emo} {tag}", neg},
		{"Rakyat dibiarkan tenggelam sendiri, {alias} cuma proyek buat bagi-bagi duit {emo}", neg},
		{"Ampun dah banjir lagi banjir lagi, udah kayak kota air beneran {emo} #SamarindaTenggelam", neg},
		{"BPBD: banjir merendam {place} setinggi 80 cm, 1.200 jiwa mengungsi di posko kelurahan {tag}", neu},
		{"Posko pengungsian banjir dibuka di kantor kelurahan {place}, warga yang butuh bantuan hubungi 112", neu},
		{"Terima kasih relawan yang bagi nasi bungkus ke pengungsi banjir di {place} {emo}", pos},
	},
	StressCampaign: {
		{"Coblos kotak kosong! Samarinda butuh pilihan, bukan calon tunggal {emo} #KotakKosong", partyOn},
		{"Kotak kosong menang, demokrasi menang! Ayo warga {place} ramaikan TPS {emo} #KotakKosong", partyOn},
		{"Lanjutkan pembangunan! Coblos pasangan nomor 1 biar {alias} diteruskan {emo}", partyOn},
		{"Dua periode! Bukti kerja nyata, {alias} sudah dirasakan warga {place} {emo} #LanjutkanSamarinda", partyOn},
		{"Kampanye akbar di GOR Segiri sore ini, relawan dari {place} siap berangkat {emo}", partyOn},
		{"Petahana gagal urus {alias}, saatnya kotak kosong bicara di 27 November {emo}", intent{sentiment: "negative", hostility: "none", political: true, partisan: true}},
		{"Jangan mau dibeli serangan fajar, pilih sesuai hati nurani. Kotak kosong juga pilihan sah {emo}", partyOn},
		{"Janji kampanye lima tahun lalu soal {alias} mana buktinya? Warga {place} masih nunggu {emo}", intent{sentiment: "negative", hostility: "none", political: true, partisan: true}},
		{"Petahana cuma pencitraan, banjir gak beres jalan rusak. Kotak kosong lebih jujur {emo} #KotakKosong", intent{sentiment: "negative", hostility: "none", political: true, partisan: true}},
		{"Yang nyuruh pilih kotak kosong itu gak ngerti pembangunan, lihat dulu hasil kerjanya {emo}", intent{sentiment: "negative", hostility: "none", political: true, partisan: true}},
		{"Baliho calon tunggal di mana-mana di {place}, sampai nutup rambu lalu lintas {emo}", intent{sentiment: "negative", hostility: "none", political: true}},
		{"Debat publik calon wali kota malam ini disiarkan langsung, jangan lupa nonton {emo}", polNeu},
		{"KPU Samarinda: surat suara kotak kosong sah dan dihitung sama seperti suara pasangan calon", polNeu},
		{"Bawaslu temukan APK di {place} yang dipasang di fasilitas umum, akan ditertibkan", polNeu},
	},
}

// stress draws one mention of a stress span: citizens mostly, some public
// admin pages relaying it; the program is banjir for a flood, any program
// for a campaign.
func (g *gen) stress(s Stress, at time.Time) *mention.Mention {
	r := g.rng
	tpls := stressTemplates[s.Kind]
	tpl := tpls[r.IntN(len(tpls))]
	author := g.citizens[g.zipf.Uint64()]
	if r.Float64() < 0.05 {
		author = publicAdmins[r.IntN(len(publicAdmins))].author()
	}
	prog := g.pickProgram()
	if s.Kind == StressFlood {
		for j := range programs {
			if programs[j].id == "banjir" {
				prog = &programs[j]
			}
		}
	}
	return g.build(at, []string{"facebook", "instagram", "x", "youtube", "telegram"}[r.IntN(5)], author, prog, tpl, "")
}
