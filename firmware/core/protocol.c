#include "protocol.h"

#include "crc.h"

void rig_proto_rx_init(rig_proto_rx_t *rx, uint8_t *buf, uint16_t max_payload)
{
    rx->buf = buf;
    rx->max_payload = max_payload;
    rx->capacity = (uint16_t)RIG_PROTO_RX_BUFFER_BYTES(max_payload);
    rx->fill = 0;
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
    int n = rig_cobs_decode_in_place(rx->buf, rx->fill);
    rx->fill = 0;
    if (n < (int)RIG_PROTO_OVERHEAD) { rx->bad_frames++; return 0; }
    const uint8_t *raw = rx->buf;
    size_t len = raw[3];
    if (raw[0] < RIG_PROTO_MIN_VERSION || raw[0] > RIG_PROTO_VERSION || len + RIG_PROTO_OVERHEAD != (size_t)n || len > rx->max_payload) {
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

int rig_proto_rx_byte(rig_proto_rx_t *rx, uint8_t byte, rig_proto_frame_t *frame)
{
    if (byte == 0) {
        if (rx->discarding) { rx->discarding = 0; rx->fill = 0; return 0; }
        if (rx->fill == 0) return 0; /* back-to-back delimiters are idle line, not errors */
        return rig_proto_rx_complete(rx, frame);
    }
    if (rx->discarding) return 0;
    if (rx->fill == rx->capacity) {
        rx->oversize++;
        rx->discarding = 1;
        rx->fill = 0;
        return 0;
    }
    rx->buf[rx->fill++] = byte;
    return 0;
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
