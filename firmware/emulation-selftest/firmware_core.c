/*
 * firmware_core.c - selftest program (b): the firmware core (frontend.c + model.c of
 * firmware/core with the generated tables of one profile) on a fixed input, so the lockstep runs
 * the very code the board images ship, compiled with their flags.
 *
 * Input: SELFTEST_COLUMNS frontend columns (default 3; the rig passes it with -D) of a
 * deterministic signal computed at start: a triangle wave plus xorshift noise, integer only (no
 * division: the M0+ images have none). The columns are pushed round-robin into one model window
 * until it is full, then one inference runs. Result: the winning class in bits 0-7 and a 24-bit
 * sum of the scores and columns, so QEMU and the ISS can also be checked on the answer.
 */
#include <stddef.h>
#include <stdint.h>

#include "frontend.h"
#include "model.h"
#include "selftest.h"

#ifndef SELFTEST_COLUMNS
#define SELFTEST_COLUMNS 3
#endif

#define SELFTEST_SAMPLES (RIG_FE_FFT_LEN + RIG_FE_HOP * (SELFTEST_COLUMNS - 1))

static int16_t samples[SELFTEST_SAMPLES];
static int16_t columns[SELFTEST_COLUMNS][RIG_FE_COLUMN_LEN];
static rig_frontend_t frontend;
static rig_model_window_t window;

static void synthesize(void)
{
    uint32_t noise = 0x12345678u;
    uint32_t phase = 0;
    for (size_t i = 0; i < SELFTEST_SAMPLES; ++i) {
        noise ^= noise << 13;
        noise ^= noise >> 17;
        noise ^= noise << 5;
        phase += 0x0B00u; /* triangle period 2^16/0x0B00 ~ 23 samples */
        int32_t tri = (int32_t)(phase & 0xFFFFu) - 0x8000;
        if (tri < 0) tri = -tri;
        samples[i] = (int16_t)((tri - 0x4000) + (int32_t)(noise >> 22) - 512);
    }
}

uint32_t selftest_main(void)
{
    synthesize();
    rig_frontend_init(&frontend);
    uint32_t sum = 0;
    size_t at = 0;
    for (int c = 0; c < SELFTEST_COLUMNS; ++c) {
        int ready = 0;
        while (!ready && at < SELFTEST_SAMPLES) at += rig_frontend_push(&frontend, samples + at, SELFTEST_SAMPLES - at, &ready);
        const int16_t *column = rig_frontend_column(&frontend);
        for (int k = 0; k < RIG_FE_COLUMN_LEN; ++k) {
            columns[c][k] = column[k];
            sum += (uint16_t)column[k];
        }
    }
    rig_model_window_reset(&window);
    for (int c = 0; rig_model_window_count(&window) < RIG_MODEL_WINDOW_COLUMNS; c = (c + 1 == SELFTEST_COLUMNS) ? 0 : c + 1)
        rig_model_window_push(&window, columns[c]);
    int16_t scores[RIG_MODEL_CLASSES];
    int winner = rig_model_infer(&window, scores);
    for (int k = 0; k < RIG_MODEL_CLASSES; ++k) sum += (uint16_t)scores[k];
    return ((sum & 0xFFFFFFu) << 8) | (uint32_t)(winner & 0xFF);
}
