/*
 * protocol.h - the rig wire protocol (firmware/PROTOCOL.md is the specification; the C# twin
 * is rig/Rig.Protocol). A frame on the wire is COBS(raw) followed by one 0x00 delimiter, where
 *     raw = version(1) type(1) seq(1) len(1) payload(len) crc16(2, little-endian)
 * and the CRC-16/CCITT-FALSE covers version..payload. Multi-byte payload fields are little-endian.
 * Each direction numbers its frames with its own 8-bit sequence; a gap exposes dropped frames.
 *
 * Buffers are the caller's (app.h sizes them): the host never sends a payload longer than the
 * board's HELLO announces, and a longer frame is counted as oversize and skipped.
 */
#ifndef RIG_PROTOCOL_H
#define RIG_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

#include "rig_static_assert.h"
#include "cobs.h"

/* Version 2 (PROTOCOL.md): HELLO capability byte, AUDIO sample offsets, cumulative CREDIT, NAK,
 * START from a column, BURST/IDLE. Version 3: HELLO carries the image's build id and the chip's
 * unique ID (frames are otherwise as in version 2). The receiver accepts frames of versions RIG_PROTO_MIN_VERSION..RIG_PROTO_VERSION
 * (a host speaks version 1 until it has read the board's HELLO). */
#define RIG_PROTO_VERSION 3u
#define RIG_PROTO_MIN_VERSION 1u
#define RIG_PROTO_HEADER_BYTES 4u
#define RIG_PROTO_CRC_BYTES 2u
#define RIG_PROTO_OVERHEAD (RIG_PROTO_HEADER_BYTES + RIG_PROTO_CRC_BYTES)

/* The length field is one byte, so no payload exceeds 255 bytes. */
#define RIG_PROTO_MAX_PAYLOAD 255u
RIG_STATIC_ASSERT(RIG_PROTO_MAX_PAYLOAD + RIG_PROTO_OVERHEAD < RIG_COBS_MAX_ENCODED_LIMIT,
                  "RIG_COBS_MAX_ENCODED is exact only below RIG_COBS_MAX_ENCODED_LIMIT bytes");
/* Receive buffer for frames of up to max_payload bytes (COBS-encoded, without the delimiter). */
#define RIG_PROTO_RX_BUFFER_BYTES(max_payload) RIG_COBS_MAX_ENCODED((max_payload) + RIG_PROTO_OVERHEAD)
/* Raw transmit buffer for payloads of up to max_payload bytes. */
#define RIG_PROTO_TX_BUFFER_BYTES(max_payload) ((max_payload) + RIG_PROTO_OVERHEAD)

/* Message types. Host -> board below 0x80, board -> host from 0x80. */
enum {
    RIG_MSG_PING = 0x01,      /* u32 token                     -> PONG u32 token */
    RIG_MSG_RESET = 0x02,     /* -                             -> board restarts, then HELLO */
    RIG_MSG_CONFIGURE = 0x03, /* u8 mode, u8 stream flags, u16 window columns, u16 window hop */
    RIG_MSG_AUDIO = 0x04,     /* v2: u32 sample offset since START, i16 samples[]; costs one credit */
    RIG_MSG_START = 0x05,     /* [u32 first column] (frontend and windows restart; v2: at that column) */
    RIG_MSG_STOP = 0x06,      /* -                             -> STATS */
    RIG_MSG_MARK = 0x07,      /* u8 level (marker pin for power windows) */
    RIG_MSG_HELLO_REQ = 0x08, /* -                             -> HELLO */
    RIG_MSG_BURST = 0x09,     /* u8 flags, u32 K, u32 cycle budget -> BURST_DONE (v2, energy) */
    RIG_MSG_IDLE = 0x0A,      /* u32 cycles to sleep           -> BURST_DONE (v2, energy) */

    RIG_MSG_HELLO = 0x80,
    RIG_MSG_PONG = 0x81,
    RIG_MSG_FEATURE = 0x82,   /* u32 column index, u32 cycles, i16 values[] */
    RIG_MSG_RESULT = 0x83,    /* u32 window, u8 class, u8 n, i16 scores[n], u32 frontend cycles, u32 model cycles */
    RIG_MSG_STATS = 0x84,
    RIG_MSG_LOG = 0x85,       /* text */
    RIG_MSG_ERROR = 0x86,     /* u8 code, text */
    RIG_MSG_CREDIT = 0x87,    /* u8 credits returned; v2: u32 next expected AUDIO sample offset, u8 seq of the AUDIO frame taken */
    RIG_MSG_CAPTURE = 0x88,   /* u32 first sample index, i16 samples[] */
    RIG_MSG_ACK = 0x89,       /* u8 type of the CONFIGURE, START or MARK acknowledged */
    RIG_MSG_STAGE = 0x8A,     /* u32 column, u8 stage, i8 shift, u16 offset, values (int16, or uint32 for power/mel) */
    RIG_MSG_NAK = 0x8B,       /* u32 next expected AUDIO sample offset (an AUDIO frame was lost) */
    RIG_MSG_BURST_DONE = 0x8C, /* u8 request type, u8 status, u32 inferences, u32 cycles (v2, energy) */
    RIG_MSG_LAYER = 0x8D      /* u32 window, u8 layer (0xFF = the graph's int8 input), u32 offset, int8 values[] (debug) */
};
enum { RIG_MODE_INJECT = 0, RIG_MODE_ACOUSTIC = 1 };
/* HELLO v2 capability bits (payload offset 34). */
enum { RIG_CAP_FRAME_RECOVERY = 0x01u, RIG_CAP_BURST = 0x02u, RIG_CAP_IDLE = 0x04u };
/* BURST flags: run the frontend over a hop of columns before each inference; run on the window
 * completed from the host's AUDIO since the last START (else the last window since boot). */
