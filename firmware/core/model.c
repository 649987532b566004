/*
 * model.c - the integer MLP classifier described in model.h. Every stage here has a twin in
 * rig/Rig.Model/Quantized (same operations, same order, same rounding); the rig checks them
 * layer by layer through rig_model_trace.
 */
#define RIG_MODEL_WEIGHTS_DATA 1
#include "model.h"

#include "rig_static_assert.h"

/* Stats windows (the MLP's, or a graph's with a stats input) live here; model_graph.c has the rest of a graph. */
#if !(defined(RIG_MODEL_GRAPH) && RIG_MODEL_GRAPH_INPUT_WINDOW)

/* The stats divide by the window length with a shift, so it must be a power of two. */
RIG_STATIC_ASSERT(RIG_MODEL_WINDOW_COLUMNS == (1 << RIG_MODEL_WINDOW_SHIFT), "window length must be a power of two");
RIG_STATIC_ASSERT(RIG_MODEL_WINDOW_COLUMNS <= 1024, "window sums must not overflow");
/* Rounding of negative sums relies on >> being arithmetic (it is on gcc/clang for every target). */
RIG_STATIC_ASSERT((-1 >> 1) == -1, ">> must be an arithmetic shift");

static int16_t sat16(int32_t v)
{
    return (int16_t)(v > 32767 ? 32767 : (v < -32768 ? -32768 : v));
}

void rig_model_window_reset(rig_model_window_t *w)
{
    int b;
    for (b = 0; b < RIG_MODEL_BANDS; b++) {
        w->sum[b] = 0;
        w->delta_sum[b] = 0;
        w->prev[b] = 0;
    }
    w->count = 0;
}

void rig_model_window_push(rig_model_window_t *w, const int16_t *column)
{
    int b;
    if (w->count >= RIG_MODEL_WINDOW_COLUMNS) return;
    for (b = 0; b < RIG_MODEL_BANDS; b++) {
        int32_t x = column[b];
        if (w->count > 0) {
            int32_t d = x - w->prev[b];
            w->delta_sum[b] += d < 0 ? -d : d;
        }
        w->sum[b] += x;
        w->prev[b] = (int16_t)x;
    }
    w->count++;
}

uint16_t rig_model_window_count(const rig_model_window_t *w)
{
    return w->count;
}

void rig_model_window_stats(const rig_model_window_t *w, int16_t stats[RIG_MODEL_FEATURES])
{
    int b;
    for (b = 0; b < RIG_MODEL_BANDS; b++) {
        const int32_t half = 1 << (RIG_MODEL_WINDOW_SHIFT - 1);
        stats[b] = sat16((w->sum[b] + half) >> RIG_MODEL_WINDOW_SHIFT);
        stats[RIG_MODEL_BANDS + b] = sat16((w->delta_sum[b] + half) >> RIG_MODEL_WINDOW_SHIFT);
    }
}
#endif

#ifndef RIG_MODEL_GRAPH
RIG_STATIC_ASSERT(sizeof(rig_model_in_offset) == RIG_MODEL_FEATURES * sizeof(int16_t), "in_offset has the wrong size");
RIG_STATIC_ASSERT(sizeof(rig_model_in_mult) == RIG_MODEL_FEATURES * sizeof(int16_t), "in_mult has the wrong size");
RIG_STATIC_ASSERT(sizeof(rig_model_in_shift) == RIG_MODEL_FEATURES, "in_shift has the wrong size");
RIG_STATIC_ASSERT(sizeof(rig_model_w1) == RIG_MODEL_HIDDEN * RIG_MODEL_FEATURES, "w1 has the wrong size");
RIG_STATIC_ASSERT(sizeof(rig_model_b1) == RIG_MODEL_HIDDEN * sizeof(int32_t), "b1 has the wrong size");
RIG_STATIC_ASSERT(sizeof(rig_model_m1) == RIG_MODEL_HIDDEN * sizeof(int32_t), "m1 has the wrong size");
RIG_STATIC_ASSERT(sizeof(rig_model_s1) == RIG_MODEL_HIDDEN, "s1 has the wrong size");
RIG_STATIC_ASSERT(sizeof(rig_model_w2) == RIG_MODEL_CLASSES * RIG_MODEL_HIDDEN, "w2 has the wrong size");
RIG_STATIC_ASSERT(sizeof(rig_model_b2) == RIG_MODEL_CLASSES * sizeof(int32_t), "b2 has the wrong size");
RIG_STATIC_ASSERT(sizeof(rig_model_m2) == RIG_MODEL_CLASSES * sizeof(int32_t), "m2 has the wrong size");
RIG_STATIC_ASSERT(sizeof(rig_model_s2) == RIG_MODEL_CLASSES, "s2 has the wrong size");
/* Two overlapping windows plus one inference's stack frame fit the py32f003 model budget. */
RIG_STATIC_ASSERT(2 * sizeof(rig_model_window_t) + sizeof(rig_model_trace_t) + 64 <= RIG_MODEL_RAM_BUDGET, "two windows and a trace exceed the model RAM budget");

