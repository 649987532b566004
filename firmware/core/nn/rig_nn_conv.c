/*
 * rig_nn_conv.c - CONV_2D and DEPTHWISE_CONV_2D (contract: rig_nn_conv.h). TFLite's reference arithmetic;
 * what is per output position (the taps inside the input) is found once per row and column, and the
 * taps of one output are walked as runs of bytes that are contiguous in both the input and the filter.
 */
#include "rig_nn_conv.h"

#include "rig_nn_channels.h"
#include "rig_nn_dot.h"
#include "rig_nn_output.h"

/* The taps [*first, *end) of a filter dimension whose input index start + dilation * t lies in [0, size):
 * one range, the index growing with t. A loop rather than a division (none on the M0+). */
static void inside_taps(int32_t start, int32_t dilation, int32_t taps, int32_t size, int32_t *first, int32_t *end)
{
    int32_t t = 0;
    while (t < taps && start + dilation * t < 0) t++;
    *first = t;
    while (t < taps && start + dilation * t < size) t++;
    *end = t;
}

/* The taps of one output position inside the input: rows of taps, each tap a run of bytes contiguous in the
 * input and the filter; x and w_offset are the first tap's input and filter offset (the filter's within one
 * output channel for a conv, within the [fh][fw][out_c] array for a depthwise). */
typedef struct {
    const int8_t *x;
    int32_t w_offset, rows, taps;
} taps_t;

static taps_t taps_at(const rig_nn_layer_t *l, const int8_t *in, int32_t oy, int32_t ox, int32_t w_tap_bytes)
{
    const int32_t iy0 = oy * l->stride_h - l->pad_h, ix0 = ox * l->stride_w - l->pad_w;
    int32_t fy0, fy1, fx0, fx1;
    taps_t t;
    inside_taps(iy0, l->dilation_h, l->filter_h, l->in_h, &fy0, &fy1);
    inside_taps(ix0, l->dilation_w, l->filter_w, l->in_w, &fx0, &fx1);
    t.rows = fy1 - fy0;
    t.taps = fx1 - fx0;
    if (t.rows <= 0 || t.taps <= 0) t.rows = t.taps = 0;
    t.x = t.rows > 0 ? in + ((iy0 + l->dilation_h * fy0) * l->in_w + ix0 + l->dilation_w * fx0) * l->in_c : in;
    t.w_offset = (fy0 * l->filter_w + fx0) * w_tap_bytes;
    return t;
}

void rig_nn_conv2d(const rig_nn_layer_t *l, const int8_t *in, int8_t *out)
{
    const rig_nn_output_t o = rig_nn_output_of(l);
    const int32_t in_c = l->in_c, out_c = l->out_c, input_offset = l->input_offset;
    const int32_t in_row = l->in_w * in_c, filter_row = l->filter_w * in_c;
    const int32_t filter_size = l->filter_h * filter_row;
    const int32_t in_row_step = l->dilation_h * in_row, in_tap_step = l->dilation_w * in_c;
    int32_t oy, ox, oc, r, k;
    for (oy = 0; oy < l->out_h; oy++) {
        for (ox = 0; ox < l->out_w; ox++, out += out_c) {
            taps_t t = taps_at(l, in, oy, ox, in_c);
            int32_t run = in_c;
            const int8_t *w = l->filter + t.w_offset;
            /* Neighbouring taps of a row are one run when the filter is not dilated across; whole rows are
             * one run when they span the input's rows exactly. */
            if (l->dilation_w == 1) {
                run *= t.taps;
                t.taps = t.taps > 0 ? 1 : 0;
            }
            if (t.taps == 1 && l->dilation_h == 1 && run == in_row && run == filter_row) {
                run *= t.rows;
                t.rows = 1;
            }
            if (t.rows == 1 && t.taps == 1) {
                rig_nn_channels(&o, w, filter_size, t.x, run, input_offset, out_c, out);
                continue;
            }
            /* Two output channels at a time share the reads of the input. */
            for (oc = 0; oc < out_c; oc += 2, w += 2 * filter_size) {
                const int32_t n = out_c - oc >= 2 ? 2 : 1;
                int32_t acc[2];
                const int8_t *x_row = t.x, *w_row = w;
                rig_nn_output_biases(&o, oc, n, acc);
                for (r = 0; r < t.rows; r++, x_row += in_row_step, w_row += filter_row) {
                    const int8_t *x_tap = x_row, *w_tap = w_row;
                    for (k = 0; k < t.taps; k++, x_tap += in_tap_step, w_tap += in_c) {
                        if (n == 2) rig_nn_dot2(w_tap, filter_size, x_tap, run, input_offset, acc);
                        else acc[0] = rig_nn_dot(w_tap, x_tap, run, input_offset, acc[0]);
                    }
                }
                rig_nn_output_values(&o, acc, oc, n, out + oc);
            }
        }
    }
}

void rig_nn_depthwise_conv2d(const rig_nn_layer_t *l, const int8_t *in, int8_t *out)
{
    const rig_nn_output_t o = rig_nn_output_of(l);
    const int32_t in_c = l->in_c, out_c = l->out_c, depth_multiplier = l->depth_multiplier;
    const int32_t input_offset = l->input_offset;
    const int32_t in_row_step = l->dilation_h * l->in_w * in_c, in_tap_step = l->dilation_w * in_c;
    const int32_t filter_row = l->filter_w * out_c;
    int32_t oy, ox, oc, ic, m, r;
    for (oy = 0; oy < l->out_h; oy++) {
        for (ox = 0; ox < l->out_w; ox++, out += out_c) {
            taps_t t = taps_at(l, in, oy, ox, out_c);
            const int8_t *w = l->filter + t.w_offset;
            int32_t x_step = in_tap_step, w_step = out_c;
            /* A filter one tap wide (time x 1 on a spectrogram): its rows are the taps of one walk. */
            if (t.taps == 1) {
                t.taps = t.rows;
                t.rows = 1;
                x_step = in_row_step;
                w_step = filter_row;
            }
            if (depth_multiplier == 1 && t.rows == 1) {
                rig_nn_depthwise_channels(&o, w, w_step, t.x, x_step, t.taps, input_offset, out_c, out);
                continue;
            }
            oc = 0;
            /* Without a depth multiplier channel c reads input channel c: four neighbouring channels at once. */
            if (depth_multiplier == 1) {
                for (; oc + 4 <= out_c; oc += 4) {
                    int32_t acc[4];
                    const int8_t *x_row = t.x + oc, *w_row = w + oc;
                    rig_nn_output_biases(&o, oc, 4, acc);
                    for (r = 0; r < t.rows; r++, x_row += in_row_step, w_row += filter_row)
                        rig_nn_dot_channels4(w_row, w_step, x_row, x_step, t.taps, input_offset, acc);
                    rig_nn_output_values(&o, acc, oc, 4, out + oc);
                }
            }
            /* The rest one by one: output channel oc = ic * depth_multiplier + m reads input channel ic. */
            for (ic = oc, m = 0; oc < out_c; oc++) {
                int32_t acc;
                const int8_t *x_row = t.x + ic, *w_row = w + oc;
                rig_nn_output_biases(&o, oc, 1, &acc);
                for (r = 0; r < t.rows; r++, x_row += in_row_step, w_row += filter_row)
                    acc = rig_nn_dot_strided(w_row, w_step, x_row, x_step, t.taps, input_offset, acc);
                rig_nn_output_values(&o, &acc, oc, 1, out + oc);
                if (++m == depth_multiplier) m = 0, ic++;
            }
        }
    }
}
