/*
 * rig_nn_layer.c - the output stage shared by the accumulating kernels (contract: rig_nn_layer.h).
 */
#include "rig_nn_layer.h"

#include "rig_nn_fixed.h"

int8_t rig_nn_requantize(const rig_nn_layer_t *l, int32_t acc, int32_t c)
{
    if (l->bias != NULL) acc += l->bias[c];
    acc = rig_nn_mbqm(acc, l->multiplier[c], l->shift[c]) + l->output_offset;
    if (acc < l->act_min) acc = l->act_min;
    if (acc > l->act_max) acc = l->act_max;
    return (int8_t)acc;
}

size_t rig_nn_layer_bytes(void)
{
    return sizeof(rig_nn_layer_t);
}
