/*
 * rig_nn_dot.c - inner products of int8 weights and offset int8 inputs (contract: rig_nn_dot.h).
 */
#include "rig_nn_dot.h"

#include <string.h>

#if defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP
#include <arm_acle.h>

/* Four int8 values from any address (LDR allows unaligned addresses on ARMv7-M; memcpy compiles to it). */
static inline int32_t load4(const int8_t *p)
{
    int32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Bytes 0 and 2 of v sign-extended to the two int16 halves. */
static inline int32_t even_bytes(int32_t v)
{
    return __sxtb16(v);
}

/* Bytes 1 and 3 of v sign-extended to the two int16 halves (gcc does not fold a rotation into SXTB16). */
static inline int32_t odd_bytes(int32_t v)
{
    int32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(v));
    return r;
}

/* Bytes 0 and 2 of v sign-extended and added to the halves of offsets. */
static inline int32_t even_bytes_plus(int32_t offsets, int32_t v)
{
    return __sxtab16(offsets, v);
}

/* Bytes 1 and 3 of v sign-extended and added to the halves of offsets. */
static inline int32_t odd_bytes_plus(int32_t offsets, int32_t v)
{
    int32_t r;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(offsets), "r"(v));
    return r;
}

/* The offset in both int16 halves. */
static inline int32_t offset_pair(int32_t offset)
{
    return (int32_t)(((uint32_t)offset << 16) | ((uint32_t)offset & 0xFFFFu));
}

int32_t rig_nn_dot(const int8_t *w, const int8_t *x, int32_t n, int32_t offset, int32_t acc)
{
    const int32_t offsets = offset_pair(offset);
    const int8_t *const end4 = x + (n & ~3), *const end = x + n;
    /* Pointer loops: gcc -Os keeps an index loop's three address sums in the loop. */
    while (x != end4) {
        const int32_t wv = load4(w), xv = load4(x);
        acc = __smlad(even_bytes(wv), even_bytes_plus(offsets, xv), acc);
        acc = __smlad(odd_bytes(wv), odd_bytes_plus(offsets, xv), acc);
        w += 4, x += 4;
    }
    while (x != end) acc += (int32_t)*w++ * ((int32_t)*x++ + offset);
    return acc;
}

void rig_nn_dot2(const int8_t *w, int32_t w_stride, const int8_t *x, int32_t n, int32_t offset, int32_t acc[2])
{
    const int32_t offsets = offset_pair(offset);
    const int8_t *w1 = w + w_stride;
    const int8_t *const end4 = x + (n & ~3), *const end = x + n;
    int32_t acc0 = acc[0], acc1 = acc[1];
    while (x != end4) {
        const int32_t xv = load4(x);
        const int32_t x_even = even_bytes_plus(offsets, xv), x_odd = odd_bytes_plus(offsets, xv);
        const int32_t w0v = load4(w), w1v = load4(w1);
        acc0 = __smlad(even_bytes(w0v), x_even, acc0);
        acc0 = __smlad(odd_bytes(w0v), x_odd, acc0);
        acc1 = __smlad(even_bytes(w1v), x_even, acc1);
        acc1 = __smlad(odd_bytes(w1v), x_odd, acc1);
        x += 4, w += 4, w1 += 4;
    }
    while (x != end) {
        const int32_t xv = (int32_t)*x++ + offset;
        acc0 += (int32_t)*w++ * xv;
        acc1 += (int32_t)*w1++ * xv;
    }
    acc[0] = acc0;
    acc[1] = acc1;
}

void rig_nn_dot_channels4(const int8_t *w, int32_t w_step, const int8_t *x, int32_t x_step, int32_t n, int32_t offset, int32_t acc[4])
{
    const int32_t offsets = offset_pair(offset);
    int32_t acc0 = acc[0], acc1 = acc[1], acc2 = acc[2], acc3 = acc[3];
    for (; n > 0; n--, w += w_step, x += x_step) {
        const int32_t wv = load4(w), xv = load4(x);
        const int32_t w_even = even_bytes(wv), w_odd = odd_bytes(wv);
        const int32_t x_even = even_bytes_plus(offsets, xv), x_odd = odd_bytes_plus(offsets, xv);
        acc0 = __smlabb(w_even, x_even, acc0);
        acc2 = __smlatt(w_even, x_even, acc2);
        acc1 = __smlabb(w_odd, x_odd, acc1);
        acc3 = __smlatt(w_odd, x_odd, acc3);
    }
    acc[0] = acc0;
    acc[1] = acc1;
    acc[2] = acc2;
    acc[3] = acc3;
}

#else

int32_t rig_nn_dot(const int8_t *w, const int8_t *x, int32_t n, int32_t offset, int32_t acc)
{
    for (; n > 0; n--) acc += (int32_t)*w++ * ((int32_t)*x++ + offset);
    return acc;
}

void rig_nn_dot2(const int8_t *w, int32_t w_stride, const int8_t *x, int32_t n, int32_t offset, int32_t acc[2])
{
    const int8_t *w1 = w + w_stride;
    int32_t acc0 = acc[0], acc1 = acc[1];
    for (; n > 0; n--) {
        const int32_t xv = (int32_t)*x++ + offset;
        acc0 += (int32_t)*w++ * xv;
        acc1 += (int32_t)*w1++ * xv;
    }
    acc[0] = acc0;
    acc[1] = acc1;
}

void rig_nn_dot_channels4(const int8_t *w, int32_t w_step, const int8_t *x, int32_t x_step, int32_t n, int32_t offset, int32_t acc[4])
{
    int32_t acc0 = acc[0], acc1 = acc[1], acc2 = acc[2], acc3 = acc[3];
    for (; n > 0; n--, w += w_step, x += x_step) {
        acc0 += (int32_t)w[0] * ((int32_t)x[0] + offset);
        acc1 += (int32_t)w[1] * ((int32_t)x[1] + offset);
        acc2 += (int32_t)w[2] * ((int32_t)x[2] + offset);
        acc3 += (int32_t)w[3] * ((int32_t)x[3] + offset);
    }
    acc[0] = acc0;
    acc[1] = acc1;
    acc[2] = acc2;
    acc[3] = acc3;
}

#endif

int32_t rig_nn_dot_strided(const int8_t *w, int32_t w_step, const int8_t *x, int32_t x_step, int32_t n, int32_t offset, int32_t acc)
{
    for (; n > 0; n--, w += w_step, x += x_step) acc += (int32_t)*w * ((int32_t)*x + offset);
    return acc;
}
