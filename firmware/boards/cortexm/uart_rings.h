/*
 * uart_rings.h - the sizes a port's UART rings must have for the app's flow control (app.h):
 * the RX ring holds RIG_APP_RX_CREDITS encoded AUDIO frames (the host may have that many in
 * flight before a CREDIT returns), the TX ring one whole encoded frame of the largest payload
 * (a send then never waits on the wire, which in acoustic mode would overrun the mic ring).
 * Checked at compile time; a ring is a byte_ring_t, so its capacity is its size minus one.
 */
#ifndef RIG_UART_RINGS_H
#define RIG_UART_RINGS_H

#include "app.h"
#include "rig_static_assert.h"

#define RIG_PORT_CHECK_UART_RINGS(rx_bytes, tx_bytes)                                                      \
    RIG_STATIC_ASSERT((rx_bytes) - 1u >= RIG_APP_RX_CREDITS * RIG_APP_RX_ENCODED_FRAME_BYTES,              \
                      "UART RX ring must hold RIG_APP_RX_CREDITS encoded AUDIO frames (app.h)");           \
    RIG_STATIC_ASSERT((tx_bytes) - 1u >= RIG_COBS_MAX_ENCODED(RIG_PROTO_TX_BUFFER_BYTES(RIG_APP_TX_MAX_PAYLOAD)) + 1u, \
                      "UART TX ring must hold one whole encoded frame")

#endif