/* round(32768 * 2^(-k/64)), k = 0..63: the fractional part of a base-2 exponential. */
static const uint16_t rig_model_exp2_lut[64] = {
    32768u, 32415u, 32066u, 31720u, 31379u, 31041u, 30706u, 30376u,
    30048u, 29725u, 29405u, 29088u, 28774u, 28464u, 28158u, 27855u,
    27554u, 27258u, 26964u, 26674u, 26386u, 26102u, 25821u, 25543u,
    25268u, 24995u, 24726u, 24460u, 24196u, 23936u, 23678u, 23423u,
    23170u, 22921u, 22674u, 22430u, 22188u, 21949u, 21713u, 21479u,
    21247u, 21019u, 20792u, 20568u, 20347u, 20127u, 19911u, 19696u,
    19484u, 19274u, 19066u, 18861u, 18658u, 18457u, 18258u, 18061u,
    17867u, 17674u, 17484u, 17296u, 17109u, 16925u, 16743u, 16562u
};

static int8_t sat8(int32_t v)
{
    return (int8_t)(v > 127 ? 127 : (v < -128 ? -128 : v));
}

/* (acc * m + 2^(s-1)) >> s, the requantisation of a layer's accumulator, exactly as in 64-bit
 * arithmetic (s <= 63), saturated to int32 (every caller narrows further, so the result is the
 * same). Built from 32-bit operations: a Cortex-M0+ has no 32x32->64 multiply, and int64 code
 * here pulled libgcc's __aeabi_lmul, __aeabi_lasr and __aeabi_llsl into every inference. */
static int32_t requantize(int32_t acc, int32_t m, uint8_t s)
{
    /* |acc| * |m| as hi:lo from 16-bit halves (each partial product fits 32 bits). */
    uint32_t ua = acc < 0 ? 0u - (uint32_t)acc : (uint32_t)acc;
    uint32_t um = m < 0 ? 0u - (uint32_t)m : (uint32_t)m;
    uint32_t a0 = ua & 0xFFFFu, a1 = ua >> 16, b0 = um & 0xFFFFu, b1 = um >> 16;
    uint32_t ll = a0 * b0, lh = a0 * b1, hl = a1 * b0;
    uint32_t mid = (ll >> 16) + (lh & 0xFFFFu) + (hl & 0xFFFFu);
    uint32_t lo = (ll & 0xFFFFu) | (mid << 16);
    uint32_t hi = a1 * b1 + (lh >> 16) + (hl >> 16) + (mid >> 16);
    if ((acc < 0) != (m < 0)) { /* two's complement of the 64-bit magnitude */
        lo = ~lo + 1u;
        hi = ~hi + (lo == 0u ? 1u : 0u);
    }
    if (s != 0) {
        if (s <= 32u) { /* + 2^(s-1), carrying into hi */
            uint32_t r = 1u << (s - 1u);
            lo += r;
            hi += lo < r ? 1u : 0u;
        } else {
            hi += 1u << (s - 33u);
        }
        if (s < 32u) { /* arithmetic shift of hi:lo (>> of a negative int is arithmetic in gcc, as before) */
            lo = (lo >> s) | (hi << (32u - s));
            hi = (uint32_t)((int32_t)hi >> s);
        } else {
            lo = (uint32_t)((int32_t)hi >> (s - 32u));
            hi = (int32_t)hi < 0 ? 0xFFFFFFFFu : 0u;
        }
    }
    if ((int32_t)hi < 0) return (hi == 0xFFFFFFFFu && (lo & 0x80000000u) != 0u) ? (int32_t)lo : INT32_MIN;
    return (hi == 0u && (lo & 0x80000000u) == 0u) ? (int32_t)lo : INT32_MAX;
}


/* floor(2^31 / d) for d >= 1 by restoring shift-and-subtract: no divide instruction. */
static uint32_t reciprocal_q31(uint32_t d)
{
    uint32_t q = 0, rem = 0;
    int i;
    for (i = 31; i >= 0; i--) {
        rem = (rem << 1) | (i == 31 ? 1u : 0u);
        if (rem >= d) {
            rem -= d;
            q |= (uint32_t)1 << i;
        }
    }
    return q;
}

