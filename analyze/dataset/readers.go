// Package dataset reads the public labelled data sets that Dengar's
// models are trained and measured on (analyze/models/NOTICE.md lists them
// and their licences), and keeps their reported test splits apart from
// everything trained on (TestSplits, TestFolds, TestKeys, Dedup). It is
// used by the trainers (analyze/train), by `dengar eval` and by the
// taggers' quality tests, never on the serving path.
package dataset

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Example is one labelled text. Single-label data sets carry one label;
// the multi-label hate-speech set carries the names of its positive columns
// (possibly none).
type Example struct {
	// Text is the example's text, valid UTF-8.
	Text string
	// Labels are the example's labels (for the hate-speech set, the names
	// of its positive columns).
	Labels []string
	// Domain names the corpus of a training example that gets a bias of
	// its own (see model.Features.DomainBucket); "" for none.
	Domain string
	// Stored is the text as the file stores it, when the reader decoded
	// escapes in Text; the data sets' deterministic fold split hashes the
	// stored text (see FoldKey).
	Stored string
}

// FoldKey is the NormKey that the deterministic fold split of a data set
// hashes: that of the stored text.
func (e Example) FoldKey() string {
	if e.Stored != "" {
		return NormKey(e.Stored)
	}
	return NormKey(e.Text)
}

// Label returns the first label, or "" when there is none.
func (e Example) Label() string {
	if len(e.Labels) == 0 {
		return ""
	}
	return e.Labels[0]
}

// Has reports whether the example carries label l.
func (e Example) Has(l string) bool {
	for _, x := range e.Labels {
		if x == l {
			return true
		}
	}
	return false
}

// Format names a data-set file format understood by Read.
type Format string

// Supported formats.
const (
	// FormatSmSA is text TAB label, no header (IndoNLU SmSA and any such file).
	FormatSmSA Format = "smsa"
	// FormatNusaX is CSV with header id,text,label.
	FormatNusaX Format = "nusax"
	// FormatHS is the Latin-1 multi-label hate-speech CSV (Ibrohim & Budi 2019).
	FormatHS Format = "hs"
	// FormatEmoT is CSV with header label,tweet (IndoNLU EmoT).
	FormatEmoT Format = "emot"
	// FormatIndoLEM is CSV with header sentence,sentiment (1 positive, 0 negative).
	FormatIndoLEM Format = "indolem"
	// FormatBanjarHS is CSV with header text,Label (1 hate, 0 not).
	FormatBanjarHS Format = "banjarhs"
	// FormatNetifier is the Netifier toxicity CSV (header
	// original_text,source,pornografi,sara,radikalisme,pencemaran_nama_baik;
	// each label 0/1). Labels are the names of the positive columns.
	FormatNetifier Format = "netifier"
	// FormatIDHSD is Alfina et al.'s 2017 hate-speech file: TAB-separated
	// Label<TAB>Tweet with CR line endings, labels HS / Non_HS, texts with
	// JSON-style escapes. Label "HS" marks hate speech.
	FormatIDHSD Format = "idhsd"
	// FormatNewsAbusive is the abusive news-comments CSV (header text,label;
	// 1 not abusive, 2 abusive, 3 abusive and offensive). Labels "Abusive"
	// (2 and 3) and "Offensive" (3).
	FormatNewsAbusive Format = "newsabusive"
	// FormatVaccine is the COVID-19 vaccine tweets CSV (header
	// ,norm,formal,subjektif,posneg; posneg -1.0/0.0/1.0). The text is the
	// authors' normalised tweet (norm).
	FormatVaccine Format = "vaccine"
	// FormatIndonglish is the code-mixed Indonglish CSV (header
	// tweet,label; labels Positif, Netral, Negatif).
	FormatIndonglish Format = "indonglish"
	// FormatSentimentJSONL is JSON Lines with fields text and label
	// (positive, neutral, negative), as the Samarinda sentiment sets
	// (analyze/sentiment/testdata).
	FormatSentimentJSONL Format = "jsonl"
)

