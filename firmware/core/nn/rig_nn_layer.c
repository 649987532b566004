/*
 * rig_nn_layer.c - the output stage shared by the accumulating kernels (contracts: rig_nn_layer.h,
 * rig_nn_output.h).
 */
#include "rig_nn_layer.h"

#include "rig_nn_output.h"

rig_nn_output_t rig_nn_output_of(const rig_nn_layer_t *l)
{
    rig_nn_output_t o;
    o.bias = l->bias;
    o.multiplier = l->multiplier;
    o.shift = l->shift;
    o.offset = l->output_offset;
    o.min = l->act_min;
    o.max = l->act_max;
    return o;
}

void rig_nn_output_biases(const rig_nn_output_t *o, int32_t c, int32_t n, int32_t *acc)
{
    int32_t i;
    for (i = 0; i < n; i++) acc[i] = o->bias != NULL ? o->bias[c + i] : 0;
}

void rig_nn_output_values(const rig_nn_output_t *o, const int32_t *acc, int32_t c, int32_t n, int8_t *out)
{
    const int32_t *multiplier = o->multiplier + c, *shift = o->shift + c;
    const int32_t offset = o->offset, min = o->min, max = o->max;
    int32_t i;
    for (i = 0; i < n; i++) out[i] = rig_nn_output_value(acc[i], multiplier[i], shift[i], offset, min, max);
}

size_t rig_nn_layer_bytes(void)
{
    return sizeof(rig_nn_layer_t);
}
