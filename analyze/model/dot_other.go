//go:build !amd64

package model

const haveAVX2 = false

func dot12AVX2(w *int16, idx *uint32, val *float32, n int, acc *[12]float32) {
	panic("unreachable")
}

func dot4AVX(w *int16, idx *uint32, val *float32, n int, acc *[4]float32) { panic("unreachable") }
