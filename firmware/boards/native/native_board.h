/*
 * native_board.h - options of the native virtual board (the board.h port for this machine).
 * main.c parses argv into these before board_init(); board.c implements board.h with them.
 */
#ifndef RIG_NATIVE_BOARD_H
#define RIG_NATIVE_BOARD_H

#include <setjmp.h>
#include <stdint.h>

typedef struct {
    const char *name;            /* board_name(), default "native-<profile>" */
    const char *mic_path;        /* FIFO or file of raw Q15 little-endian samples (acoustic mode) */
    const char *pty_link;        /* optional: also write the pty path into this file */
    uint64_t uart_baud;          /* 0 = the pty as fast as it goes; else paced like this UART (uart_wire.h) */
    uint64_t uart_rx_bytes;      /* the paced board's UART RX ring (the profile's serial.rx_buffer_bytes) */
    uint64_t fault_reset_after;  /* test hook: one board_reset() once this many bytes arrived (0 = off) */
    uint64_t fault_silent_after; /* test hook: go silent for good after this many bytes (0 = off) */
    const char *power_line;      /* optional FIFO: the marker pin and run/sleep edges, for the rig's
                                    virtual GPIO line and power model (native_power_line.h) */
} native_board_options_t;

/* Parses --mic, --name, --pty-link, --uart-baud, --uart-rx-bytes, --fault-reset-after, --fault-silent-after,
 * --power-line; exits with a
 * message on bad arguments. */
void native_board_parse(int argc, char **argv, native_board_options_t *opt);
void native_board_set_options(const native_board_options_t *opt);

/* board_reset() jumps back here (main re-runs rig_app_init on the same pseudo-terminal). */
extern jmp_buf native_board_reset_point;

#endif /* RIG_NATIVE_BOARD_H */
