/*
 * rig_nn_input.h - the frontend's int16 Q7.8 values as a graph's int8 input (twin:
 * rig/Rig.Model/Graph/FrontendInput.cs): q = v * multiplier/shift (rig_nn_mbqm, TFLite's rounding)
 * + zero_point, saturated to int8. The multiplier and shift are QuantizeMultiplier(1/256 / input scale),
 * computed on the host (RIG_MODEL_GRAPH_INPUT_* of the generated rig_model_graph.h).
 */
#ifndef RIG_NN_INPUT_H
#define RIG_NN_INPUT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

void rig_nn_quantize_input(const int16_t *v, int32_t n, int32_t multiplier, int32_t shift, int32_t zero_point, int8_t *out);

#ifdef __cplusplus
}
#endif

#endif
