/*
 * frontend.c - the audio frontend (contract and per-stage rounding in frontend.h).
 * Mirrors the C# stage classes in rig/Rig.Dsp/Frontend operation for operation; change both together.
 */
#include "frontend.h"

static int16_t sat16(int32_t v)
{
    if (v > 32767) return 32767;
    if (v < -32768) return -32768;
    return (int16_t)v;
}

/* sin / cos (2 pi k / N) in Q15 for k in [0, N/2], from the quarter-wave table. */
static int32_t sin_n(uint32_t k)
{
    return k <= RIG_FE_FFT_LEN / 4 ? rig_fe_quarter_sine[k] : rig_fe_quarter_sine[RIG_FE_FFT_LEN / 2 - k];
}

static int32_t cos_n(uint32_t k)
{
    return k <= RIG_FE_FFT_LEN / 4 ? rig_fe_quarter_sine[RIG_FE_FFT_LEN / 4 - k]
                                   : -(int32_t)rig_fe_quarter_sine[k - RIG_FE_FFT_LEN / 4];
}

static void emit(const rig_frontend_t *fe, int stage, const void *data, size_t count)
{
    if (fe->tap) fe->tap(fe->tap_ctx, stage, data, count);
}

/* Window stage: frame read oldest-first from the ring, block floating point shift, Q15 window. */
static int window_stage(rig_frontend_t *fe)
{
    int32_t peak = 0;
    int e = 0;
    uint32_t i;
    for (i = 0; i < RIG_FE_FFT_LEN; i++) {
        int32_t a = fe->ring[i] < 0 ? -(int32_t)fe->ring[i] : fe->ring[i];
        if (a > peak) peak = a;
    }
    if (peak != 0)
        while (e < 15 && (peak << (e + 1)) <= 32767) e++;
    for (i = 0; i < RIG_FE_FFT_LEN; i++) {
        uint32_t pos = fe->write_pos + i;
        int32_t w, xs;
        if (pos >= RIG_FE_FFT_LEN) pos -= RIG_FE_FFT_LEN;
        w = rig_fe_window_half[i <= RIG_FE_FFT_LEN / 2 ? i : RIG_FE_FFT_LEN - i];
        xs = (int32_t)fe->ring[pos] * (int32_t)(1L << e);
        fe->work.cplx[i] = (int16_t)((xs * w + 32768) >> 16);
    }
    return e;
}

static void split(uint32_t k, int32_t ar, int32_t ai, int32_t br, int32_t bi, int16_t *re, int16_t *im)
{
    int32_t c = cos_n(k), s = sin_n(k);
    int32_t fer = ar + br, fei = ai + bi, forr = ar - br, foi = ai - bi;
    *re = sat16((fer * 16384 + ((c * foi - s * forr) >> 1) + 32768) >> 16);
    *im = sat16((fei * 16384 + ((-s * foi - c * forr) >> 1) + 32768) >> 16);
}

