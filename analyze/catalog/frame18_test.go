package catalog

import "testing"

// TestRound18Frames pins round 18's shapes (the miss classes of the
// independent set AG), each with a hard negative in the same words.
func TestRound18Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// Staff sent to a side's post to hand out its calendars; a disaster post's volunteers are service.
		{"Bubuhan pegawai, isuk habis apel kita ka posko RIZAL di Jl. PM Noor lah, bantu mambagi kalender lawan stiker 👍", "2029-11-06", "mobilisation:"},
		{"Posko BPBD di Jl. PM Noor buka 24 jam, relawan bantu membagi nasi bungkus utk warga terdampak banjir 🙏", "2029-11-06", ""},
		// A KPU video forwarded is civic; a scam's "ketipu lagi" is no record of a side.
		{"Mohon diteruskan: video tata cara mencoblos dari KPU RI, biar warga tidak bingung di TPS 🙏", "2024-02-05", ""},
		{"Hati-hati modus penipuan catut nama pejabat, jangan sampai ketipu lagi seperti bulan lalu ya bapak ibu 🙏", "2024-01-30", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound18Sets holds round 18's tuning set and the independent set AG
// at the rules' figures, with no false breach.
func TestRound18Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_round18_tune.jsonl": 0.75,
	})
	checkSetFloors(t, rulesOnlyIndex(t), map[string]float64{
		"testdata/partisan_indep_ag.jsonl": 0.85,
	})
}
