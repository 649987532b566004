/*
 * rig_nn_fixed.c - gemmlowp's fixed-point primitives in 32-bit operations (contract: rig_nn_fixed.h).
 */
#include "rig_nn_fixed.h"

#include "rig_static_assert.h"

/* Rounding of negative values relies on >> being arithmetic (it is on gcc/clang for every target). */
RIG_STATIC_ASSERT((-1 >> 1) == -1, ">> must be an arithmetic shift");

int32_t rig_nn_srdhm(int32_t a, int32_t b)
{
    uint32_t ua, ub, a0, a1, b0, b1, ll, lh, hl, mid, lo, hi, add, r;
    int negative;
    if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
    /* |a| * |b| as hi:lo from 16-bit halves (each partial product fits 32 bits). */
    ua = a < 0 ? 0u - (uint32_t)a : (uint32_t)a;
    ub = b < 0 ? 0u - (uint32_t)b : (uint32_t)b;
    a0 = ua & 0xFFFFu; a1 = ua >> 16; b0 = ub & 0xFFFFu; b1 = ub >> 16;
    ll = a0 * b0; lh = a0 * b1; hl = a1 * b0;
    mid = (ll >> 16) + (lh & 0xFFFFu) + (hl & 0xFFFFu);
    lo = (ll & 0xFFFFu) | (mid << 16);
    hi = a1 * b1 + (lh >> 16) + (hl >> 16) + (mid >> 16);
    negative = (a < 0) != (b < 0) && (lo | hi) != 0u;
    /* ab >= 0: (P + 2^30) >> 31; ab < 0: -((P + 2^30 - 1) >> 31), the truncating division of -P + 1 - 2^30. */
    add = negative ? 0x3FFFFFFFu : 0x40000000u;
    lo += add;
    hi += lo < add ? 1u : 0u;
    r = (hi << 1) | (lo >> 31);
    return negative ? (int32_t)(0u - r) : (int32_t)r;
}

int32_t rig_nn_rdbypot(int32_t x, int32_t e)
{
    const int32_t mask = (int32_t)(((uint32_t)1 << e) - 1u);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> e) + (remainder > threshold ? 1 : 0);
}

int32_t rig_nn_mbqm(int32_t x, int32_t m, int32_t shift)
{
    return rig_nn_mbqm_inline(x, m, shift);
}

int32_t rig_nn_sat_lshift(int32_t x, int32_t e)
{
    const int32_t threshold = (int32_t)(((uint32_t)1 << (31 - e)) - 1u);
    if (x > threshold) return INT32_MAX;
    if (x < -threshold) return INT32_MIN;
    return (int32_t)((uint32_t)x << e);
}

uint32_t rig_nn_udiv(uint32_t n, uint32_t d)
{
    uint32_t q = 0, rem = 0;
    int i;
    for (i = 31; i >= 0; i--) {
        rem = (rem << 1) | ((n >> i) & 1u);
        if (rem >= d) {
            rem -= d;
            q |= (uint32_t)1 << i;
        }
    }
    return q;
}
