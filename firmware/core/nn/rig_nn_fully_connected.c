/*
 * rig_nn_fully_connected.c - FULLY_CONNECTED (contract: rig_nn_fully_connected.h).
 */
#include "rig_nn_fully_connected.h"

void rig_nn_fully_connected(const rig_nn_layer_t *l, const int8_t *in, int8_t *out)
{
    int32_t c, d;
    for (c = 0; c < l->out_c; c++) {
        const int8_t *w = l->filter + c * l->in_c;
        int32_t acc = 0;
        for (d = 0; d < l->in_c; d++)
            acc += ((int32_t)w[d] + l->filter_offset) * ((int32_t)in[d] + l->input_offset);
        out[c] = rig_nn_requantize(l, acc, c);
    }
}
