/*
 * main.c - the native virtual board: the same firmware main loop as on a chip, run on this
 * machine behind a pseudo-terminal. The rig starts it, reads "RIG_BOARD_PTY <path>" from its
 * stdout, and opens that path with System.IO.Ports like a USB serial port. The board exits when
 * its stdin closes (the rig went away).
 */
#include <setjmp.h>

#include "app.h"
#include "board.h"
#include "native_board.h"

int main(int argc, char **argv)
{
    static native_board_options_t options;
    static rig_app_t app; /* caller-owned, static: same as on a chip */
    native_board_parse(argc, argv, &options);
    native_board_set_options(&options);
    board_init();
    /* A host RESET lands here: the app restarts from scratch on the same pseudo-terminal. */
    (void)setjmp(native_board_reset_point);
    rig_app_init(&app);
    for (;;) rig_app_poll(&app);
}