// NetifierColumns are the label columns of the Netifier CSV, in order.
var NetifierColumns = []string{"pornografi", "sara", "radikalisme", "pencemaran_nama_baik"}

// HSColumns are the label columns of the multi-label hate-speech CSV, in order.
var HSColumns = []string{"HS", "Abusive", "HS_Individual", "HS_Group", "HS_Religion", "HS_Race", "HS_Physical", "HS_Gender", "HS_Other", "HS_Weak", "HS_Moderate", "HS_Strong"}

// maxRecordBytes bounds one line or record; longer input is an error.
const maxRecordBytes = 1 << 20

// ReadFile reads a data-set file in format f.
func ReadFile(path string, f Format) ([]Example, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer fh.Close()
	ex, err := Read(fh, f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return ex, nil
}

// Read parses r in format f.
func Read(r io.Reader, f Format) ([]Example, error) {
	switch f {
	case FormatSmSA:
		return ReadSmSA(r)
	case FormatNusaX:
		return ReadNusaX(r)
	case FormatHS:
		return ReadHS(r)
	case FormatEmoT:
		return ReadEmoT(r)
	case FormatIndoLEM:
		return ReadIndoLEM(r)
	case FormatBanjarHS:
		return ReadBanjarHS(r)
	case FormatNetifier:
		return ReadNetifier(r)
	case FormatIDHSD:
		return ReadIDHSD(r)
	case FormatNewsAbusive:
		return ReadNewsAbusive(r)
	case FormatVaccine:
		return ReadVaccine(r)
	case FormatIndonglish:
		return ReadIndonglish(r)
	case FormatSentimentJSONL:
		return ReadSentimentJSONL(r)
	}
	return nil, fmt.Errorf("unknown format %q (want smsa, nusax, hs, emot, indolem, banjarhs, netifier, idhsd, newsabusive, vaccine, indonglish or jsonl)", f)
}

var sentimentLabels = map[string]bool{"positive": true, "negative": true, "neutral": true}

// ReadSmSA parses text TAB label lines (no header). Labels must be
// positive, negative or neutral; blank lines are skipped.
func ReadSmSA(r io.Reader) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxRecordBytes)
	var out []Example
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		i := strings.LastIndexByte(line, '\t')
		if i < 0 {
			return nil, fmt.Errorf("line %d: no TAB between text and label", n)
		}
		text, label := cleanText(line[:i]), strings.TrimSpace(line[i+1:])
		if !sentimentLabels[label] {
			return nil, fmt.Errorf("line %d: label %q is not positive, negative or neutral", n, label)
		}
		out = append(out, Example{Text: text, Labels: []string{label}})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return out, nil
}

// readCSV reads all records, checking the header's columns by name
// (case-insensitive) and returning the column indexes of want.
func readCSV(r io.Reader, want ...string) ([][]string, []int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = false
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, errors.New("empty file: no header")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("header: %w", err)
	}
	idx := make([]int, len(want))
	for j, w := range want {
		idx[j] = -1
		for i, h := range head {
			h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
			if strings.EqualFold(h, w) {
				idx[j] = i
				break
			}
		}
		if idx[j] < 0 {
			return nil, nil, fmt.Errorf("header %q has no column %q", strings.Join(head, ","), w)
		}
	}
	var recs [][]string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		for _, i := range idx {
			if i >= len(rec) {
				line, _ := cr.FieldPos(0)
				return nil, nil, fmt.Errorf("line %d: %d fields, want at least %d", line, len(rec), i+1)
			}
		}
		recs = append(recs, rec)
	}
	return recs, idx, nil
}

