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
 * A Cortex-M0+ has no 32x32->64 multiply: the product is built from 16-bit halves, so no libgcc
 * 64-bit helper (__aeabi_lmul, __aeabi_llsl, ...) is ever called; the host library runs this same code.
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

#ifdef __cplusplus
}
#endif

#endif