static void softmax_q15(const int16_t logits[RIG_MODEL_CLASSES], int16_t scores[RIG_MODEL_CLASSES])
{
    uint32_t e[RIG_MODEL_CLASSES];
    uint32_t sum = 0, r;
    int32_t top = logits[0];
    int c;
    for (c = 1; c < RIG_MODEL_CLASSES; c++)
        if (logits[c] > top) top = logits[c];
    for (c = 0; c < RIG_MODEL_CLASSES; c++) {
        int32_t d = top - logits[c];
        int32_t whole = d >> 8;
        e[c] = whole >= 16 ? 0u : (uint32_t)rig_model_exp2_lut[(d & 255) >> 2] >> whole;
        sum += e[c];
    }
    r = reciprocal_q31(sum);
    for (c = 0; c < RIG_MODEL_CLASSES; c++) {
        uint32_t p = (e[c] * r + 32768u) >> 16;
        scores[c] = (int16_t)(p > 32767u ? 32767u : p);
    }
}

int rig_model_trace(const rig_model_window_t *w, rig_model_trace_t *t)
{
    int k, i, c, best;
    if (w->count != RIG_MODEL_WINDOW_COLUMNS) {
        for (c = 0; c < RIG_MODEL_CLASSES; c++) t->scores[c] = 0;
        return -1;
    }
    /* 1: window statistics */
    rig_model_window_stats(w, t->stats);
    /* 2: normalised int8 inputs */
    for (k = 0; k < RIG_MODEL_FEATURES; k++) {
        int32_t d = sat16((int32_t)t->stats[k] - rig_model_in_offset[k]);
        int32_t p = d * (int32_t)rig_model_in_mult[k];
        uint8_t s = rig_model_in_shift[k];
        if (s > 0) p = (p + ((int32_t)1 << (s - 1))) >> s;
        t->inputs[k] = sat8(p);
    }
    /* 3: hidden layer, ReLU */
    for (i = 0; i < RIG_MODEL_HIDDEN; i++) {
        int32_t acc = rig_model_b1[i];
        int32_t h;
        for (k = 0; k < RIG_MODEL_FEATURES; k++)
            acc += (int32_t)rig_model_w1[i * RIG_MODEL_FEATURES + k] * t->inputs[k];
        h = requantize(acc, rig_model_m1[i], rig_model_s1[i]);
        t->hidden[i] = (int8_t)(h < 0 ? 0 : (h > 127 ? 127 : h));
    }
    /* 4: base-2 logits, Q8 */
    for (c = 0; c < RIG_MODEL_CLASSES; c++) {
        int32_t acc = rig_model_b2[c];
        for (i = 0; i < RIG_MODEL_HIDDEN; i++)
            acc += (int32_t)rig_model_w2[c * RIG_MODEL_HIDDEN + i] * t->hidden[i];
        t->logits[c] = sat16(requantize(acc, rig_model_m2[c], rig_model_s2[c]));
    }
    /* 5: scores */
    softmax_q15(t->logits, t->scores);
    best = 0;
    for (c = 1; c < RIG_MODEL_CLASSES; c++)
        if (t->logits[c] > t->logits[best]) best = c;
    return best;
}

int rig_model_infer(const rig_model_window_t *w, int16_t scores[RIG_MODEL_CLASSES])
{
    rig_model_trace_t t;
    int c, best = rig_model_trace(w, &t);
    for (c = 0; c < RIG_MODEL_CLASSES; c++) scores[c] = t.scores[c];
    return best;
}

uint32_t rig_model_macs(void)
{
    return (uint32_t)RIG_MODEL_FEATURES * RIG_MODEL_HIDDEN + (uint32_t)RIG_MODEL_HIDDEN * RIG_MODEL_CLASSES;
}

#endif /* !RIG_MODEL_GRAPH */

size_t rig_model_window_bytes(void)
{
    return sizeof(rig_model_window_t);
}

size_t rig_model_trace_bytes(void)
{
    return sizeof(rig_model_trace_t);
}

uint32_t rig_model_dimension(int which)
{
    switch (which) {
    case 0: return RIG_MODEL_BANDS;
    case 1: return RIG_MODEL_WINDOW_COLUMNS;
    case 2: return RIG_MODEL_HIDDEN;
    case 3: return RIG_MODEL_FE_CONFIG_HASH;
    default: return 0;
    }
}
