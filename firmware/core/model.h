/*
 * model.h - the on-device classifier (contract; the implementation is model.c and the weights
 * come from firmware/generated/<profile>/rig_model_weights.h, written by `rig train`).
 *
 * The model sees a window of feature columns without storing it: the caller pushes columns
 * into a rig_model_window_t as they are produced (summary statistics accumulate in place),
 * then asks for an inference when the window is full. Overlapping windows are two window
 * structs offset by the window hop. Integer only: no float, no division per column, no malloc.
 *
 * API (signatures fixed; the struct layout belongs to model.c's author):
 *   void     rig_model_window_reset(rig_model_window_t *w);
 *   void     rig_model_window_push(rig_model_window_t *w, const int16_t *column);
 *   uint16_t rig_model_window_count(const rig_model_window_t *w);
 *   int      rig_model_infer(const rig_model_window_t *w, int16_t scores[RIG_MODEL_CLASSES]);
 *            -> index of the winning class; scores are Q15, one per class in label order
 *               (jackhammer, dog_bark, disco, jazz, metal, background).
 *   uint32_t rig_model_macs(void);   multiply-accumulates per inference
 *
 * Semantics (the C# twin Rig.Model.Quantized.QuantizedModel does exactly the same integer operations):
 *  - push: a column is RIG_MODEL_BANDS int16 log-mel (or MFCC) values, RIG_FE_COLUMN_LEN of the
 *    frontend. Per band the window keeps sum(x) and sum(|x - previous x|) (the first column of
 *    a window has no delta). Columns pushed after the window is full are ignored.
 *  - infer: needs exactly RIG_MODEL_WINDOW_COLUMNS pushed columns (a power of two), otherwise it
 *    returns -1 and zero scores. Stages (each one dumped by rig_model_trace):
 *      1 stats   mean = (sum + 2^(k-1)) >> k, mean |delta| = (dsum + 2^(k-1)) >> k, k = log2(window)
 *                (arithmetic right shift, i.e. rounding half up), saturated to int16;
 *      2 inputs  x = sat_int8((clamp16(stat - offset) * mult + 2^(shift-1)) >> shift), per feature;
 *                features are [mean of band 0..B-1, mean |delta| of band 0..B-1];
 *      3 hidden  h = clamp(0..127, (acc * m + 2^(s-1)) >> s) with acc = b + sum(w * x) (int32,
 *                int8 weights, the product with m in int64), per neuron (ReLU folded in the clamp);
 *      4 logits  y = sat_int16((acc * m + 2^(s-1)) >> s), acc = b + sum(w * h): base-2 logits,
 *                Q8 (256 = one doubling of odds);
 *      5 scores  softmax in Q15: e = LUT[(d & 255) >> 2] >> (d >> 8) with d = max(y) - y (0 when
 *                d >> 8 >= 16), r = floor(2^31 / sum(e)) by a shift-and-subtract loop,
 *                score = min(32767, (e * r + 2^15) >> 16).
 *    The winner is the first index of max(y) (ties go to the lower label index).
 *  - RAM: two window structs plus rig_model_infer's stack (one rig_model_trace_t); model.c has a
 *    static_assert keeping that under RIG_MODEL_RAM_BUDGET (1536 bytes, the py32f003 budget).
 */
#ifndef RIG_MODEL_H
#define RIG_MODEL_H

#include <stddef.h>
#include <stdint.h>

#define RIG_MODEL_CLASSES 6

#include "rig_model_weights.h"

/* A translation unit that sees both the frontend tables and the model (app.c) checks they fit. */
#if defined(RIG_FE_COLUMN_LEN) && RIG_FE_COLUMN_LEN != RIG_MODEL_BANDS
#error "rig_model_weights.h was trained for another column length than rig_frontend_tables.h: run rig train"
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define RIG_MODEL_FEATURES (2 * RIG_MODEL_BANDS)
#define RIG_MODEL_RAM_BUDGET 1536

typedef struct {
    int32_t sum[RIG_MODEL_BANDS];        /* sum of x over the window, per band */
    int32_t delta_sum[RIG_MODEL_BANDS];  /* sum of |x - previous x|, per band */
    int16_t prev[RIG_MODEL_BANDS];       /* last column pushed */
    uint16_t count;                      /* columns pushed (<= RIG_MODEL_WINDOW_COLUMNS) */
} rig_model_window_t;

/* Every intermediate of one inference, for the rig's layer-by-layer cross-check. */
typedef struct {
    int16_t stats[RIG_MODEL_FEATURES];   /* stage 1: means then mean |delta|s */
    int8_t inputs[RIG_MODEL_FEATURES];   /* stage 2 */
    int8_t hidden[RIG_MODEL_HIDDEN];     /* stage 3 */
    int16_t logits[RIG_MODEL_CLASSES];   /* stage 4 */
    int16_t scores[RIG_MODEL_CLASSES];   /* stage 5 */
} rig_model_trace_t;

void rig_model_window_reset(rig_model_window_t *w);
void rig_model_window_push(rig_model_window_t *w, const int16_t *column);
uint16_t rig_model_window_count(const rig_model_window_t *w);
int rig_model_infer(const rig_model_window_t *w, int16_t scores[RIG_MODEL_CLASSES]);
uint32_t rig_model_macs(void);

/* Same as rig_model_infer, keeping every stage in *t (t->scores are the scores). */
int rig_model_trace(const rig_model_window_t *w, rig_model_trace_t *t);

/* Sizes for hosts that hold these structs as opaque bytes (the C# bindings). */
size_t rig_model_window_bytes(void);
size_t rig_model_trace_bytes(void);
/* RIG_MODEL_BANDS, RIG_MODEL_WINDOW_COLUMNS, RIG_MODEL_HIDDEN of this build, and the frontend
 * config hash the weights were trained on. */
uint32_t rig_model_dimension(int which);

#ifdef __cplusplus
}
#endif

#endif
