#include "protocol.h"

#include "crc.h"

/* Ready for a frame's first byte: nothing decoded, and no zero implied before its first code byte. */
static void rig_proto_rx_restart(rig_proto_rx_t *rx)
{
    rx->fill = 0;
    rx->encoded = 0;
    rx->run_left = 0;
    rx->code = 0xFFu;
}

void rig_proto_rx_init(rig_proto_rx_t *rx, uint8_t *buf, uint16_t max_payload)
{
    rx->buf = buf;
    rx->max_payload = max_payload;
    rx->capacity = (uint16_t)RIG_PROTO_RX_BUFFER_BYTES(max_payload);
    rig_proto_rx_restart(rx);
    rx->discarding = 0;
    rx->have_seq = 0;
    rx->next_seq = 0;
    rx->frames = 0;
    rx->bad_frames = 0;
    rx->oversize = 0;
    rx->dropped = 0;
}

static int rig_proto_rx_complete(rig_proto_rx_t *rx, rig_proto_frame_t *frame)
{
    /* A block whose code promised more bytes than came before the delimiter is malformed COBS. */
    size_t n = rx->run_left != 0 ? 0 : rx->fill;
    rig_proto_rx_restart(rx);
    if (n < RIG_PROTO_OVERHEAD) { rx->bad_frames++; return 0; }
    const uint8_t *raw = rx->buf;
    size_t len = raw[3];
    if (raw[0] < RIG_PROTO_MIN_VERSION || raw[0] > RIG_PROTO_VERSION || len + RIG_PROTO_OVERHEAD != n || len > rx->max_payload) {
        rx->bad_frames++;
        return 0;
    }
    uint16_t crc = rig_crc16(RIG_CRC16_INIT, raw, RIG_PROTO_HEADER_BYTES + len);
    if (crc != rig_get_u16(raw + RIG_PROTO_HEADER_BYTES + len)) { rx->bad_frames++; return 0; }
    if (rx->have_seq && raw[2] != rx->next_seq) rx->dropped += (uint8_t)(raw[2] - rx->next_seq);
    rx->have_seq = 1;
    rx->next_seq = (uint8_t)(raw[2] + 1u);
    rx->frames++;
    frame->type = raw[1];
    frame->seq = raw[2];
    frame->len = (uint8_t)len;
    frame->payload = raw + RIG_PROTO_HEADER_BYTES;
    return 1;
}

size_t rig_proto_rx_bytes(rig_proto_rx_t *rx, const uint8_t *src, size_t n, rig_proto_frame_t *frame, int *complete)
{
    const uint8_t *p = src;
    const uint8_t *end = src + n;
    *complete = 0;
    while (p != end) {
        if (rx->discarding) { /* an oversize frame: skip to its delimiter */
            while (p != end && *p != 0) p++;
            if (p == end) break;
            p++;
            rx->discarding = 0;
            rig_proto_rx_restart(rx);
            continue;
        }
        uint8_t b = *p++;
        if (b == 0) {
            if (rx->encoded == 0) continue; /* back-to-back delimiters are idle line, not errors */
            if (rig_proto_rx_complete(rx, frame)) { *complete = 1; break; }
            continue;
        }
        if (rx->encoded == rx->capacity) {
            rx->oversize++;
            rx->discarding = 1;
            rig_proto_rx_restart(rx);
            continue;
        }
        rx->encoded++;
        if (rx->run_left == 0) { /* a code byte: the zero the block before implied, then code - 1 data bytes */
            if (rx->code != 0xFFu) rx->buf[rx->fill++] = 0;
            rx->code = b;
            rx->run_left = (uint8_t)(b - 1u);
            continue;
        }
        /* Data: b and the rest of the block in one loop, up to the end of the input, the room left
         * for the encoding (the next byte then takes the oversize path) or a delimiter. */
        uint8_t *start = rx->buf + rx->fill;
        uint8_t *dst = start;
        *dst++ = b;
        size_t k = (size_t)rx->run_left - 1u;
        if (k > (size_t)(end - p)) k = (size_t)(end - p);
        if (k > (size_t)(rx->capacity - rx->encoded)) k = (size_t)(rx->capacity - rx->encoded);
        const uint8_t *stop = p + k;
        while (p != stop && *p != 0) *dst++ = *p++;
        size_t copied = (size_t)(dst - start);
        rx->fill = (uint16_t)(rx->fill + copied);
        rx->encoded = (uint16_t)(rx->encoded + copied - 1u);
        rx->run_left = (uint8_t)(rx->run_left - copied);
    }
    return (size_t)(p - src);
}

int rig_proto_rx_byte(rig_proto_rx_t *rx, uint8_t byte, rig_proto_frame_t *frame)
{
    int complete;
    (void)rig_proto_rx_bytes(rx, &byte, 1, frame, &complete);
    return complete;
}

void rig_proto_send(uint8_t *raw, uint8_t type, uint8_t seq, size_t payload_len, rig_cobs_sink_t sink)
{
    static const uint8_t delimiter = 0;
    raw[0] = RIG_PROTO_VERSION;
    raw[1] = type;
    raw[2] = seq;
    raw[3] = (uint8_t)payload_len;
    rig_put_u16(raw + RIG_PROTO_HEADER_BYTES + payload_len,
                rig_crc16(RIG_CRC16_INIT, raw, RIG_PROTO_HEADER_BYTES + payload_len));
    rig_cobs_encode_to(raw, payload_len + RIG_PROTO_OVERHEAD, sink);
    sink(&delimiter, 1);
}

size_t rig_proto_put_credit(uint8_t *p, uint8_t count, uint32_t next_offset, uint8_t taken_seq)
{
    p[0] = count;
    rig_put_u32(p + 1, next_offset);
    p[5] = taken_seq;
    return RIG_PROTO_CREDIT_BYTES;
}

size_t rig_proto_put_nak(uint8_t *p, uint32_t next_offset)
{
    rig_put_u32(p, next_offset);
    return RIG_PROTO_NAK_BYTES;
}

int rig_proto_get_audio(const uint8_t *p, size_t len, uint32_t *offset, size_t *samples)
{
    if (len < RIG_PROTO_AUDIO_HEADER_BYTES || ((len - RIG_PROTO_AUDIO_HEADER_BYTES) & 1u) != 0) return 0;
    *offset = rig_get_u32(p);
    *samples = (len - RIG_PROTO_AUDIO_HEADER_BYTES) >> 1;
    return 1;
}

int rig_proto_get_start(const uint8_t *p, size_t len, uint32_t *first_column)
{
    if (len == 0) { *first_column = 0; return 1; }
    if (len != 4) return 0;
    *first_column = rig_get_u32(p);
    return 1;
}
