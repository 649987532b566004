/*
 * rig_nn_conv.h - CONV_2D and DEPTHWISE_CONV_2D, int8 per-channel, as TFLite's reference_integer_ops
 * ConvPerChannel / DepthwiseConvPerChannel (twins: rig/Rig.Model/Graph/Kernels/Conv2DKernel.cs,
 * DepthwiseConv2DKernel.cs).
 *
 * For every output (y, x, c): acc = sum over the filter taps inside the input (the padding is skipped,
 * never read) of filter * (input + input_offset), int32; + bias[c]; rig_nn_mbqm(acc, multiplier[c],
 * shift[c]) + output_offset, clamped to [act_min, act_max]. Input tap of filter row fy:
 * y * stride_h - pad_h + dilation_h * fy (columns alike). Depthwise: output channel
 * c = ic * depth_multiplier + m reads input channel ic only.
 * in and out point at the layer's input and output (distinct, non-overlapping buffers).
 */
#ifndef RIG_NN_CONV_H
#define RIG_NN_CONV_H

#include "rig_nn_layer.h"

#ifdef __cplusplus
extern "C" {
#endif

void rig_nn_conv2d(const rig_nn_layer_t *l, const int8_t *in, int8_t *out);
void rig_nn_depthwise_conv2d(const rig_nn_layer_t *l, const int8_t *in, int8_t *out);

#ifdef __cplusplus
}
#endif

#endif
