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
 * Energy (protocol v2): BURST runs K inferences back to back on a kept window with the marker pin
 * high for exactly the burst, IDLE sleeps as between hops with the marker high; both answer
 * BURST_DONE with the board_cycles() the marked stretch took (PROTOCOL.md, "Energy").
 *
 * Flow control: HELLO announces RIG_APP_RX_CREDITS; the host keeps at most that many AUDIO
 * frames unacknowledged. The app returns a CREDIT (with the next expected sample offset) as soon
 * as a chunk has left the UART buffer (before processing it), also for a chunk it drops (a gap or
 * a duplicate), so the port's receive ring must hold RIG_APP_RX_CREDITS encoded frames of
 * RIG_APP_RX_MAX_PAYLOAD bytes: ports static_assert that against their ring. Frames lost on the
 * line return no credit; the host's per-frame timeout takes their credit back (PROTOCOL.md).
 */
#ifndef RIG_APP_H
#define RIG_APP_H

#include <stddef.h>
#include <stdint.h>

#include "build_id.h"
#include "frontend.h"
#include "model.h"
#include "protocol.h"

#define RIG_FW_VERSION_MAJOR 1u
#define RIG_FW_VERSION_MINOR 0u
/* HELLO v2 capability byte (protocol.h RIG_CAP_*): this firmware recovers lost frames. */
#ifndef RIG_APP_CAPABILITIES
#define RIG_APP_CAPABILITIES RIG_CAP_FRAME_RECOVERY
#endif

/* Largest AUDIO payload the board accepts: the u32 sample offset (protocol v2) and one hop of Q15
 * samples, capped so that the raw frame is one COBS block (<= 254 bytes). Ports may define a
 * smaller even value (offset + whole samples: an even payload). A port that states
 * its UART ring (RIG_UART_RX_BYTES) also caps it so the ring holds three encoded frames (payload
 * + 8 bytes each): with three credits two frames are on the wire while the CREDIT of the third
 * travels back - behind whatever FEATURE/RESULT bytes the board is sending - and through the
 * host's serial stack, so the host does not leave the wire idle for a round trip (PROTOCOL.md). */
#define RIG_APP_RX_MAX_PAYLOAD_HOP ((RIG_PROTO_AUDIO_HEADER_BYTES + 2u * RIG_FE_HOP) < 248u \
                                        ? (RIG_PROTO_AUDIO_HEADER_BYTES + 2u * RIG_FE_HOP) : 248u)
#define RIG_APP_RX_PAYLOAD_FOR_THREE_FRAMES(ring_bytes) (((((ring_bytes) - 1u) / 3u) - 8u) & ~1u)
#ifndef RIG_APP_RX_MAX_PAYLOAD
#ifdef RIG_UART_RX_BYTES
#define RIG_APP_RX_MAX_PAYLOAD \
    (RIG_APP_RX_MAX_PAYLOAD_HOP < RIG_APP_RX_PAYLOAD_FOR_THREE_FRAMES(RIG_UART_RX_BYTES) \
         ? RIG_APP_RX_MAX_PAYLOAD_HOP : RIG_APP_RX_PAYLOAD_FOR_THREE_FRAMES(RIG_UART_RX_BYTES))
#else
#define RIG_APP_RX_MAX_PAYLOAD RIG_APP_RX_MAX_PAYLOAD_HOP
#endif
#endif
/* AUDIO frames the host may have in flight (the port's UART ring must hold that many). A port
 * that states its ring size (RIG_UART_RX_BYTES, from the profile's serial.rx_buffer_bytes; a
 * byte_ring_t holds one byte less) gets as many credits as the ring holds frames, so the host
 * can keep the wire busy while a CREDIT travels back. */
