/*
 * model.h - the on-device classifier (contract; the implementation is model.c and the weights
 * come from firmware/generated/<profile>/rig_model_weights.h, written by `rig train`).
 *
 * The model sees a window of feature columns without storing it: the caller pushes columns
 * into a rig_model_window_t as they are produced (summary statistics accumulate in place),
 * then asks for an inference when the window is full. Overlapping windows are two window
 * structs offset by the window hop. Integer only: no float, no division per column, no malloc.
 *
 * API (signatures fixed; the struct layout belongs to model.c's author):
 *   void     rig_model_window_reset(rig_model_window_t *w);
 *   void     rig_model_window_push(rig_model_window_t *w, const int16_t *column);
 *   uint16_t rig_model_window_count(const rig_model_window_t *w);
 *   int      rig_model_infer(const rig_model_window_t *w, int16_t scores[RIG_MODEL_CLASSES]);
 *            -> index of the winning class; scores are Q15, one per class in label order
 *               (jackhammer, dog_bark, disco, jazz, metal, background).
 *   uint32_t rig_model_macs(void);   multiply-accumulates per inference
 */
#ifndef RIG_MODEL_H
#define RIG_MODEL_H
#include <stdint.h>
#define RIG_MODEL_CLASSES 6
#endif
