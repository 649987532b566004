/*
 * rig_nn_softmax.h - SOFTMAX int8 -> int8 (output scale 1/256, zero point -128) as TFLite's
 * reference_ops::Softmax for int8, gemmlowp fixed point (twin: rig/Rig.Model/Graph/Kernels/SoftmaxKernel.cs).
 * Per row of out_c values: d = x - max(row); rows with d < softmax_diff_min contribute nothing and
 * output -128; otherwise d is scaled to Q5.26 by srdhm(d << softmax_left_shift, softmax_multiplier),
 * exp() on negative values (exp_on_negative_values: the Taylor polynomial on [-1/4, 0) and the barrel
 * of exp(-2^k) constants), the exps summed in Q12.19, the sum's reciprocal by Newton-Raphson
 * (one_over_one_plus_x_for_x_in_0_1), each output rdbypot(srdhm(reciprocal, exp), bits over unit + 23)
 * - 128, saturated to int8. Integer only; no division, no 64-bit helper.
 */
#ifndef RIG_NN_SOFTMAX_H
#define RIG_NN_SOFTMAX_H

#include "rig_nn_layer.h"

#ifdef __cplusplus
extern "C" {
#endif

void rig_nn_softmax(const rig_nn_layer_t *l, const int8_t *in, int8_t *out);

/* gemmlowp's exp_on_negative_values for a Q5.26 input <= 0, result Q0.31 (exported for the cross-check). */
int32_t rig_nn_exp_on_negative_values(int32_t a);
/* gemmlowp's one_over_one_plus_x_for_x_in_0_1 on Q0.31 (exported for the cross-check). */
int32_t rig_nn_one_over_one_plus_x(int32_t a);

#ifdef __cplusplus
}
#endif

#endif
