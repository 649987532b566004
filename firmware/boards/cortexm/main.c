/*
 * main.c - the firmware entry point shared by the Cortex-M ports: bring the board up and run the
 * portable app loop (firmware/core/app.h). The app calls board_idle() (WFI) when it has nothing to
 * do, so the core sleeps between hops.
 *
 * RIG_HAVE_APP is defined by CMake once firmware/core/app.c exists. Before that the image runs a
 * bring-up loop that exercises every board function (UART echo, microphone drain, marker, idle)
 * so the drivers are linked and measured like in the real image.
 */
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "rig_meta.h"

/* Sizes of the caller-owned core state for `rig mem` (defined once the modules exist). */
#ifdef RIG_HAVE_FRONTEND
#include "frontend.h"
RIG_META_SIZEOF(rig_frontend_t);
#endif
#ifdef RIG_HAVE_MODEL
#include "model.h"
RIG_META_SIZEOF(rig_model_window_t);
#endif

#ifdef RIG_HAVE_APP
#include "app.h"
RIG_META_SIZEOF(rig_app_t);

int main(void)
{
    board_init();
    static rig_app_t app; /* caller-owned, static: no allocation */
    rig_app_init(&app);
    for (;;) rig_app_poll(&app);
}
#else
int main(void)
{
    board_init();
    board_mic_start();
    for (;;) {
        uint8_t rx[16];
        int16_t pcm[16];
        size_t n = board_uart_read(rx, sizeof rx);
        if (n != 0) board_uart_write(rx, n);
        board_marker(1);
        size_t got = board_mic_read(pcm, sizeof pcm / sizeof pcm[0]);
        board_marker(0);
        if (got == 0 && n == 0) board_idle();
    }
}
#endif
