/*
 * mic_reader.h - the consumer side of a microphone DMA ring. The DMA engine writes samples
 * circularly into a port-owned buffer of n entries (n a power of two); the port knows how many
 * it has written in total (laps * n + position, or a transfer count). This helper turns that
 * total into "which entries are new", counting as dropped whatever the DMA overwrote unread.
 */
#ifndef RIG_MIC_READER_H
#define RIG_MIC_READER_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t read_total; /* samples consumed (or skipped) since start; entry = read_total & (n-1) */
    uint32_t dropped;
} mic_reader_t;

/* How many new samples may be read now (at most max); *start is the first entry. When the
 * reader fell a whole ring behind, the overwritten samples count as dropped and it resumes
 * three quarters of a ring behind the writer (the oldest quarter is about to be overwritten). */
static inline size_t mic_reader_span(mic_reader_t *r, uint32_t written_total, uint32_t n, size_t max, uint32_t *start)
{
    uint32_t avail = written_total - r->read_total;
    if (avail >= n) {
        uint32_t keep = n - (n >> 2);
        r->dropped += avail - keep;
        r->read_total = written_total - keep;
        avail = keep;
    }
    *start = r->read_total & (n - 1u);
    return avail < max ? (size_t)avail : max;
}

static inline void mic_reader_consume(mic_reader_t *r, size_t count) { r->read_total += (uint32_t)count; }

#endif
