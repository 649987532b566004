/*
 * rig_nn_layer.h - one operator of an int8 model as the firmware runs it: every figure precomputed on the
 * host (rig/Rig.Model/Graph/PreparedLayer.cs, the generated rig_model_graph.h), nothing left to derive
 * at run time but the loops. All activations live in one caller-owned int8 arena at byte offsets the
 * host planned (ArenaPlanner: tensors alive at the same time never overlap, so an operator's output
 * never overlaps its input).
 *
 * Shapes are batch 1, NHWC; a FULLY_CONNECTED has in_c = accumulation depth and out_c = units; a
 * SOFTMAX has out_h * out_w rows of out_c values; a RESHAPE copies out_h * out_w * out_c bytes.
 * Quantisation follows TFLite's reference kernels: input_offset = -input zero point, filter_offset =
 * -filter zero point (FULLY_CONNECTED only; conv filters are symmetric), output_offset = output zero
 * point, [act_min, act_max] the fused activation's clamp (CalculateActivationRangeQuantized),
 * multiplier/shift one pair per output channel (per-tensor scales repeated), TFLite's QuantizeMultiplier
 * (shift > 0 shifts left). SOFTMAX uses softmax_multiplier, softmax_left_shift and softmax_diff_min
 * (PreprocessSoftmaxScaling, CalculateInputRadius with 5 integer bits). The output stage every accumulating
 * kernel shares (rig_nn_output.h): acc + bias[c] (if any), rig_nn_mbqm with channel c's multiplier and shift,
 * + output_offset, clamped to [act_min, act_max].
 *
 * The layout is mirrored by rig/Rig.Native/NnLayerNative.cs (checked through rig_nn_layer_bytes()):
 * 26 int32 fields, then 4 pointers. Change both together.
 */
#ifndef RIG_NN_LAYER_H
#define RIG_NN_LAYER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* TFLite's BuiltinOperator codes (Rig.Model.Graph.OperatorKind). */
#define RIG_NN_AVERAGE_POOL_2D 1
#define RIG_NN_CONV_2D 3
#define RIG_NN_DEPTHWISE_CONV_2D 4
#define RIG_NN_FULLY_CONNECTED 9
#define RIG_NN_MAX_POOL_2D 17
#define RIG_NN_RESHAPE 22
#define RIG_NN_SOFTMAX 25

typedef struct {
    int32_t kind;
    int32_t in_at, out_at;           /* byte offsets of the input and output in the arena */
    int32_t in_h, in_w, in_c;
    int32_t out_h, out_w, out_c;
    int32_t filter_h, filter_w;      /* conv/depthwise filter or pool window */
    int32_t stride_h, stride_w;
    int32_t dilation_h, dilation_w;
    int32_t pad_h, pad_w;            /* TFLite's padding_values (top/left) */
    int32_t depth_multiplier;
    int32_t input_offset;
    int32_t filter_offset;
    int32_t output_offset;
    int32_t act_min, act_max;
    int32_t softmax_multiplier, softmax_left_shift, softmax_diff_min;
    const int8_t *filter;            /* conv [out_c][fh][fw][in_c], depthwise [fh][fw][out_c], FC [out_c][in_c] */
    const int32_t *bias;             /* one per output channel, or NULL */
    const int32_t *multiplier;       /* one per output channel */
    const int32_t *shift;            /* one per output channel */
} rig_nn_layer_t;

/* sizeof(rig_nn_layer_t), for hosts that mirror the struct. */
size_t rig_nn_layer_bytes(void);

#ifdef __cplusplus
}
#endif

#endif
