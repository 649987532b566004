/*
 * rig_nn_input.c - frontend values to int8 model inputs (contract: rig_nn_input.h).
 */
#include "rig_nn_input.h"

#include "rig_nn_fixed.h"

void rig_nn_quantize_input(const int16_t *v, int32_t n, int32_t multiplier, int32_t shift, int32_t zero_point, int8_t *out)
{
    int32_t i;
    for (i = 0; i < n; i++) {
        int32_t q = rig_nn_mbqm_inline(v[i], multiplier, shift) + zero_point;
        out[i] = (int8_t)(q > 127 ? 127 : (q < -128 ? -128 : q));
    }
}
