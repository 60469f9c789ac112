package model

import (
	"bytes"
	"testing"

	"github.com/dengar-id/dengar/analyze/models"
)

func BenchmarkDecodeShipped(b *testing.B) {
	data, err := models.FS.ReadFile("hostility.dgm")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
