package model

import "golang.org/x/sys/cpu"

// haveAVX2 selects the vector loops of dot_amd64.s (AVX2 for the 8-lane
// sign extension; the 4-column loop needs AVX only).
var haveAVX2 = cpu.X86.HasAVX2

//go:noescape
func dot12AVX2(w *int16, idx *uint32, val *float32, n int, acc *[12]float32)

//go:noescape
func dot4AVX(w *int16, idx *uint32, val *float32, n int, acc *[4]float32)
