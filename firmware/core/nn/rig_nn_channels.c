/*
 * rig_nn_channels.c - one output position's channels from one run of taps (contract: rig_nn_channels.h).
 */
#include "rig_nn_channels.h"

#include "rig_nn_dot.h"

void rig_nn_channels(const rig_nn_output_t *o, const int8_t *w, int32_t w_stride, const int8_t *x, int32_t n,
                     int32_t offset, int32_t out_c, int8_t *out)
{
    const int32_t *bias = o->bias, *multiplier = o->multiplier, *shift = o->shift;
    const int32_t out_offset = o->offset, min = o->min, max = o->max;
    int32_t c, acc[2];
    for (c = 0; c + 2 <= out_c; c += 2, w += 2 * w_stride) {
        acc[0] = bias != NULL ? bias[c] : 0;
        acc[1] = bias != NULL ? bias[c + 1] : 0;
        rig_nn_dot2(w, w_stride, x, n, offset, acc);
        out[c] = rig_nn_output_value(acc[0], multiplier[c], shift[c], out_offset, min, max);
        out[c + 1] = rig_nn_output_value(acc[1], multiplier[c + 1], shift[c + 1], out_offset, min, max);
    }
    if (c < out_c) {
        acc[0] = rig_nn_dot(w, x, n, offset, bias != NULL ? bias[c] : 0);
        out[c] = rig_nn_output_value(acc[0], multiplier[c], shift[c], out_offset, min, max);
    }
}

void rig_nn_depthwise_channels(const rig_nn_output_t *o, const int8_t *w, int32_t w_step, const int8_t *x, int32_t x_step,
                               int32_t n, int32_t offset, int32_t out_c, int8_t *out)
{
    const int32_t *bias = o->bias, *multiplier = o->multiplier, *shift = o->shift;
    const int32_t out_offset = o->offset, min = o->min, max = o->max;
    int32_t c, j, acc[4];
    for (c = 0; c + 4 <= out_c; c += 4) {
        for (j = 0; j < 4; j++) acc[j] = bias != NULL ? bias[c + j] : 0;
        rig_nn_dot_channels4(w + c, w_step, x + c, x_step, n, offset, acc);
        for (j = 0; j < 4; j++) out[c + j] = rig_nn_output_value(acc[j], multiplier[c + j], shift[c + j], out_offset, min, max);
    }
    for (; c < out_c; c++) {
        acc[0] = rig_nn_dot_strided(w + c, w_step, x + c, x_step, n, offset, bias != NULL ? bias[c] : 0);
        out[c] = rig_nn_output_value(acc[0], multiplier[c], shift[c], out_offset, min, max);
    }
}
