/*
 * coverage.c - selftest program (a): drives the assembly coverage (coverage_v6m.S on both cores,
 * coverage_exceptions.S, coverage_v7m.S on the M4 build) and adds what gcc itself makes of
 * ordinary C at the images' -Os: loops, a switch (a jump table or TBB), 64-bit arithmetic and
 * division (libgcc helpers on the M0+), structure copies, calls through pointers.
 */
#include <stdint.h>
#include <string.h>

#include "selftest.h"

void cov_v6m(uint32_t *buffer);
uint32_t cov_exceptions(uint32_t *buffer);
#if defined(__ARM_ARCH_7EM__)
void cov_v7m(uint32_t *buffer);
#endif

static uint32_t buffer[16];

typedef struct { int16_t a[5]; uint8_t b; int32_t c; } record_t;

static uint32_t classify(uint32_t v)
{
    switch (v & 7u) {
    case 0: return v * 3u;
    case 1: return v ^ 0x5Au;
    case 2: return v >> 2;
    case 3: return v + 1000u;
    case 4: return ~v;
    case 5: return v << 3;
    case 6: return v - 77u;
    default: return v | 0x80u;
    }
}

static uint32_t (*const ops[2])(uint32_t) = { classify, 0 };

uint32_t selftest_main(void)
{
    cov_v6m(buffer);
    uint32_t entries = cov_exceptions(buffer);
#if defined(__ARM_ARCH_7EM__)
    cov_v7m(buffer);
#endif
    uint32_t acc = entries;
    for (uint32_t i = 0; i < 24; ++i) acc += ops[0](acc + i);
    volatile uint32_t divisor = 7, dividend = acc;
    acc ^= dividend / divisor + dividend % divisor;
    volatile int32_t sdivisor = -13;
    acc += (uint32_t)((int32_t)dividend / sdivisor);
    volatile uint64_t wide = 0x123456789ull;
    uint64_t w = wide * wide + (uint64_t)acc;
    acc ^= (uint32_t)(w >> 17) ^ (uint32_t)(w >> 40);
    record_t r1 = { { 1, -2, 3, -4, 5 }, 6, -7 }, r2;
    memcpy(&r2, &r1, sizeof r2);
    for (int k = 0; k < 5; ++k) acc += (uint32_t)(r2.a[k] * r2.c) + r2.b;
    return acc;
}
