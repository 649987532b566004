/*
 * rig_nn_fully_connected.h - FULLY_CONNECTED int8 as TFLite's reference_integer_ops::FullyConnected
 * (twin: rig/Rig.Model/Graph/Kernels/FullyConnectedKernel.cs). For each unit c of out_c:
 * acc = sum over d < in_c of (filter[c][d] + filter_offset) * (in[d] + input_offset), then
 * the output stage (rig_nn_output.h: bias, multiplier/shift of channel c, output offset, clamp).
 */
#ifndef RIG_NN_FULLY_CONNECTED_H
#define RIG_NN_FULLY_CONNECTED_H

#include "rig_nn_layer.h"

#ifdef __cplusplus
extern "C" {
#endif

void rig_nn_fully_connected(const rig_nn_layer_t *l, const int8_t *in, int8_t *out);

#ifdef __cplusplus
}
#endif

#endif
