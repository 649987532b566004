/*
 * rig_nn_graph.h - runs a planned int8 model: its layers in order over one caller-owned arena
 * (twin: rig/Rig.Model/Graph/GraphInterpreter.cs; the layers and offsets come from the generated
 * rig_model_graph.h, written by rig/Rig.Model/Graph/GraphHeaderWriter.cs).
 *
 * The caller writes the input's input_bytes int8 values at arena + input_at, calls rig_nn_graph_run,
 * and reads output_bytes values at arena + output_at. The arena is arena_bytes long and holds nothing
 * else between runs that the model needs (no state survives a run). `done`, when not NULL, is called
 * after every layer with its index and output (the rig's layer-by-layer diff). RESHAPE copies its
 * bytes (the planner gives it a buffer of its own). No allocation, no recursion; stack: one kernel frame.
 * Returns 0, or -1 (and stops) at a layer of an unknown kind.
 */
#ifndef RIG_NN_GRAPH_H
#define RIG_NN_GRAPH_H

#include "rig_nn_layer.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    const rig_nn_layer_t *layers;
    int32_t count;
    int32_t arena_bytes;
    int32_t input_at, input_bytes;
    int32_t output_at, output_bytes;
} rig_nn_graph_t;

typedef void (*rig_nn_layer_done_t)(void *context, int32_t index, const int8_t *output, int32_t bytes);

/* One layer on the arena; 0, or -1 for an unknown kind. */
int rig_nn_layer_run(const rig_nn_layer_t *l, int8_t *arena);
int rig_nn_graph_run(const rig_nn_graph_t *g, int8_t *arena, rig_nn_layer_done_t done, void *context);

#ifdef __cplusplus
}
#endif

#endif
