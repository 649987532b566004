/*
 * frontend.h - the audio frontend: window -> Q15 real FFT -> power -> mel -> log2 (Q7.8) -> [DCT].
 *
 * Contract: bit-exact with the C# golden model rig/Rig.Dsp/Frontend/Q15Frontend.cs; the tables
 * and configuration macros come from firmware/generated/<profile>/rig_frontend_tables.h, written
 * by `rig tables` (never edit them). All state and work buffers live in the caller-owned
 * rig_frontend_t; no allocation, no float, no division, no 32x32->64 multiply.
 *
 * Streaming: after RIG_FE_FFT_LEN samples the first column is produced, then one every RIG_FE_HOP
 * samples. rig_frontend_push() stops right after a column completes; read it with
 * rig_frontend_column() (RIG_FE_COLUMN_LEN int16 values: MFCCs when RIG_FE_MFCC > 0, else log-mel,
 * Q7.8 log2 of the mel energy relative to a full-scale power of 1, floor RIG_FE_LOG_FLOOR_Q78).
 *
 * Rounding and saturation per stage (see frontend.c for the exact expressions):
 *   window: block floating point shift e in [0,15] (largest with peak<<e <= 32767),
 *           v = ((x<<e)*w + 2^15) >> 16 (|v| <= 16384, no saturation needed)
 *   fft:    N/2-point complex radix-2 DIT, each stage (a*2^15 +/- b*W + 2^15) >> 16, then the
 *           real split (Fe*2^14 + ((-jW*Fo) >> 1) + 2^15) >> 16: X = DFT(v)/N; saturates to int16
 *   power:  re^2 + im^2 exact in uint32
 *   mel:    sum of w*(p>>15) + ((w*(p&0x7FFF))>>15) over sparse Q15 weights, uint32, saturating
 *   log:    clz + 33-entry LUT, linear interpolation, Q7.8, minus 256*(28+2e), clamped at the floor
 *   dct:    (sum L*D + 2^14) >> 15, int32 accumulation, saturated to int16 (never reached: D's row 0
 *           is 1/M, so c0 is the mean log-mel; rows k >= 1 are orthonormal and stay within +-27,597)
 * Right shifts of negative values are arithmetic (gcc and arm-none-eabi-gcc guarantee it).
 *
 * Debug taps: with rig_frontend_set_tap() every stage's output is handed to a callback as it is
 * computed (stage id, pointer, count) - the link streams them in debug mode, the rig diffs them.
 */
#ifndef RIG_FRONTEND_H
#define RIG_FRONTEND_H

#include <stddef.h>
#include <stdint.h>

#include "rig_static_assert.h"
#include "rig_frontend_tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Stage ids, same numbers as Rig.Dsp.Frontend.FrontendStage. Tap payloads:
 * WINDOW int16[N], FFT int16[N+2] (re,im of bins 0..N/2), POWER uint32[N/2+1], MEL uint32[M],
 * LOG int16[M], DCT int16[K]. */
typedef enum {
    RIG_FE_STAGE_WINDOW = 0,
    RIG_FE_STAGE_FFT = 1,
    RIG_FE_STAGE_POWER = 2,
    RIG_FE_STAGE_MEL = 3,
    RIG_FE_STAGE_LOG = 4,
    RIG_FE_STAGE_DCT = 5
} rig_fe_stage_t;

typedef void (*rig_fe_tap_fn)(void *ctx, int stage, const void *data, size_t count);

typedef struct {
    int16_t ring[RIG_FE_FFT_LEN];          /* last N samples, oldest at write_pos */
    union {                                /* FFT in place, then power in place (same bytes) */
        int16_t cplx[RIG_FE_FFT_LEN + 2];
        uint32_t power[RIG_FE_BINS];
    } work;
    uint32_t mel[RIG_FE_MEL_BANDS];
    int16_t logmel[RIG_FE_MEL_BANDS];
#if RIG_FE_MFCC > 0
    int16_t mfcc[RIG_FE_MFCC];
#endif
    uint16_t write_pos;
    uint16_t filled;
    uint16_t since_column;
    int16_t shift;                         /* block floating point exponent of the last frame */
    rig_fe_tap_fn tap;                     /* NULL: no taps */
    void *tap_ctx;
} rig_frontend_t;

/* The profile's frontend RAM budget (py32f003: 1024 B) holds everything the frontend owns. */
RIG_STATIC_ASSERT(sizeof(rig_frontend_t) <= RIG_FE_RAM_BUDGET, "frontend state exceeds the profile's frontend RAM budget");
RIG_STATIC_ASSERT(sizeof(uint32_t) * RIG_FE_BINS == sizeof(int16_t) * (RIG_FE_FFT_LEN + 2), "the power spectrum must fit in place of the FFT buffer");

void rig_frontend_init(rig_frontend_t *fe);
size_t rig_frontend_push(rig_frontend_t *fe, const int16_t *x, size_t n, int *column_ready);
const int16_t *rig_frontend_column(const rig_frontend_t *fe);
void rig_frontend_set_tap(rig_frontend_t *fe, rig_fe_tap_fn tap, void *ctx);

/* Introspection for the host cross-check (tiny; kept in the firmware too). */
uint32_t rig_frontend_config_hash(void);
uint32_t rig_frontend_state_bytes(void);   /* sizeof(rig_frontend_t) */
uint32_t rig_frontend_table_bytes(void);   /* bytes of all const tables */
int rig_frontend_shift(const rig_frontend_t *fe);

#ifdef __cplusplus
}
#endif

#endif /* RIG_FRONTEND_H */