/* Real FFT in place on work.cplx: N/2-point complex radix-2 DIT, then the split step. */
static void fft_stage(rig_frontend_t *fe)
{
    int16_t *b = fe->work.cplx;
    const uint32_t h = RIG_FE_FFT_LEN / 2;
    const int bits = RIG_FE_FFT_LOG2 - 1;
    uint32_t i, j, k, len, step;
    for (i = 0; i < h; i++) {
        uint32_t r = 0;
        int t;
        for (t = 0; t < bits; t++) r |= ((i >> t) & 1u) << (bits - 1 - t);
        if (r > i) {
            int16_t tmp = b[2 * i]; b[2 * i] = b[2 * r]; b[2 * r] = tmp;
            tmp = b[2 * i + 1]; b[2 * i + 1] = b[2 * r + 1]; b[2 * r + 1] = tmp;
        }
    }
    step = RIG_FE_FFT_LEN / 2; /* twiddle index stride N/len, halved as len doubles (no division) */
    for (len = 2; len <= h; len <<= 1, step >>= 1) {
        uint32_t half = len >> 1;
        for (j = 0; j < half; j++) {
            int32_t c = cos_n(j * step), s = sin_n(j * step);
            for (i = j; i < h; i += len) {
                int16_t *pa = &b[2 * i], *pb = &b[2 * (i + half)];
                int32_t ar = pa[0], ai = pa[1], br = pb[0], bi = pb[1];
                int32_t tr = br * c + bi * s;
                int32_t ti = bi * c - br * s;
                int32_t ar15 = ar * 32768, ai15 = ai * 32768;
                pa[0] = sat16((ar15 + tr + 32768) >> 16);
                pa[1] = sat16((ai15 + ti + 32768) >> 16);
                pb[0] = sat16((ar15 - tr + 32768) >> 16);
                pb[1] = sat16((ai15 - ti + 32768) >> 16);
            }
        }
    }
    for (k = 0; k <= h / 2; k++) {
        uint32_t k2 = h - k;
        uint32_t ka = k == h ? 0 : k, kb = k2 == h ? 0 : k2;
        int32_t zr = b[2 * ka], zi = b[2 * ka + 1], yr = b[2 * kb], yi = b[2 * kb + 1];
        int16_t xr, xi, x2r, x2i;
        split(k, zr, zi, yr, -yi, &xr, &xi);
        split(k2, yr, yi, zr, -zi, &x2r, &x2i);
        b[2 * k] = xr; b[2 * k + 1] = xi;
        b[2 * k2] = x2r; b[2 * k2 + 1] = x2i;
    }
}

/* Power in place: bin k's (re, im) int16 pair becomes power[k], the same four bytes. */
static void power_stage(rig_frontend_t *fe)
{
    uint32_t k;
    for (k = 0; k < RIG_FE_BINS; k++) {
        int32_t re = fe->work.cplx[2 * k], im = fe->work.cplx[2 * k + 1];
        fe->work.power[k] = (uint32_t)(re * re) + (uint32_t)(im * im);
    }
}

static void mel_stage(rig_frontend_t *fe)
{
    uint32_t m, i, off = 0;
    for (m = 0; m < RIG_FE_MEL_BANDS; m++) {
        uint32_t acc = 0;
        const uint32_t *p = &fe->work.power[rig_fe_mel_start[m]];
        for (i = 0; i < rig_fe_mel_count[m]; i++) {
            uint32_t w = rig_fe_mel_weights[off + i];
            uint32_t term = w * (p[i] >> 15) + ((w * (p[i] & 0x7FFFu)) >> 15);
            acc = term > 0xFFFFFFFFu - acc ? 0xFFFFFFFFu : acc + term;
        }
        off += rig_fe_mel_count[m];
        fe->mel[m] = acc;
    }
}

static int msb32(uint32_t v)
{
    int n = 0;
    if (v >> 16) { v >>= 16; n += 16; }
    if (v >> 8) { v >>= 8; n += 8; }
    if (v >> 4) { v >>= 4; n += 4; }
    if (v >> 2) { v >>= 2; n += 2; }
    if (v >> 1) { n += 1; }
    return n;
}

static int16_t log2_q78(uint32_t acc, int shift)
{
    int msb;
    uint32_t f;
    int32_t i, r, y, l;
    if (acc == 0) return RIG_FE_LOG_FLOOR_Q78;
    msb = msb32(acc);
    f = (acc << (31 - msb)) & 0x7FFFFFFFu;
    i = (int32_t)(f >> 26);
    r = (int32_t)((f >> 11) & 0x7FFFu);
    y = (int32_t)rig_fe_log2_lut[i] + ((((int32_t)rig_fe_log2_lut[i + 1] - (int32_t)rig_fe_log2_lut[i]) * r + 16384) >> 15);
    l = msb * 256 + ((y + 64) >> 7) - 256 * (28 + 2 * shift);
    if (l < RIG_FE_LOG_FLOOR_Q78) l = RIG_FE_LOG_FLOOR_Q78;
    return sat16(l);
}

