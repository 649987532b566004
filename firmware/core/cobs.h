/*
 * cobs.h - Consistent Overhead Byte Stuffing (Cheshire & Baker, 1999). An encoded frame holds no
 * zero byte, so 0x00 delimits frames on the wire and a receiver resynchronises at the next zero
 * after garbage. Overhead: one byte per 254 bytes of data plus one.
 *
 * Encoding streams through a caller-supplied sink (no output buffer: the board sends the code
 * byte, then the run of data straight from the raw frame). Decoding works in place, because a
 * decoded frame is never longer than its encoding.
 */
#ifndef RIG_COBS_H
#define RIG_COBS_H

#include <stddef.h>
#include <stdint.h>

/* Worst-case encoded size of n data bytes (without the 0x00 delimiter): n + floor(n / 254) + 1,
 * written without a division for n < 508 (every frame of the rig protocol: raw <= 261 bytes),
 * so a run-time argument (rig_proto_rx_init) costs no libgcc __aeabi_uidiv on a Cortex-M0+. */
#define RIG_COBS_MAX_ENCODED_LIMIT 508u
#define RIG_COBS_MAX_ENCODED(n) ((n) + ((n) >= 254u ? 1u : 0u) + 1u)

typedef void (*rig_cobs_sink_t)(const uint8_t *bytes, size_t n);

/* Encodes n bytes through sink (the delimiter is not written). Returns the encoded length. */
size_t rig_cobs_encode_to(const uint8_t *src, size_t n, rig_cobs_sink_t sink);

/* Encodes into dst (capacity RIG_COBS_MAX_ENCODED(n)); returns the encoded length. */
size_t rig_cobs_encode(const uint8_t *src, size_t n, uint8_t *dst);

/* Decodes buf[0..n) in place (n bytes without the delimiter). Returns the decoded length, or
 * -1 when the encoding is malformed (a zero byte, or a code running past the end). */
int rig_cobs_decode_in_place(uint8_t *buf, size_t n);

#endif /* RIG_COBS_H */
