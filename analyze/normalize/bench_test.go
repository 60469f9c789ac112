package normalize

import (
	"bytes"
	"encoding/json"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"
)

// benchPosts are short, realistic posts written for the benchmark.
var benchPosts = []string{
	"Jalan di Sempaja rusak parah gak diperbaiki2 😡😡 @pemkot_smr tolong dong",
	"Mantaaap pak wali, drainase udah bagus bgt skrg! 👍👍 #SamarindaKotaPeradaban",
	"banjir lagi banjir lagi... kapan beres sih wkwkwk",
	"ulun kada handak tulak ka pasar wayah ini, hujan deras banar",
	"Program Probebaya sangat membantu warga RT kami, terima kasih 🙏",
	"pelayanan di kelurahan lambat, antri 3 jam gk dipanggil2",
	"Info lengkap: https://samarindakota.go.id/berita/12345 #InfoSamarinda",
	"b4ngs4t emang pejabat korup semua!!!",
	"Alhamdulillah jalan depan rumah sudah diaspal ❤️",
	"Pian sudah tahu kah? bubuhan RT handak gotong royong isuk",
	"harga sembako naik trs, rakyat kecil makin susah 😭",
	"Selamat HUT Kota Samarinda ke-356! #HUTSamarinda356",
	"gimana sih pemkot, sampah numpuk di pasar segiri gak diangkut2",
	"keren bgt festival mahakam tadi malam 😍😍 rame bener",
	"gw sih gak percaya janji kampanye lg :)",
	"Pembangunan terowongan Samarinda bukan main bagusnya",
	"tidak hanya murah tapi pelayanannya juga ramah",
	"Kada jelas nang kaya apa programnya, bubuhan kami kada dapat",
	"RT 12 Kel. Sungai Pinang Dalam butuh bantuan air bersih",
	"@diskominfosmd kapan wifi gratis di taman samarendah nyala lagi?",
}

// BenchmarkText reports docs/s (wall clock) and docs/cpu_s: documents per
// second of CPU time used by the process (GC included), which stays
// meaningful when other processes share the cores.
func BenchmarkText(b *testing.B) {
	loadLexicon()
	b.ReportAllocs()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		Text(benchPosts[n%len(benchPosts)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "docs/cpu_s")
	}
}

// cpuTime is the user+system CPU time of this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkProseOnly measures prose's tokenizer alone on the same posts.
func BenchmarkProseOnly(b *testing.B) {
	b.ReportAllocs()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := prose.NewDocument(benchPosts[n%len(benchPosts)], proseOpts...); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "docs/cpu_s")
	}
}

// BenchmarkTextNoStems is BenchmarkText with stemming off.
func BenchmarkTextNoStems(b *testing.B) {
	loadLexicon()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		TextWith(benchPosts[n%len(benchPosts)], WithStems(false))
		n++
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "docs/cpu_s")
	}
}

// BenchmarkStemUncached measures the stemmer without its cache.
func BenchmarkStemUncached(b *testing.B) {
	roots := loadRoots()
	words := []string{"pembangunan", "diperbaiki", "kebersihan", "menyenangkan", "pelayanannya", "jalan", "samarinda", "kebijakan"}
	n := 0
	for b.Loop() {
		stem(roots, words[n%len(words)])
		n++
	}
}

// BenchmarkTextCorpus measures Text over the demo corpus (posts written
// for the simulator): longer and more varied than benchPosts, so that the
// memos see as many new words as in production.
func BenchmarkTextCorpus(b *testing.B) {
	texts := demoTexts(b)
	loadLexicon()
	b.ReportAllocs()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		Text(texts[n%len(texts)])
		n++
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "docs/cpu_s")
	}
}

// demoTexts reads the texts of the demo corpus.
func demoTexts(b *testing.B) []string {
	b.Helper()
	data, err := os.ReadFile("../../simulate/demo/corpus.jsonl")
	if err != nil {
		b.Skip(err)
	}
	var out []string
	for _, line := range bytes.Split(data, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var m struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(line, &m); err != nil {
			b.Fatal(err)
		}
		out = append(out, m.Text)
	}
	return out
}
