/*
 * rig_nn_channels.h - every output channel of one output position whose taps are one run of n bytes,
 * contiguous in the input and in each channel's filter (a FULLY_CONNECTED unit; a CONV_2D position whose
 * inside taps span whole rows, as a 1x1 conv or a filter as wide as its input): internal to core/nn.
 *
 * For c < out_c: out[c] = the output stage (rig_nn_output.h) of bias[c] + sum over i < n of
 * w[c * w_stride + i] * (x[i] + offset). Two channels at a time share each read of the input, and the
 * loop keeps the layer's output figures in registers: a 1x1 conv spends as long on its requantisation as
 * on its products, a depthwise conv longer.
 */
#ifndef RIG_NN_CHANNELS_H
#define RIG_NN_CHANNELS_H

#include "rig_nn_output.h"

void rig_nn_channels(const rig_nn_output_t *o, const int8_t *w, int32_t w_stride, const int8_t *x, int32_t n,
                     int32_t offset, int32_t out_c, int8_t *out);

/* The depthwise twin (depth multiplier 1, channel c reads input channel c): one output position whose n taps
 * are one walk, tap k at w + k * w_step and x + k * x_step, channels side by side in both. For c < out_c:
 * out[c] = the output stage of bias[c] + sum over k < n of w[k * w_step + c] * (x[k * x_step + c] + offset);
 * four channels at a time (rig_nn_dot_channels4). */
void rig_nn_depthwise_channels(const rig_nn_output_t *o, const int8_t *w, int32_t w_step, const int8_t *x, int32_t x_step,
                               int32_t n, int32_t offset, int32_t out_c, int8_t *out);

#endif
