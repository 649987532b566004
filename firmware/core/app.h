/*
 * app.h - the firmware main loop (implementation: app.c). A port's main() is:
 *     board_init();
 *     static rig_app_t app;            (caller-owned; no allocation anywhere)
 *     rig_app_init(&app);
 *     for (;;) rig_app_poll(&app);     (returns after at most one unit of work; the app calls
 *                                       board_idle() itself when there is nothing to do)
 *
 * What one poll does: drain the UART through the frame decoder and act on complete frames
 * (firmware/PROTOCOL.md); in inject mode an AUDIO frame's samples go through the frontend; in
 * acoustic mode the samples come from board_mic_read() (and are echoed as CAPTURE frames when the
 * host asked, so the golden model sees exactly what the board heard). Every finished feature
 * column is sent (FEATURE, with the board_cycles() the frontend spent on it) and pushed into the
 * classifier windows: RIG_MODEL_WINDOW_COLUMNS columns, a new window every half window, two
 * model windows alive at once. Each full window is inferred and sent as RESULT (per window;
 * the rig aggregates per clip with the profile's mean or vote).
 *
 * Flow control: HELLO announces RIG_APP_RX_CREDITS; the host keeps at most that many AUDIO
 * frames unacknowledged. The app returns a CREDIT as soon as a chunk has left the UART
 * buffer (before processing it), so the port's receive ring must hold RIG_APP_RX_CREDITS
 * encoded frames of RIG_APP_RX_MAX_PAYLOAD bytes: ports static_assert that against their ring.
 */
#ifndef RIG_APP_H
#define RIG_APP_H

#include <stddef.h>
#include <stdint.h>

#include "frontend.h"
#include "model.h"
#include "protocol.h"

#define RIG_FW_VERSION_MAJOR 1u
#define RIG_FW_VERSION_MINOR 0u

/* Largest AUDIO payload the board accepts: one hop of Q15 samples, capped so that the raw frame
 * is one COBS block (<= 254 bytes). Ports may define a smaller even value. */
#ifndef RIG_APP_RX_MAX_PAYLOAD
#define RIG_APP_RX_MAX_PAYLOAD ((2u * RIG_FE_HOP) < 248u ? (2u * RIG_FE_HOP) : 248u)
#endif
/* AUDIO frames the host may have in flight (the port's UART ring must hold that many). */
#ifndef RIG_APP_RX_CREDITS
#define RIG_APP_RX_CREDITS 1u
#endif
/* Samples per CAPTURE frame and per board_mic_read() call. */
#define RIG_APP_CAPTURE_SAMPLES 32u
/* Largest board -> host payload: a feature column, a capture chunk, or hello/stats (<= 72). */
#define RIG_APP_TX_MAX_PAYLOAD_COLUMN (8u + 2u * RIG_FE_COLUMN_LEN)
#define RIG_APP_TX_MAX_PAYLOAD (RIG_APP_TX_MAX_PAYLOAD_COLUMN > 72u ? RIG_APP_TX_MAX_PAYLOAD_COLUMN : 72u)
#define RIG_APP_WINDOWS 2u

#define RIG_APP_RX_ENCODED_FRAME_BYTES (RIG_PROTO_RX_BUFFER_BYTES(RIG_APP_RX_MAX_PAYLOAD) + 1u)

typedef struct {
    rig_frontend_t fe;
    rig_model_window_t windows[RIG_APP_WINDOWS];
    uint32_t window_index[RIG_APP_WINDOWS];   /* which window of the stream each slot holds */
    uint32_t window_cycles[RIG_APP_WINDOWS];  /* frontend cycles of the columns in the slot */
    uint8_t window_active[RIG_APP_WINDOWS];
    rig_proto_rx_t rx;
    uint8_t rx_buf[RIG_PROTO_RX_BUFFER_BYTES(RIG_APP_RX_MAX_PAYLOAD)];
    uint8_t tx[RIG_PROTO_TX_BUFFER_BYTES(RIG_APP_TX_MAX_PAYLOAD)];
    int16_t samples[RIG_APP_CAPTURE_SAMPLES];  /* unpacked audio / mic capture */
    uint32_t column_index;       /* columns since START */
    uint32_t next_window;        /* index of the next window to open */
    uint16_t columns_to_window;  /* columns until the next window opens */
    uint32_t pending_cycles;     /* frontend cycles since the last column */
    uint32_t captured;           /* mic samples since START */
    uint32_t results;
    uint8_t tx_seq;
    uint8_t mode;
    uint8_t stream;
    uint8_t running;
} rig_app_t;

void rig_app_init(rig_app_t *app);
void rig_app_poll(rig_app_t *app);

#endif /* RIG_APP_H */
