/*
 * rig_nn_graph.c - the layer loop over the arena (contract: rig_nn_graph.h).
 */
#include "rig_nn_graph.h"

#include "rig_nn_conv.h"
#include "rig_nn_fully_connected.h"
#include "rig_nn_pool.h"
#include "rig_nn_softmax.h"

int rig_nn_layer_run(const rig_nn_layer_t *l, int8_t *arena)
{
    const int8_t *in = arena + l->in_at;
    int8_t *out = arena + l->out_at;
    int32_t i, n;
    /* An if chain, not a switch: Thumb-1 switch tables call a libgcc helper. */
    if (l->kind == RIG_NN_CONV_2D) rig_nn_conv2d(l, in, out);
    else if (l->kind == RIG_NN_DEPTHWISE_CONV_2D) rig_nn_depthwise_conv2d(l, in, out);
    else if (l->kind == RIG_NN_FULLY_CONNECTED) rig_nn_fully_connected(l, in, out);
    else if (l->kind == RIG_NN_AVERAGE_POOL_2D) rig_nn_average_pool2d(l, in, out);
    else if (l->kind == RIG_NN_MAX_POOL_2D) rig_nn_max_pool2d(l, in, out);
    else if (l->kind == RIG_NN_SOFTMAX) rig_nn_softmax(l, in, out);
    else if (l->kind == RIG_NN_RESHAPE) {
        n = l->out_h * l->out_w * l->out_c;
        for (i = 0; i < n; i++) out[i] = in[i];
    } else return -1;
    return 0;
}

int rig_nn_graph_run(const rig_nn_graph_t *g, int8_t *arena, rig_nn_layer_done_t done, void *context)
{
    int32_t i;
    for (i = 0; i < g->count; i++) {
        const rig_nn_layer_t *l = &g->layers[i];
        if (rig_nn_layer_run(l, arena) != 0) return -1;
        if (done != NULL) done(context, i, arena + l->out_at, l->out_h * l->out_w * l->out_c);
    }
    return 0;
}
