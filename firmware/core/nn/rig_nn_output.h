/*
 * rig_nn_output.h - the output stage of the accumulating kernels (internal to core/nn): the layer's
 * figures read once per kernel call. The arithmetic is rig_nn_requantize's (rig_nn_layer.h): acc + bias,
 * rig_nn_mbqm, + output_offset, clamped to [act_min, act_max].
 */
#ifndef RIG_NN_OUTPUT_H
#define RIG_NN_OUTPUT_H

#include "rig_nn_fixed.h"
#include "rig_nn_layer.h"

#if defined(__GNUC__)
#define RIG_NN_INLINE static inline __attribute__((always_inline))
#else
#define RIG_NN_INLINE static inline
#endif

typedef struct {
    const int32_t *bias, *multiplier, *shift;
    int32_t offset, min, max;
} rig_nn_output_t;

rig_nn_output_t rig_nn_output_of(const rig_nn_layer_t *l);

/* acc[i] = the bias of channel c + i, i < n: where the accumulations start (int32 addition is associative). */
void rig_nn_output_biases(const rig_nn_output_t *o, int32_t c, int32_t n, int32_t *acc);

/* out[i] = acc[i] (bias included) of channel c + i as the int8 output, i < n. Calls, not inline code: a
 * kernel's loops keep their own values in registers (inlined, gcc -Os spilled them around it). */
void rig_nn_output_values(const rig_nn_output_t *o, const int32_t *acc, int32_t c, int32_t n, int8_t *out);

/* One value, inline, for the loops that keep o's fields in registers themselves. */
RIG_NN_INLINE int8_t rig_nn_output_value(int32_t acc, int32_t multiplier, int32_t shift, int32_t offset, int32_t min, int32_t max)
{
    acc = rig_nn_mbqm_inline(acc, multiplier, shift) + offset;
    if (acc < min) acc = min;
    if (acc > max) acc = max;
    return (int8_t)acc;
}

#endif