// ReadNusaX parses NusaX sentiment CSV (header id,text,label).
func ReadNusaX(r io.Reader) ([]Example, error) {
	recs, idx, err := readCSV(r, "text", "label")
	if err != nil {
		return nil, err
	}
	out := make([]Example, 0, len(recs))
	for n, rec := range recs {
		label := strings.TrimSpace(rec[idx[1]])
		if !sentimentLabels[label] {
			return nil, fmt.Errorf("record %d: label %q is not positive, negative or neutral", n+1, label)
		}
		out = append(out, Example{Text: cleanText(rec[idx[0]]), Labels: []string{label}})
	}
	return out, nil
}

var emotLabels = map[string]bool{"anger": true, "fear": true, "happy": true, "love": true, "sadness": true}

// ReadEmoT parses EmoT CSV (header label,tweet).
func ReadEmoT(r io.Reader) ([]Example, error) {
	recs, idx, err := readCSV(r, "label", "tweet")
	if err != nil {
		return nil, err
	}
	out := make([]Example, 0, len(recs))
	for n, rec := range recs {
		label := strings.TrimSpace(rec[idx[0]])
		if !emotLabels[label] {
			return nil, fmt.Errorf("record %d: label %q is not an EmoT emotion", n+1, label)
		}
		out = append(out, Example{Text: cleanText(rec[idx[1]]), Labels: []string{label}})
	}
	return out, nil
}

// ReadVaccine parses the COVID-19 vaccine tweets CSV (see FormatVaccine).
func ReadVaccine(r io.Reader) ([]Example, error) {
	return readMappedCSV(r, "norm", "posneg", map[string]string{
		"1.0": "positive", "1": "positive", "0.0": "neutral", "0": "neutral", "-1.0": "negative", "-1": "negative",
	}, "-1, 0 or 1")
}

// ReadIndonglish parses the Indonglish CSV (see FormatIndonglish).
func ReadIndonglish(r io.Reader) ([]Example, error) {
	return readMappedCSV(r, "tweet", "label", map[string]string{
		"Positif": "positive", "Netral": "neutral", "Negatif": "negative",
	}, "Positif, Netral or Negatif")
}

// readMappedCSV reads a CSV with a text and a label column whose values
// map to the sentiment labels; a value outside labels is an error naming
// the allowed ones (want).
func readMappedCSV(r io.Reader, textCol, labelCol string, labels map[string]string, want string) ([]Example, error) {
	recs, idx, err := readCSV(r, textCol, labelCol)
	if err != nil {
		return nil, err
	}
	out := make([]Example, 0, len(recs))
	for n, rec := range recs {
		label, ok := labels[strings.TrimSpace(rec[idx[1]])]
		if !ok {
			return nil, fmt.Errorf("record %d: %s %q is not %s", n+1, labelCol, rec[idx[1]], want)
		}
		out = append(out, Example{Text: cleanText(rec[idx[0]]), Labels: []string{label}})
	}
	return out, nil
}

// SentimentPost is one line of a JSON Lines sentiment set: the text, its
// gold label (positive, neutral, negative), and for analysis the miss
// class and the writing style it stands for.
type SentimentPost struct {
	Text  string `json:"text"`
	Label string `json:"label"`
	Class string `json:"class,omitempty"`
	Style string `json:"style,omitempty"`
}

// ReadSentimentJSONL parses JSON Lines of SentimentPost.
func ReadSentimentJSONL(r io.Reader) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxRecordBytes)
	var out []Example
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var p SentimentPost
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if !sentimentLabels[p.Label] {
			return nil, fmt.Errorf("line %d: label %q is not positive, negative or neutral", n, p.Label)
		}
		out = append(out, Example{Text: cleanText(p.Text), Labels: []string{p.Label}})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// ReadIndoLEM parses IndoLEM sentiment CSV (header sentence,sentiment; 1 =
// positive, 0 = negative).
func ReadIndoLEM(r io.Reader) ([]Example, error) {
	return readMappedCSV(r, "sentence", "sentiment", map[string]string{"1": "positive", "0": "negative"}, "0 or 1")
}

