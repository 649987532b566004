/*
 * uart_wire.h - the wire of a UART, modelled on the native board's pseudo-terminal, so a virtual
 * run takes as long as the same bytes would on a real 8N1 UART (firmware/PROTOCOL.md, "Wire time").
 *
 * One byte is 10 bit times (start, 8 data, stop) at the profile's baud, and the two directions
 * are independent (full duplex):
 *  - host -> board: the host's bytes wait in the pty (the USB adapter's buffer on a real rig) and
 *    the wire moves them into the board's RX ring (serial.rx_buffer_bytes, a byte_ring_t exactly
 *    like the Cortex-M ports') no faster than one per byte time; a byte that lands on a full ring
 *    is lost and counted as an overrun, as on a chip. So the host's credits are really tested.
 *  - board -> host: board_uart_write() fills a TX ring (one whole encoded frame, like the ports'),
 *    waiting while it is full; the wire hands each byte to the host when its stop bit is done.
 *
 * Token bucket on CLOCK_MONOTONIC: while a direction is busy, bytes due = elapsed * baud / 10,
 * counted from when the wire last went busy. An idle wire earns nothing: when host bytes show up
 * on an idle line the first one starts when the board notices it, so the model is never faster
 * than a UART (at most one wake-up late per burst).
 */
#ifndef RIG_UART_WIRE_H
#define RIG_UART_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "byte_ring.h"

typedef struct {
    uint64_t origin_ns; /* when this busy spell began */
    uint64_t done;      /* bytes finished on the wire since origin */
    int busy;
} uart_wire_dir_t;

typedef struct {
    int fd;               /* pty master, non-blocking */
    uint32_t baud;
    byte_ring_t rx;       /* board's UART receive ring (the port's serial.rx_buffer_bytes) */
    byte_ring_t tx;       /* board's UART transmit ring */
    uart_wire_dir_t in;   /* host -> board */
    uart_wire_dir_t out;  /* board -> host */
    uint64_t overruns;    /* bytes lost on a full RX ring */
} uart_wire_t;

/* Storage is the caller's: rx_buf/rx_size is the RX ring (capacity rx_size - 1, as byte_ring_t). */
void uart_wire_init(uart_wire_t *w, int fd, uint32_t baud, uint8_t *rx_buf, uint16_t rx_size,
                    uint8_t *tx_buf, uint16_t tx_size);

/* Lost ring contents on a board reset (the pty keeps whatever the host already sent). */
void uart_wire_reset(uart_wire_t *w);

/* Moves whatever each direction's wire has carried by now. */
void uart_wire_pump(uart_wire_t *w);

/* Copies up to max bytes out of the RX ring (after pumping); never blocks. */
size_t uart_wire_read(uart_wire_t *w, uint8_t *dst, size_t max);

/* Queues n bytes for the host, waiting (one byte time at a time) while the TX ring is full. */
void uart_wire_write(uart_wire_t *w, const uint8_t *src, size_t n);

/* For board_idle(): whether there are received bytes to hand out now; otherwise how long until
 * the wire has something to do (ns, capped by max_ns) and whether to watch the pty for new host
 * bytes (only while the inbound wire is idle: while it is busy the clock, not the pty, decides). */
int uart_wire_ready(const uart_wire_t *w);
uint64_t uart_wire_wait_ns(const uart_wire_t *w, uint64_t max_ns, int *watch_pty);

#endif /* RIG_UART_WIRE_H */
