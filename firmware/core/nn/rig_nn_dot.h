/*
 * rig_nn_dot.h - the inner products the accumulating kernels spend their time in (internal to core/nn).
 *
 * rig_nn_dot(w, x, n, offset, acc) = acc + sum over i < n of w[i] * (x[i] + offset), int32 (wrapping, as
 * the reference kernels' int32 accumulator). rig_nn_dot2 does it for two filter rows, w and w + w_stride,
 * against the same inputs: acc[0] += row 0's sum, acc[1] += row 1's (each input read and widened once).
 * rig_nn_dot_strided is rig_nn_dot over w[k * w_step] and x[k * x_step], k < n (a depthwise channel's taps);
 * rig_nn_dot_channels4 does it for four neighbouring channels at once: acc[j] += sum over k < n of
 * w[k * w_step + j] * (x[k * x_step + j] + offset), j < 4.
 * No alignment is required of w or x; n >= 0. |x[i] + offset| <= 255 for an int8 x and TFLite's input
 * offsets (-zero point, in [-127, 128]).
 *
 * On a core with the DSP extension (__ARM_FEATURE_DSP: the Cortex-M4 images) four bytes at a time:
 * SXTB16 sign-extends the even and odd bytes of the weights to two int16 pairs, SXTAB16 does the same to
 * the inputs while adding the offset to both halves (exact: the sums fit int16), SMLAD adds both products
 * of a pair to the accumulator (rig_nn_dot_channels4: SMLABB/SMLATT, one product each, as the four sums stay
 * apart). The same products added in another order: the same int32 sum. Elsewhere
 * (the M0+, the host) one multiply-accumulate per byte. Functions rather than inline code: a leaf function
 * has every register for its loop, a kernel's loop nest around an inlined one spilled them (gcc -Os).
 */
#ifndef RIG_NN_DOT_H
#define RIG_NN_DOT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

int32_t rig_nn_dot(const int8_t *w, const int8_t *x, int32_t n, int32_t offset, int32_t acc);
void rig_nn_dot2(const int8_t *w, int32_t w_stride, const int8_t *x, int32_t n, int32_t offset, int32_t acc[2]);
int32_t rig_nn_dot_strided(const int8_t *w, int32_t w_step, const int8_t *x, int32_t x_step, int32_t n, int32_t offset, int32_t acc);
void rig_nn_dot_channels4(const int8_t *w, int32_t w_step, const int8_t *x, int32_t x_step, int32_t n, int32_t offset, int32_t acc[4]);

#ifdef __cplusplus
}
#endif

#endif