// ReadBanjarHS parses the Banjar Instagram hate-speech CSV (header
// text,Label). Rows whose label is not 0 or 1 (the source has empty and
// "belum" labels) are dropped. Label "HS" marks hate speech; none otherwise.
func ReadBanjarHS(r io.Reader) ([]Example, error) {
	recs, idx, err := readCSV(r, "text", "label")
	if err != nil {
		return nil, err
	}
	out := make([]Example, 0, len(recs))
	for _, rec := range recs {
		var labels []string
		switch strings.TrimSpace(rec[idx[1]]) {
		case "1":
			labels = []string{"HS"}
		case "0":
			labels = []string{}
		default:
			continue
		}
		out = append(out, Example{Text: cleanText(rec[idx[0]]), Labels: labels})
	}
	return out, nil
}

// ReadNetifier parses the Netifier toxicity CSV. Texts keep their raw
// form (the normaliser decodes HTML entities); literal "\n" sequences
// become spaces.
func ReadNetifier(r io.Reader) ([]Example, error) {
	return readBinaryColumns(r, "original_text", NetifierColumns, func(s string) string { return strings.ReplaceAll(s, `\n`, " ") })
}

// readBinaryColumns parses a CSV of a text column and 0/1 label columns:
// each example's labels are the names of its columns that hold 1; text
// is decoded by clean first.
func readBinaryColumns(r io.Reader, textCol string, cols []string, clean func(string) string) ([]Example, error) {
	recs, idx, err := readCSV(r, append([]string{textCol}, cols...)...)
	if err != nil {
		return nil, err
	}
	out := make([]Example, 0, len(recs))
	for n, rec := range recs {
		ex := Example{Text: cleanText(clean(rec[idx[0]])), Labels: []string{}}
		for j, col := range cols {
			switch strings.TrimSpace(rec[idx[j+1]]) {
			case "1":
				ex.Labels = append(ex.Labels, col)
			case "0":
			default:
				return nil, fmt.Errorf("record %d: column %s = %q, want 0 or 1", n+1, col, rec[idx[j+1]])
			}
		}
		out = append(out, ex)
	}
	return out, nil
}

// ReadIDHSD parses Alfina et al.'s hate-speech file. Lines end in CR (LF
// is accepted too); a text wrapped in double quotes loses them (and ""
// becomes "); JSON escapes (\/, \uXXXX with surrogate pairs, \n) are
// decoded; bytes that are not UTF-8 are dropped.
func ReadIDHSD(r io.Reader) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxRecordBytes)
	sc.Split(splitCRorLF)
	var out []Example
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		label, text, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: no TAB between label and text", n)
		}
		label = strings.TrimSpace(label)
		if n == 1 && strings.EqualFold(label, "label") {
			continue
		}
		var labels []string
		switch label {
		case "HS":
			labels = []string{"HS"}
		case "Non_HS":
			labels = []string{}
		default:
			return nil, fmt.Errorf("line %d: label %q is not HS or Non_HS", n, label)
		}
		text = strings.TrimSpace(text)
		if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' {
			text = strings.ReplaceAll(text[1:len(text)-1], `""`, `"`)
		}
		ex := Example{Text: cleanText(unescape(text, jsonEscapes)), Labels: labels}
		if stored := cleanText(text); stored != ex.Text {
			ex.Stored = stored
		}
		out = append(out, ex)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return out, nil
}

