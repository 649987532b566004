/*
 * rig_nn_fully_connected.c - FULLY_CONNECTED (contract: rig_nn_fully_connected.h).
 */
#include "rig_nn_fully_connected.h"

#include "rig_nn_channels.h"

void rig_nn_fully_connected(const rig_nn_layer_t *l, const int8_t *in, int8_t *out)
{
    const rig_nn_output_t o = rig_nn_output_of(l);
    const int32_t in_c = l->in_c, out_c = l->out_c, filter_offset = l->filter_offset, input_offset = l->input_offset;
    const int8_t *w = l->filter;
    int32_t c, d, acc[1];
    if (filter_offset == 0) { /* symmetric weights, TFLite's int8 scheme */
        rig_nn_channels(&o, w, in_c, in, in_c, input_offset, out_c, out);
        return;
    }
    for (c = 0; c < out_c; c++, w += in_c) {
        rig_nn_output_biases(&o, c, 1, acc);
        for (d = 0; d < in_c; d++)
            acc[0] += ((int32_t)w[d] + filter_offset) * ((int32_t)in[d] + input_offset);
        rig_nn_output_values(&o, acc, c, 1, out + c);
    }
}
