/*
 * rig_nn_pool.h - AVERAGE_POOL_2D and MAX_POOL_2D int8 as TFLite's reference_integer_ops pooling
 * (twins: rig/Rig.Model/Graph/Kernels/AveragePool2DKernel.cs, MaxPool2DKernel.cs). Input and output
 * share scale and zero point, so values are pooled as they are. Per output (y, x, c) the window is
 * filter_h x filter_w at (y * stride_h - pad_h, x * stride_w - pad_w), cut to the input (padding is
 * never counted). Average: acc = sum, n = taps inside; (acc + n/2) / n for acc > 0, else
 * (acc - n/2) / n, truncating (TFLite's round half away from zero), by rig_nn_udiv (no divide
 * instruction on the M0+). Max: the largest tap. Both clamped to [act_min, act_max].
 */
#ifndef RIG_NN_POOL_H
#define RIG_NN_POOL_H

#include "rig_nn_layer.h"

#ifdef __cplusplus
extern "C" {
#endif

void rig_nn_average_pool2d(const rig_nn_layer_t *l, const int8_t *in, int8_t *out);
void rig_nn_max_pool2d(const rig_nn_layer_t *l, const int8_t *in, int8_t *out);

#ifdef __cplusplus
}
#endif

#endif