#ifndef RIG_APP_RX_CREDITS
#ifdef RIG_UART_RX_BYTES
#define RIG_APP_RX_CREDITS ((RIG_UART_RX_BYTES - 1u) / RIG_APP_RX_ENCODED_FRAME_BYTES)
#else
#define RIG_APP_RX_CREDITS 1u
#endif
#endif
/* Credits and AUDIO payload HELLO announces: RIG_APP_RX_CREDITS and RIG_APP_RX_MAX_PAYLOAD,
 * unless the port sizes its ring at run time (the native board paced like a profile's UART
 * defines RIG_APP_PORT_CREDITS and answers with the same rules for the ring it was given). */
#ifdef RIG_APP_PORT_CREDITS
uint8_t rig_port_rx_credits(void);
uint16_t rig_port_rx_max_audio(void); /* at most RIG_APP_RX_MAX_PAYLOAD, even */
#define RIG_APP_HELLO_CREDITS rig_port_rx_credits()
#define RIG_APP_HELLO_MAX_AUDIO rig_port_rx_max_audio()
#else
#define RIG_APP_HELLO_CREDITS ((uint8_t)RIG_APP_RX_CREDITS)
#define RIG_APP_HELLO_MAX_AUDIO ((uint16_t)RIG_APP_RX_MAX_PAYLOAD)
#endif
/* HELLO v3 (PROTOCOL.md): 35 fixed bytes, then u8 length + build id (<= RIG_BUILD_ID_MAX_BYTES),
 * u8 length + chip unique ID (<= RIG_APP_HELLO_UID_MAX), then as much of the board name as fits. */
#define RIG_APP_HELLO_FIXED_BYTES 35u
#define RIG_APP_HELLO_UID_MAX 12u
/* Samples per CAPTURE frame and per board_mic_read() call. */
#define RIG_APP_CAPTURE_SAMPLES 32u
/* Largest board -> host payload: a feature column, a capture chunk, or hello/stats (<= 72). */
#define RIG_APP_TX_MAX_PAYLOAD_COLUMN (8u + 2u * RIG_FE_COLUMN_LEN)
#define RIG_APP_TX_MAX_PAYLOAD (RIG_APP_TX_MAX_PAYLOAD_COLUMN > 72u ? RIG_APP_TX_MAX_PAYLOAD_COLUMN : 72u)
#define RIG_APP_WINDOWS 2u

/* Energy (protocol v2): HELLO announces BURST and IDLE. IDLE sleeps until a clock at
 * board_cycles_hz() that keeps counting while the core sleeps has moved on by the stated ticks:
 * board_cycles() where that is SysTick (the M0+ ports), else the port's RIG_APP_PORT_IDLE_CLOCK:
 * SysTick on the M4 ports (DWT CYCCNT stands still while WFI gates the core clock), wall-clock ns on
 * the native board (its board_cycles() is CPU time). */
#define RIG_APP_ENERGY_CAPABILITIES (RIG_CAP_BURST | RIG_CAP_IDLE)
#ifdef RIG_APP_PORT_IDLE_CLOCK
uint32_t rig_port_idle_clock(void);
#define RIG_APP_IDLE_CLOCK() rig_port_idle_clock()
#else
#define RIG_APP_IDLE_CLOCK() board_cycles()
#endif

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
    /* Frame recovery (PROTOCOL.md): AUDIO is taken only at the next expected sample offset; a
     * frame beyond it is dropped and NAKed once per expected offset and once per host rewind (a
     * gap frame whose offset is not above the previous gap frame's: the host went back). */
    uint32_t audio_next;         /* next expected AUDIO sample offset since START */
    uint32_t nak_offset;         /* the offset last NAKed (valid when nak_sent) */
    uint32_t last_gap;           /* offset of the last dropped gap frame */
    uint8_t nak_sent;
    uint8_t tx_seq;
    uint8_t mode;
    uint8_t stream;
    uint8_t running;
    /* Energy: the slot of the last window inferred, while it still holds that whole window. */
    uint8_t last_slot;
    uint8_t last_valid;        /* 0 once a new window reuses the slot */
    uint8_t last_since_start;  /* the last window came from audio sent since START */
} rig_app_t;

void rig_app_init(rig_app_t *app);
void rig_app_poll(rig_app_t *app);

#endif /* RIG_APP_H */
