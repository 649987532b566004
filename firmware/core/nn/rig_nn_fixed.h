/*
 * rig_nn_fixed.h - the integer arithmetic of TFLite's reference int8 kernels (gemmlowp's fixed point),
 * in 32-bit operations only. Twin: rig/Rig.Model/Graph/Kernels/FixedPointQ31.cs (same results for every
 * input; the rig checks them through the host library).
 *
 * Contract:
 *  - rig_nn_srdhm(a, b): gemmlowp's SaturatingRoundingDoublingHighMul: (a*b + nudge) / 2^31 with the
 *    64-bit product, nudge = 2^30 for a*b >= 0 else 1 - 2^30, division truncating toward zero;
 *    a == b == INT32_MIN gives INT32_MAX.
 *  - rig_nn_rdbypot(x, e), 0 <= e <= 31: RoundingDivideByPOT: x / 2^e rounded to nearest, ties away from 0.
 *  - rig_nn_mbqm(x, m, shift): TFLite's MultiplyByQuantizedMultiplier (double rounding):
 *    rdbypot(srdhm(x << max(shift, 0), m), max(-shift, 0)); the left shift wraps like TFLite's x * (1 << s).
 *  - rig_nn_sat_lshift(x, e), 0 <= e <= 31: SaturatingRoundingMultiplyByPOT<e> (x * 2^e saturated).
 *  - rig_nn_udiv(n, d), d >= 1: floor(n / d) by shift-and-subtract (the M0+ has no divide instruction,
 *    and the images link no division helper).
 *  - rig_nn_mbqm_inline: rig_nn_mbqm for the kernels' output stage, inline (one call per output value).
 * A Cortex-M0+ has no 32x32->64 multiply: rig_nn_srdhm builds the product from 16-bit halves, so no libgcc
 * 64-bit helper (__aeabi_lmul, __aeabi_llsl, ...) is ever called; the host library runs this same code.
 * Where the core has the long multiply (SMULL: ARMv7-M and the host) rig_nn_mbqm and rig_nn_mbqm_inline
 * take the 64-bit product directly; the host library checks both forms against the twin.
 */
#ifndef RIG_NN_FIXED_H
#define RIG_NN_FIXED_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

int32_t rig_nn_srdhm(int32_t a, int32_t b);
int32_t rig_nn_rdbypot(int32_t x, int32_t e);
int32_t rig_nn_mbqm(int32_t x, int32_t m, int32_t shift);
int32_t rig_nn_sat_lshift(int32_t x, int32_t e);
uint32_t rig_nn_udiv(uint32_t n, uint32_t d);

/* Thumb-1 only (ARMv6-M) lacks the 32x32->64 multiply. */
#if defined(__ARM_ARCH_ISA_THUMB) && __ARM_ARCH_ISA_THUMB == 1
#define RIG_NN_LONG_MULTIPLY 0
#else
#define RIG_NN_LONG_MULTIPLY 1
#endif

#if defined(__GNUC__)
static inline __attribute__((always_inline)) int32_t rig_nn_mbqm_inline(int32_t x, int32_t m, int32_t shift)
#else
static inline int32_t rig_nn_mbqm_inline(int32_t x, int32_t m, int32_t shift)
#endif
{
    const int32_t left = shift > 0 ? shift : 0;
    const int32_t right = shift > 0 ? 0 : -shift;
#if RIG_NN_LONG_MULTIPLY
    const int32_t a = (int32_t)((uint32_t)x << left);
    int64_t p = (int64_t)a * m;
    int32_t high, mask, remainder, threshold;
    if (a == INT32_MIN && m == INT32_MIN) {
        high = INT32_MAX;
    } else {
        /* srdhm: (p + nudge) / 2^31 truncating toward zero (a negative sum is biased up by 2^31 - 1). */
        p += p >= 0 ? (int64_t)(1 << 30) : (int64_t)(1 - (1 << 30));
        if (p < 0) p += (int64_t)0x7FFFFFFF;
        high = (int32_t)(p >> 31);
    }
    mask = (int32_t)(((uint32_t)1 << right) - 1u);
    remainder = high & mask;
    threshold = (mask >> 1) + (high < 0 ? 1 : 0);
    return (high >> right) + (remainder > threshold ? 1 : 0);
#else
    return rig_nn_rdbypot(rig_nn_srdhm((int32_t)((uint32_t)x << left), m), right);
#endif
}

#ifdef __cplusplus
}
#endif

#endif