static void log_stage(rig_frontend_t *fe)
{
    uint32_t m;
    for (m = 0; m < RIG_FE_MEL_BANDS; m++) fe->logmel[m] = log2_q78(fe->mel[m], fe->shift);
}

#if RIG_FE_MFCC > 0
static void dct_stage(rig_frontend_t *fe)
{
    uint32_t k, m;
    for (k = 0; k < RIG_FE_MFCC; k++) {
        int32_t acc = 0;
        for (m = 0; m < RIG_FE_MEL_BANDS; m++)
            acc += (int32_t)fe->logmel[m] * rig_fe_dct[k * RIG_FE_MEL_BANDS + m];
        fe->mfcc[k] = sat16((acc + 16384) >> 15);
    }
}
#endif

static void compute_column(rig_frontend_t *fe)
{
    fe->shift = (int16_t)window_stage(fe);
    emit(fe, RIG_FE_STAGE_WINDOW, fe->work.cplx, RIG_FE_FFT_LEN);
    fft_stage(fe);
    emit(fe, RIG_FE_STAGE_FFT, fe->work.cplx, RIG_FE_FFT_LEN + 2);
    power_stage(fe);
    emit(fe, RIG_FE_STAGE_POWER, fe->work.power, RIG_FE_BINS);
    mel_stage(fe);
    emit(fe, RIG_FE_STAGE_MEL, fe->mel, RIG_FE_MEL_BANDS);
    log_stage(fe);
    emit(fe, RIG_FE_STAGE_LOG, fe->logmel, RIG_FE_MEL_BANDS);
#if RIG_FE_MFCC > 0
    dct_stage(fe);
    emit(fe, RIG_FE_STAGE_DCT, fe->mfcc, RIG_FE_MFCC);
#endif
}

void rig_frontend_init(rig_frontend_t *fe)
{
    uint32_t i;
    uint8_t *p = (uint8_t *)fe;
    for (i = 0; i < sizeof(*fe); i++) p[i] = 0;
    fe->tap = 0;
    fe->tap_ctx = 0;
}

size_t rig_frontend_push(rig_frontend_t *fe, const int16_t *x, size_t n, int *column_ready)
{
    size_t i;
    if (column_ready) *column_ready = 0;
    for (i = 0; i < n; i++) {
        fe->ring[fe->write_pos] = x[i];
        fe->write_pos = (uint16_t)(fe->write_pos + 1 == RIG_FE_FFT_LEN ? 0 : fe->write_pos + 1);
        if (fe->filled < RIG_FE_FFT_LEN) fe->filled++;
        if (fe->since_column < 0xFFFFu) fe->since_column++;
        if (fe->filled == RIG_FE_FFT_LEN && fe->since_column >= RIG_FE_HOP) {
            fe->since_column = 0;
            compute_column(fe);
            if (column_ready) *column_ready = 1;
            return i + 1;
        }
    }
    return n;
}

const int16_t *rig_frontend_column(const rig_frontend_t *fe)
{
#if RIG_FE_MFCC > 0
    return fe->mfcc;
#else
    return fe->logmel;
#endif
}

void rig_frontend_set_tap(rig_frontend_t *fe, rig_fe_tap_fn tap, void *ctx)
{
    fe->tap = tap;
    fe->tap_ctx = ctx;
}

uint32_t rig_frontend_config_hash(void) { return RIG_FE_CONFIG_HASH; }
uint32_t rig_frontend_state_bytes(void) { return (uint32_t)sizeof(rig_frontend_t); }
uint32_t rig_frontend_table_bytes(void) { return RIG_FE_TABLE_BYTES; }
int rig_frontend_shift(const rig_frontend_t *fe) { return fe->shift; }