// splitCRorLF is a bufio.SplitFunc for lines ending in CR, LF or CRLF.
func splitCRorLF(data []byte, atEOF bool) (int, []byte, error) {
	for i, c := range data {
		switch c {
		case '\n':
			return i + 1, data[:i], nil
		case '\r':
			if i+1 < len(data) {
				if data[i+1] == '\n' {
					return i + 2, data[:i], nil
				}
				return i + 1, data[:i], nil
			}
			if atEOF {
				return i + 1, data[:i], nil
			}
			return 0, nil, nil // a LF may follow
		}
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// jsonRune decodes a \uXXXX escape (and its low surrogate) at the start of
// s, returning the rune and the bytes used (0 when s holds no escape).
func jsonRune(s string) (rune, int) {
	hex := func(t string) (rune, bool) {
		if len(t) < 6 || t[0] != '\\' || t[1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(t[2:6], 16, 16)
		return rune(v), err == nil
	}
	r, ok := hex(s)
	if !ok {
		return 0, 0
	}
	if utf16.IsSurrogate(r) {
		if r2, ok := hex(s[6:]); ok {
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				return d, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}

// ReadNewsAbusive parses the abusive news-comments CSV (header text,label).
func ReadNewsAbusive(r io.Reader) ([]Example, error) {
	recs, idx, err := readCSV(r, "text", "label")
	if err != nil {
		return nil, err
	}
	out := make([]Example, 0, len(recs))
	for n, rec := range recs {
		var labels []string
		switch strings.TrimSpace(rec[idx[1]]) {
		case "1":
			labels = []string{}
		case "2":
			labels = []string{"Abusive"}
		case "3":
			labels = []string{"Abusive", "Offensive"}
		default:
			return nil, fmt.Errorf("record %d: label %q is not 1, 2 or 3", n+1, rec[idx[1]])
		}
		out = append(out, Example{Text: cleanText(rec[idx[0]]), Labels: labels})
	}
	return out, nil
}

// ReadHS parses the multi-label hate-speech CSV. The file is not valid
// UTF-8: bytes are read as they are, literal Python escapes (\n, \xf0\x9f…)
// are decoded, and what is still invalid UTF-8 is dropped.
func ReadHS(r io.Reader) ([]Example, error) {
	return readBinaryColumns(r, "Tweet", HSColumns, decodeEscapes)
}

// decodeEscapes turns the literal escapes of a Python bytes repr (\n, \t,
// \xNN, \\, \') into bytes, and drops a trailing stray quote.
func decodeEscapes(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "b'") || strings.HasPrefix(s, `b"`) {
		s = s[2:]
	}
	return unescape(strings.TrimSuffix(s, "'"), pythonEscapes)
}

// escapeSyntax names a syntax of backslash escapes that a data set left
// in its texts as literal characters.
type escapeSyntax int

const (
	pythonEscapes escapeSyntax = iota // \n \r \t \\ \' \" \xNN (a Python bytes repr)
	jsonEscapes                       // \n \r \t \\ \" \/ \uXXXX with surrogate pairs
)

// unescape decodes the escapes of syntax syn in s: line breaks and tabs
// become spaces, \xNN a byte, \uXXXX a rune; anything else is kept.
func unescape(s string, syn escapeSyntax) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		switch e := s[i+1]; {
		case e == 'n' || e == 'r' || e == 't':
			b.WriteByte(' ')
			i++
		case e == '\\' || e == '"' || e == '\'' && syn == pythonEscapes || e == '/' && syn == jsonEscapes:
			b.WriteByte(e)
			i++
		case e == 'x' && syn == pythonEscapes && i+3 < len(s):
			v, err := strconv.ParseUint(s[i+2:i+4], 16, 8)
			if err != nil {
				b.WriteByte(c)
				continue
			}
			b.WriteByte(byte(v))
			i += 3
		case e == 'u' && syn == jsonEscapes:
			r, w := jsonRune(s[i:])
			if w == 0 {
				b.WriteByte(c)
				continue
			}
			b.WriteRune(r)
			i += w - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// cleanText makes s valid UTF-8 (dropping invalid bytes) and trims it.
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	return strings.TrimSpace(s)
}

// NormKey is the de-duplication key of a text: lower-cased, with every
// character that is not a letter or digit removed.
func NormKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if r < utf8.RuneSelf {
			if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
				b.WriteRune(r)
			}
			continue
		}
		if isLetterOrDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
