#include "cobs.h"

size_t rig_cobs_encode_to(const uint8_t *src, size_t n, rig_cobs_sink_t sink)
{
    size_t out = 0;
    size_t start = 0;
    /* Each block: a code byte (1 + length of the zero-free run, 0xFF for a full 254 run),
     * then the run. A zero in the data ends a run and is implied by the code. */
    for (;;) {
        size_t run = 0;
        while (start + run < n && src[start + run] != 0 && run < 254u) run++;
        uint8_t code = (uint8_t)(run + 1u);
        sink(&code, 1);
        if (run != 0) sink(src + start, run);
        out += 1u + run;
        start += run;
        if (run == 254u) {
            if (start == n) break; /* exactly full final block: no trailing zero implied */
            continue;
        }
        if (start >= n) break;
        start++; /* skip the zero the code implies */
    }
    return out;
}

size_t rig_cobs_encode(const uint8_t *src, size_t n, uint8_t *dst)
{
    size_t code_at = 0;
    size_t out = 1;
    uint8_t code = 1;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == 0) {
            dst[code_at] = code;
            code_at = out++;
            code = 1;
            continue;
        }
        dst[out++] = src[i];
        if (++code == 0xFFu) {
            dst[code_at] = code;
            if (i + 1u == n) return out; /* full final block: nothing implied after it */
            code_at = out++;
            code = 1;
        }
    }
    dst[code_at] = code;
    return out;
}

int rig_cobs_decode_in_place(uint8_t *buf, size_t n)
{
    size_t in = 0;
    size_t out = 0;
    while (in < n) {
        uint8_t code = buf[in++];
        if (code == 0) return -1;
        size_t run = (size_t)code - 1u;
        if (in + run > n) return -1;
        for (size_t i = 0; i < run; i++) {
            if (buf[in] == 0) return -1;
            buf[out++] = buf[in++];
        }
        if (code != 0xFFu && in < n) buf[out++] = 0;
    }
    return (int)out;
}
