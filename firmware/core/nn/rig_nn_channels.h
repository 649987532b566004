/*
 * rig_nn_channels.h - every output channel of one output position whose taps are one run of n bytes,
 * contiguous in the input and in each channel's filter (a FULLY_CONNECTED unit; a CONV_2D position whose
 * inside taps span whole rows, as a 1x1 conv or a filter as wide as its input): internal to core/nn.
 *
 * For c < out_c: out[c] = the output stage (rig_nn_output.h) of bias[c] + sum over i < n of
 * w[c * w_stride + i] * (x[i] + offset). Two channels at a time share each read of the input, and the
 * loop keeps the layer's output figures in registers: a 1x1 conv spends as long on its requantisation as
 * on its products.
 */
#ifndef RIG_NN_CHANNELS_H
#define RIG_NN_CHANNELS_H

#include "rig_nn_output.h"

void rig_nn_channels(const rig_nn_output_t *o, const int8_t *w, int32_t w_stride, const int8_t *x, int32_t n,
                     int32_t offset, int32_t out_c, int8_t *out);

#endif
