/*
 * main.c - the firmware entry point shared by the Cortex-M ports: bring the board up and run the
 * portable app loop (firmware/core/app.h). The app calls board_idle() (WFI) when it has nothing to
 * do, so the core sleeps between hops.
 */
#include "app.h"
#include "board.h"
#include "frontend.h"
#include "model.h"
#include "rig_meta.h"

/* Sizes of the caller-owned core state for `rig mem`. */
RIG_META_SIZEOF(rig_frontend_t);
RIG_META_SIZEOF(rig_model_window_t);
RIG_META_SIZEOF(rig_app_t);

int main(void)
{
    board_init();
    static rig_app_t app; /* caller-owned, static: no allocation */
    rig_app_init(&app);
    for (;;) rig_app_poll(&app);
}
