package mention

import (
	"encoding/json"
	"testing"
)

func BenchmarkDecode(b *testing.B) {
	data := []byte(`{"schema":1,"id":"instagram:8090802fb9ae41af","source":"instagram","url":"https://www.instagram.com/p/8090802fb9a/","author":{"id":"u100000","handle":"galuh_official102","name":"Galuh","kind":"citizen","followers":319,"posts":1262,"created_at":"2012-03-19T00:00:00Z"},"text":"Pemkot tolol, tiap tahun banjir gak ada solusi, kerja apa kalian 🙄","lang":"id","posted_at":"2026-10-25T16:35:09Z","collected_at":"2026-10-25T16:38:40Z","metrics":{"likes":16,"replies":0,"shares":4,"views":51},"neutrality_breach":false}`)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	m := fullMention()
	for i := 0; i < b.N; i++ {
		if _, err := Encode(&m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeJSON(b *testing.B) {
	m := fullMention()
	for i := 0; i < b.N; i++ {
		if _, err := json.Marshal(&m); err != nil {
			b.Fatal(err)
		}
	}
}
