package dataset

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestReaders(t *testing.T) {
	tests := []struct {
		name    string
		format  Format
		in      string
		want    []Example
		wantErr string
	}{
		{"smsa", FormatSmSA, "jalan nya rusak parah .\tnegative\nmantap pelayanan nya\tpositive\r\n\n", []Example{
			{Text: "jalan nya rusak parah .", Labels: []string{"negative"}}, {Text: "mantap pelayanan nya", Labels: []string{"positive"}}}, ""},
		{"smsa bad label", FormatSmSA, "teks\tsenang\n", nil, `label "senang"`},
		{"smsa no tab", FormatSmSA, "teks tanpa label\n", nil, "no TAB"},
		{"nusax", FormatNusaX, "id,text,label\n7,\"Wadai nyaman, murah\",positive\n8,biasa haja,neutral\n", []Example{
			{Text: "Wadai nyaman, murah", Labels: []string{"positive"}}, {Text: "biasa haja", Labels: []string{"neutral"}}}, ""},
		{"nusax missing column", FormatNusaX, "id,kalimat\n1,a\n", nil, `no column "text"`},
		{"emot", FormatEmoT, "label,tweet\nanger,\"[USERNAME] kesal, banget\"\nlove,sayang kamu\n", []Example{
			{Text: "[USERNAME] kesal, banget", Labels: []string{"anger"}}, {Text: "sayang kamu", Labels: []string{"love"}}}, ""},
		{"vaccine", FormatVaccine, ",norm,formal,subjektif,posneg\n0,ayo vaksin,ayo vaksin,1.0,1.0\n1,slot habis lagi,slot habis lagi,1.0,-1.0\n2,jadwal vaksin besok,jadwal vaksin besok,0.0,0.0\n", []Example{
			{Text: "ayo vaksin", Labels: []string{"positive"}}, {Text: "slot habis lagi", Labels: []string{"negative"}}, {Text: "jadwal vaksin besok", Labels: []string{"neutral"}}}, ""},
		{"vaccine bad label", FormatVaccine, ",norm,formal,subjektif,posneg\n0,x,x,0.0,2.0\n", nil, "not -1, 0 or 1"},
		{"indonglish", FormatIndonglish, "tweet,label\n\"so good, love it\",Positif\nmeh,Netral\nworst day,Negatif\n", []Example{
			{Text: "so good, love it", Labels: []string{"positive"}}, {Text: "meh", Labels: []string{"neutral"}}, {Text: "worst day", Labels: []string{"negative"}}}, ""},
		{"indonglish bad label", FormatIndonglish, "tweet,label\nx,Senang\n", nil, "not Positif, Netral or Negatif"},
		{"sentiment jsonl", FormatSentimentJSONL, "{\"text\":\"Tepian Mahakam 😍🔥\",\"label\":\"positive\",\"class\":\"emoji_short\"}\n\n{\"text\":\"jam buka Samsat?\",\"label\":\"neutral\"}\n", []Example{
			{Text: "Tepian Mahakam 😍🔥", Labels: []string{"positive"}}, {Text: "jam buka Samsat?", Labels: []string{"neutral"}}}, ""},
		{"sentiment jsonl bad label", FormatSentimentJSONL, "{\"text\":\"x\",\"label\":\"happy\"}\n", nil, `label "happy"`},
		{"emot bad label", FormatEmoT, "label,tweet\njoy,x\n", nil, "not an EmoT emotion"},
		{"indolem", FormatIndoLEM, "sentence,sentiment\nenak sekali,1\nburuk,0\n", []Example{
			{Text: "enak sekali", Labels: []string{"positive"}}, {Text: "buruk", Labels: []string{"negative"}}}, ""},
		{"banjarhs drops unlabeled", FormatBanjarHS, "text,Label\nbungul ikam,1\nbaik haja,0\nnang ini,\nitu,belum\n", []Example{
			{Text: "bungul ikam", Labels: []string{"HS"}}, {Text: "baik haja", Labels: []string{}}}, ""},
		{"hs escapes and latin-1", FormatHS, "Tweet,HS,Abusive,HS_Individual,HS_Group,HS_Religion,HS_Race,HS_Physical,HS_Gender,HS_Other,HS_Weak,HS_Moderate,HS_Strong\n" +
			"\"RT USER: dasar\\nbodoh \\xf0\\x9f\\x98\\x82 \xf0\x9f'\",1,1,1,0,0,0,0,0,1,1,0,0\n" +
			"biasa saja,0,0,0,0,0,0,0,0,0,0,0,0\n", []Example{
			{Text: "RT USER: dasar bodoh 😂", Labels: []string{"HS", "Abusive", "HS_Individual", "HS_Other", "HS_Weak"}},
			{Text: "biasa saja", Labels: []string{}}}, ""},
		{"hs bad value", FormatHS, "Tweet,HS,Abusive,HS_Individual,HS_Group,HS_Religion,HS_Race,HS_Physical,HS_Gender,HS_Other,HS_Weak,HS_Moderate,HS_Strong\nx,2,0,0,0,0,0,0,0,0,0,0,0\n", nil, "want 0 or 1"},
		{"netifier multi-line", FormatNetifier, "original_text,source,pornografi,sara,radikalisme,pencemaran_nama_baik\n" +
			"\"baris satu\r\nbaris \"\"dua\"\"\\nlagi\",kaskus,0,1,0,1\nbiasa,twitter,0,0,0,0\n", []Example{
			{Text: "baris satu\nbaris \"dua\" lagi", Labels: []string{"sara", "pencemaran_nama_baik"}}, {Text: "biasa", Labels: []string{}}}, ""},
		{"netifier bad value", FormatNetifier, "original_text,source,pornografi,sara,radikalisme,pencemaran_nama_baik\nx,twitter,0,2,0,0\n", nil, "want 0 or 1"},
		{"idhsd cr lines, quotes, json escapes", FormatIDHSD, "Label\tTweet\rHS\t\"kata \"\"dia\"\" https:\\/\\/t.co\\/x \\u2026 \\ud83d\\ude02\"\rNon_HS\tbiasa \x88saja\r", []Example{
			{Text: "kata \"dia\" https://t.co/x … 😂", Labels: []string{"HS"}, Stored: `kata "dia" https:\/\/t.co\/x \u2026 \ud83d\ude02`}, {Text: "biasa saja", Labels: []string{}}}, ""},
		{"idhsd lf lines", FormatIDHSD, "Label\tTweet\nNon_HS\tsatu\r\nHS\tdua", []Example{
			{Text: "satu", Labels: []string{}}, {Text: "dua", Labels: []string{"HS"}}}, ""},
		{"idhsd bad label", FormatIDHSD, "Label\tTweet\rmaybe\tx\r", nil, "not HS or Non_HS"},
		{"idhsd no tab", FormatIDHSD, "Label\tTweet\rHS x\r", nil, "no TAB"},
		{"newsabusive", FormatNewsAbusive, "text,label\nbiasa,1\nkasar,2\nkasar sekali,3\n", []Example{
			{Text: "biasa", Labels: []string{}}, {Text: "kasar", Labels: []string{"Abusive"}}, {Text: "kasar sekali", Labels: []string{"Abusive", "Offensive"}}}, ""},
		{"newsabusive bad label", FormatNewsAbusive, "text,label\nx,4\n", nil, "not 1, 2 or 3"},
		{"empty csv", FormatEmoT, "", nil, "empty file"},
		{"unknown format", Format("xml"), "", nil, "unknown format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.in), tt.format)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestNormKey(t *testing.T) {
	for in, want := range map[string]string{
		"Jalan RUSAK, parah!!": "jalanrusakparah",
		"  ":                   "",
		"Kota Samarinda #1 😀":  "kotasamarinda1",
		"Één café":             "ééncafé",
	} {
		if got := NormKey(in); got != want {
			t.Errorf("NormKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func fuzzReader(f *testing.F, format Format, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ex, err := Read(bytes.NewReader(data), format)
		if err != nil {
			return
		}
		for _, e := range ex {
			if !utf8Valid(e.Text) {
				t.Fatalf("invalid UTF-8 text %q", e.Text)
			}
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\x00") == s }

func FuzzReadSmSA(f *testing.F) {
	fuzzReader(f, FormatSmSA, "a\tpositive\n", "b\tneutral\r\nc\tnegative", "\t\t", "x\xff\tpositive\n")
}

func FuzzReadNusaX(f *testing.F) {
	fuzzReader(f, FormatNusaX, "id,text,label\n1,\"a, b\",positive\n", "id,text,label\n1,\"unterminated", "text,label\n")
}

func FuzzReadHS(f *testing.F) {
	fuzzReader(f, FormatHS, "Tweet,HS,Abusive,HS_Individual,HS_Group,HS_Religion,HS_Race,HS_Physical,HS_Gender,HS_Other,HS_Weak,HS_Moderate,HS_Strong\n\"a\\x\\xf0\\n'\",1,0,0,0,0,0,0,0,0,0,0,0\n", "Tweet,HS\n\\x4")
}

func FuzzReadEmoT(f *testing.F) {
	fuzzReader(f, FormatEmoT, "label,tweet\nhappy,senang\n", "label,tweet\nfear,\"\"\"x\"\"\"\n", "tweet,label\nx,love\n")
}

func FuzzReadIndoLEM(f *testing.F) {
	fuzzReader(f, FormatIndoLEM, "sentence,sentiment\nenak,1\n", "sentence,sentiment\n\"x\",2\n")
}

func FuzzReadBanjarHS(f *testing.F) {
	fuzzReader(f, FormatBanjarHS, "text,Label\nbungul,1\n", "text,Label\nx,\n")
}

func FuzzReadNetifier(f *testing.F) {
	fuzzReader(f, FormatNetifier, "original_text,source,pornografi,sara,radikalisme,pencemaran_nama_baik\n\"a\nb\",x,0,1,0,0\n", "original_text\n")
}

func FuzzReadIDHSD(f *testing.F) {
	fuzzReader(f, FormatIDHSD, "Label\tTweet\rHS\t\"a \\ud83d\\ude02\"\r", "HS\t\\u12", "Non_HS\t\\ud800\\u0041")
}

func FuzzReadNewsAbusive(f *testing.F) {
	fuzzReader(f, FormatNewsAbusive, "text,label\nx,3\n", "text,label\n\"x")
}
