/*
 * model_graph.c - model.h's classifier when the profile's model is a generated int8 graph
 * (rig_model_weights.h defines RIG_MODEL_GRAPH and includes rig_model_graph.h): the window's columns
 * (or its stats, model.c) quantised to the graph's input, the graph run by firmware/core/nn on one arena,
 * Q15 scores from its int8 softmax. Twin: rig/Rig.Model/Graph/GraphClassifier.cs.
 */
#define RIG_MODEL_GRAPH_DATA 1
#include "model.h"

#ifdef RIG_MODEL_GRAPH

#include "nn/rig_nn_input.h"
#include "rig_static_assert.h"

RIG_STATIC_ASSERT(RIG_MODEL_GRAPH_OUTPUTS == RIG_MODEL_CLASSES, "the graph must output one value per class");
#if RIG_MODEL_GRAPH_INPUT_WINDOW
RIG_STATIC_ASSERT(RIG_MODEL_GRAPH_COLUMNS == RIG_MODEL_WINDOW_COLUMNS && RIG_MODEL_GRAPH_BANDS == RIG_MODEL_BANDS,
                  "the graph's window input must be the model window");
#else
RIG_STATIC_ASSERT(RIG_MODEL_GRAPH_INPUT_VALUES == RIG_MODEL_FEATURES, "the graph's stats input must be 2 x bands");
#endif
RIG_STATIC_ASSERT(RIG_MODEL_GRAPH_LAYERS < 255, "a LAYER frame names a layer in one byte (0xFF is the input)");
/* Two windows, the arena and one trace on the stack fit the profile's model budget. */
RIG_STATIC_ASSERT(2 * sizeof(rig_model_window_t) + RIG_MODEL_GRAPH_ARENA_BYTES + sizeof(rig_model_trace_t) <= RIG_MODEL_RAM_BUDGET,
                  "two windows, the graph's arena and a trace exceed the model RAM budget");

/* The one tensor arena. File scope rather than the caller's: model.h's API (shared with the MLP) has no
 * state argument for it, and no inference state survives a call. */
static int8_t rig_model_arena[RIG_MODEL_GRAPH_ARENA_BYTES];

#if RIG_MODEL_GRAPH_INPUT_WINDOW
void rig_model_window_reset(rig_model_window_t *w)
{
    w->count = 0;
}

void rig_model_window_push(rig_model_window_t *w, const int16_t *column)
{
    if (w->count >= RIG_MODEL_WINDOW_COLUMNS) return;
    rig_nn_quantize_input(column, RIG_MODEL_BANDS, RIG_MODEL_GRAPH_INPUT_MULTIPLIER, RIG_MODEL_GRAPH_INPUT_SHIFT,
                          RIG_MODEL_GRAPH_INPUT_ZERO_POINT, w->columns + w->count * RIG_MODEL_BANDS);
    w->count++;
}

uint16_t rig_model_window_count(const rig_model_window_t *w)
{
    return w->count;
}
#endif

int rig_model_trace(const rig_model_window_t *w, rig_model_trace_t *t)
{
    return rig_model_trace_layers(w, t, 0, 0);
}

int rig_model_trace_layers(const rig_model_window_t *w, rig_model_trace_t *t, rig_model_layer_tap_t tap, void *context)
{
    int32_t c, best = 0;
    if (w->count != RIG_MODEL_WINDOW_COLUMNS) {
        for (c = 0; c < RIG_MODEL_CLASSES; c++) t->scores[c] = 0;
        return -1;
    }
#if RIG_MODEL_GRAPH_INPUT_WINDOW
    for (c = 0; c < RIG_MODEL_FEATURES; c++) t->stats[c] = 0;
    for (c = 0; c < RIG_MODEL_GRAPH_INPUT_VALUES; c++) t->inputs[c] = w->columns[c];
#else
    rig_model_window_stats(w, t->stats);
    rig_nn_quantize_input(t->stats, RIG_MODEL_FEATURES, RIG_MODEL_GRAPH_INPUT_MULTIPLIER, RIG_MODEL_GRAPH_INPUT_SHIFT,
                          RIG_MODEL_GRAPH_INPUT_ZERO_POINT, t->inputs);
#endif
    for (c = 0; c < RIG_MODEL_GRAPH_INPUT_VALUES; c++) rig_model_arena[rig_model_graph.input_at + c] = t->inputs[c];
    if (tap != 0) tap(context, -1, t->inputs, RIG_MODEL_GRAPH_INPUT_VALUES);
    if (rig_nn_graph_run(&rig_model_graph, rig_model_arena, tap, context) != 0) return -1;
    for (c = 0; c < RIG_MODEL_CLASSES; c++) {
        t->outputs[c] = rig_model_arena[rig_model_graph.output_at + c];
        t->scores[c] = (int16_t)(((int32_t)t->outputs[c] + 128) << 7);
        if (t->outputs[c] > t->outputs[best]) best = c;
    }
    return (int)best;
}

int rig_model_infer(const rig_model_window_t *w, int16_t scores[RIG_MODEL_CLASSES])
{
    rig_model_trace_t t;
    int c, best = rig_model_trace(w, &t);
    for (c = 0; c < RIG_MODEL_CLASSES; c++) scores[c] = t.scores[c];
    return best;
}

uint32_t rig_model_macs(void)
{
    return RIG_MODEL_GRAPH_MACC;
}

#else
/* An MLP profile: model.c is the classifier (ISO C wants a declaration in every translation unit). */
typedef int rig_model_graph_unused_t;
#endif
