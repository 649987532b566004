/*
 * rig_nn_conv.c - CONV_2D and DEPTHWISE_CONV_2D (contract: rig_nn_conv.h). Loop order and arithmetic
 * are TFLite's reference kernels'; only the batch loop is gone (batch 1).
 */
#include "rig_nn_conv.h"


void rig_nn_conv2d(const rig_nn_layer_t *l, const int8_t *in, int8_t *out)
{
    int32_t oy, ox, oc, fy, fx, ic;
    for (oy = 0; oy < l->out_h; oy++) {
        const int32_t iy0 = oy * l->stride_h - l->pad_h;
        for (ox = 0; ox < l->out_w; ox++) {
            const int32_t ix0 = ox * l->stride_w - l->pad_w;
            for (oc = 0; oc < l->out_c; oc++) {
                int32_t acc = 0;
                for (fy = 0; fy < l->filter_h; fy++) {
                    const int32_t iy = iy0 + l->dilation_h * fy;
                    if (iy < 0 || iy >= l->in_h) continue;
                    for (fx = 0; fx < l->filter_w; fx++) {
                        const int32_t ix = ix0 + l->dilation_w * fx;
                        const int8_t *x, *w;
                        if (ix < 0 || ix >= l->in_w) continue;
                        x = in + (iy * l->in_w + ix) * l->in_c;
                        w = l->filter + ((oc * l->filter_h + fy) * l->filter_w + fx) * l->in_c;
                        for (ic = 0; ic < l->in_c; ic++)
                            acc += (int32_t)w[ic] * ((int32_t)x[ic] + l->input_offset);
                    }
                }
                out[(oy * l->out_w + ox) * l->out_c + oc] = rig_nn_requantize(l, acc, oc);
            }
        }
    }
}

void rig_nn_depthwise_conv2d(const rig_nn_layer_t *l, const int8_t *in, int8_t *out)
{
    int32_t oy, ox, ic, m, fy, fx;
    for (oy = 0; oy < l->out_h; oy++) {
        const int32_t iy0 = oy * l->stride_h - l->pad_h;
        for (ox = 0; ox < l->out_w; ox++) {
            const int32_t ix0 = ox * l->stride_w - l->pad_w;
            for (ic = 0; ic < l->in_c; ic++) {
                for (m = 0; m < l->depth_multiplier; m++) {
                    const int32_t oc = ic * l->depth_multiplier + m;
                    int32_t acc = 0;
                    for (fy = 0; fy < l->filter_h; fy++) {
                        const int32_t iy = iy0 + l->dilation_h * fy;
                        if (iy < 0 || iy >= l->in_h) continue;
                        for (fx = 0; fx < l->filter_w; fx++) {
                            const int32_t ix = ix0 + l->dilation_w * fx;
                            if (ix < 0 || ix >= l->in_w) continue;
                            acc += (int32_t)l->filter[(fy * l->filter_w + fx) * l->out_c + oc] *
                                   ((int32_t)in[(iy * l->in_w + ix) * l->in_c + ic] + l->input_offset);
                        }
                    }
                    out[(oy * l->out_w + ox) * l->out_c + oc] = rig_nn_requantize(l, acc, oc);
                }
            }
        }
    }
}