enum { RIG_BURST_FRONTEND = 1u, RIG_BURST_HOST_WINDOW = 2u };
/* BURST_DONE status: all K done; stopped when the cycle budget ran out (inferences says how many);
 * no window to run on (nothing run, marker never raised). */
enum { RIG_BURST_OK = 0, RIG_BURST_OVER_BUDGET = 1, RIG_BURST_NO_WINDOW = 2 };
enum { RIG_STREAM_FEATURES = 1u, RIG_STREAM_RESULTS = 2u, RIG_STREAM_CAPTURE = 4u, RIG_STREAM_STAGES = 8u, RIG_STREAM_LAYERS = 16u };
enum {
    RIG_ERR_BAD_FRAME = 1, RIG_ERR_UNKNOWN_TYPE = 2, RIG_ERR_BAD_LENGTH = 3, RIG_ERR_BAD_CONFIG = 4,
    RIG_ERR_NO_CREDIT = 5, RIG_ERR_NOT_RUNNING = 6
};

/* A decoded frame; payload points into the receiver's buffer until the next byte is fed. */
typedef struct {
    uint8_t type;
    uint8_t seq;
    uint8_t len;
    const uint8_t *payload;
} rig_proto_frame_t;

/* The receiver decodes COBS as the bytes arrive (one pass over each byte, no decode in place at the
 * delimiter): buf holds the decoded bytes so far, encoded counts the frame's bytes on the wire (the
 * oversize rule is on the encoding), run_left the data bytes left in the current COBS block, code its
 * code byte (0xFF: no zero implied after it; also the state before a frame's first code byte). */
typedef struct {
    uint8_t *buf;          /* caller's, RIG_PROTO_RX_BUFFER_BYTES(max_payload) bytes */
    uint16_t capacity;
    uint16_t max_payload;
    uint16_t fill;         /* decoded bytes in buf */
    uint16_t encoded;      /* encoded bytes of the frame so far (<= capacity) */
    uint8_t run_left;
    uint8_t code;
    uint8_t discarding;  /* an oversize frame: drop bytes up to the next delimiter */
    uint8_t have_seq;
    uint8_t next_seq;
    uint32_t frames;
    uint32_t bad_frames;   /* COBS, CRC, version or length errors */
    uint32_t oversize;
    uint32_t dropped;      /* sequence gaps */
} rig_proto_rx_t;

/* buf holds RIG_PROTO_RX_BUFFER_BYTES(max_payload) bytes; longer frames count as oversize. */
void rig_proto_rx_init(rig_proto_rx_t *rx, uint8_t *buf, uint16_t max_payload);

/* Feeds one byte; returns 1 and fills *frame when it completed a valid frame. */
int rig_proto_rx_byte(rig_proto_rx_t *rx, uint8_t byte, rig_proto_frame_t *frame);

/* Feeds bytes src[0..n) as rig_proto_rx_byte would one by one, but stops right after the delimiter
 * of a valid frame: then *frame is filled and *complete is 1 (the frame lives until the next byte is
 * fed), else *complete is 0. Returns the bytes taken; the caller feeds the rest after the frame. */
size_t rig_proto_rx_bytes(rig_proto_rx_t *rx, const uint8_t *src, size_t n, rig_proto_frame_t *frame, int *complete);

/* Sends the frame whose payload the caller already wrote at raw + RIG_PROTO_HEADER_BYTES
 * (raw has RIG_PROTO_TX_BUFFER_BYTES(payload_len) bytes). Fills the header and CRC and streams COBS + 0x00
 * through sink. */
void rig_proto_send(uint8_t *raw, uint8_t type, uint8_t seq, size_t payload_len, rig_cobs_sink_t sink);

/* Frame recovery payloads (v2, PROTOCOL.md "Frame recovery"). Plain functions, not macros, so the
 * host tests can check them against the C# codec through librig_core. */
#define RIG_PROTO_AUDIO_HEADER_BYTES 4u
#define RIG_PROTO_CREDIT_BYTES 6u
#define RIG_PROTO_NAK_BYTES 4u
#define RIG_PROTO_LAYER_HEADER_BYTES 9u
/* CREDIT v2: count frames released, the next expected sample offset, and the frame sequence number
 * of the AUDIO frame just taken (every frame the host sent before it has left the ring too, taken
 * or lost on the line). Returns the payload length. */
size_t rig_proto_put_credit(uint8_t *p, uint8_t count, uint32_t next_offset, uint8_t taken_seq);
/* NAK: the next expected sample offset. Returns the payload length. */
size_t rig_proto_put_nak(uint8_t *p, uint32_t next_offset);
/* AUDIO v2: 1 and the sample offset and count when the payload is an offset plus whole samples. */
int rig_proto_get_audio(const uint8_t *p, size_t len, uint32_t *offset, size_t *samples);
/* START: 1 and the first column (0 without one) for an empty or 4-byte payload, else 0. */
int rig_proto_get_start(const uint8_t *p, size_t len, uint32_t *first_column);

/* Little-endian field helpers. */
static inline void rig_put_u16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static inline void rig_put_u32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}
static inline uint16_t rig_get_u16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static inline uint32_t rig_get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

#endif /* RIG_PROTOCOL_H */
