/*
 * rig_nn_pool.c - AVERAGE_POOL_2D and MAX_POOL_2D (contract: rig_nn_pool.h).
 */
#include "rig_nn_pool.h"

#include "rig_nn_fixed.h"

/* The window of one output cut to the input: [y0, y1) x [x0, x1). */
typedef struct {
    int32_t y0, y1, x0, x1;
} window_t;

static window_t window_at(const rig_nn_layer_t *l, int32_t oy, int32_t ox)
{
    window_t w;
    const int32_t iy = oy * l->stride_h - l->pad_h;
    const int32_t ix = ox * l->stride_w - l->pad_w;
    w.y0 = iy < 0 ? 0 : iy;
    w.y1 = iy + l->filter_h < l->in_h ? iy + l->filter_h : l->in_h;
    w.x0 = ix < 0 ? 0 : ix;
    w.x1 = ix + l->filter_w < l->in_w ? ix + l->filter_w : l->in_w;
    return w;
}

static int8_t clamp_act(const rig_nn_layer_t *l, int32_t v)
{
    if (v < l->act_min) v = l->act_min;
    if (v > l->act_max) v = l->act_max;
    return (int8_t)v;
}

void rig_nn_average_pool2d(const rig_nn_layer_t *l, const int8_t *in, int8_t *out)
{
    const int32_t channels = l->out_c, in_row = l->in_w * l->in_c, in_c = l->in_c;
    int32_t oy, ox, c, y, x;
    for (oy = 0; oy < l->out_h; oy++) {
        for (ox = 0; ox < l->out_w; ox++) {
            const window_t w = window_at(l, oy, ox);
            const int32_t n = (w.y1 - w.y0) * (w.x1 - w.x0);
            const int8_t *corner = in + w.y0 * in_row + w.x0 * in_c;
            for (c = 0; c < channels; c++, corner++) {
                int32_t acc = 0, avg;
                uint32_t magnitude;
                const int8_t *row = corner;
                if (w.y1 <= w.y0 || w.x1 <= w.x0) { /* TFLite refuses such a window; the host never plans one */
                    *out++ = clamp_act(l, 0);
                    continue;
                }
                for (y = w.y0; y < w.y1; y++, row += in_row) {
                    const int8_t *tap = row;
                    for (x = w.x0; x < w.x1; x++, tap += in_c) acc += *tap;
                }
                magnitude = acc > 0 ? (uint32_t)acc : 0u - (uint32_t)acc;
                avg = (int32_t)rig_nn_udiv(magnitude + (uint32_t)(n >> 1), (uint32_t)n);
                *out++ = clamp_act(l, acc > 0 ? avg : -avg);
            }
        }
    }
}

void rig_nn_max_pool2d(const rig_nn_layer_t *l, const int8_t *in, int8_t *out)
{
    const int32_t channels = l->out_c, in_row = l->in_w * l->in_c, in_c = l->in_c;
    int32_t oy, ox, c, y, x;
    for (oy = 0; oy < l->out_h; oy++) {
        for (ox = 0; ox < l->out_w; ox++) {
            const window_t w = window_at(l, oy, ox);
            const int8_t *corner = in + w.y0 * in_row + w.x0 * in_c;
            for (c = 0; c < channels; c++, corner++) {
                int32_t m = -128;
                const int8_t *row = corner;
                for (y = w.y0; y < w.y1; y++, row += in_row) {
                    const int8_t *tap = row;
                    for (x = w.x0; x < w.x1; x++, tap += in_c)
                        if (*tap > m) m = *tap;
                }
                *out++ = clamp_act(l, m);
            }
        }
    }
}
