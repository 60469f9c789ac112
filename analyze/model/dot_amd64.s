#include "textflag.h"

// func dot12AVX2(w *int16, idx *uint32, val *float32, n int, acc *[12]float32)
//
// For each i < n: acc[o] += float32(w[idx[i]*12+o]) * val[i], o < 12, with
// the same IEEE single-precision multiply and add per output as the Go
// loop (no fused multiply-add), so the sums are bit-identical.
TEXT ·dot12AVX2(SB), NOSPLIT, $0-40
	MOVQ w+0(FP), SI
	MOVQ idx+8(FP), DI
	MOVQ val+16(FP), DX
	MOVQ n+24(FP), CX
	MOVQ acc+32(FP), R8
	VMOVUPS (R8), Y0
	VMOVUPS 32(R8), X1
	TESTQ CX, CX
	JZ done12
loop12:
	MOVL (DI), AX
	LEAQ (AX)(AX*2), AX
	SHLQ $3, AX
	VPMOVSXWD (SI)(AX*1), Y2
	VPMOVSXWD 16(SI)(AX*1), X3
	VCVTDQ2PS Y2, Y2
	VCVTDQ2PS X3, X3
	VBROADCASTSS (DX), Y4
	VMULPS Y4, Y2, Y2
	VMULPS X4, X3, X3
	VADDPS Y2, Y0, Y0
	VADDPS X3, X1, X1
	ADDQ $4, DI
	ADDQ $4, DX
	DECQ CX
	JNZ loop12
done12:
	VMOVUPS Y0, (R8)
	VMOVUPS X1, 32(R8)
	VZEROUPPER
	RET

// func dot4AVX(w *int16, idx *uint32, val *float32, n int, acc *[4]float32)
//
// For each i < n: acc[o] += float32(w[idx[i]*12+o]) * val[i], o < 4 (w
// points at the first of the four columns of a 12-column table).
TEXT ·dot4AVX(SB), NOSPLIT, $0-40
	MOVQ w+0(FP), SI
	MOVQ idx+8(FP), DI
	MOVQ val+16(FP), DX
	MOVQ n+24(FP), CX
	MOVQ acc+32(FP), R8
	VMOVUPS (R8), X1
	TESTQ CX, CX
	JZ done4
loop4:
	MOVL (DI), AX
	LEAQ (AX)(AX*2), AX
	SHLQ $3, AX
	VPMOVSXWD (SI)(AX*1), X3
	VCVTDQ2PS X3, X3
	VBROADCASTSS (DX), X4
	VMULPS X4, X3, X3
	VADDPS X3, X1, X1
	ADDQ $4, DI
	ADDQ $4, DX
	DECQ CX
	JNZ loop4
done4:
	VMOVUPS X1, (R8)
	RET
