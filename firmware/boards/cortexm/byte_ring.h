/*
 * byte_ring.h - single-producer single-consumer byte ring shared by an interrupt handler and the
 * main loop (UART RX: ISR produces; UART TX: main loop produces). Indices wrap by comparison, so
 * the size need not be a power of two (the profile's serial.rx_buffer_bytes is e.g. 160).
 * The caller owns the storage; one slot stays empty to tell full from empty.
 * Only the indices are volatile, so a compiler barrier orders the data access against the index
 * update: put stores the byte before publishing it, get reads the byte before freeing its slot.
 * (One core: program order is enough for the other side, an interrupt handler, to see it.)
 */
#ifndef RIG_BYTE_RING_H
#define RIG_BYTE_RING_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint8_t *buf;
    uint16_t size;
    volatile uint16_t head; /* next write */
    volatile uint16_t tail; /* next read */
} byte_ring_t;

#define BYTE_RING_BARRIER() __asm__ volatile("" ::: "memory")

static inline uint16_t byte_ring_next(const byte_ring_t *r, uint16_t i) { return (uint16_t)(i + 1u == r->size ? 0u : i + 1u); }

static inline int byte_ring_put(byte_ring_t *r, uint8_t b)
{
    uint16_t h = r->head, n = byte_ring_next(r, h);
    if (n == r->tail) return 0;
    r->buf[h] = b;
    BYTE_RING_BARRIER();
    r->head = n;
    return 1;
}

static inline int byte_ring_get(byte_ring_t *r, uint8_t *b)
{
    uint16_t t = r->tail;
    if (t == r->head) return 0;
    *b = r->buf[t];
    BYTE_RING_BARRIER();
    r->tail = byte_ring_next(r, t);
    return 1;
}

/* Drains up to max bytes into dst; returns how many. The other side's index is read once and ours
 * written once (bytes it adds meanwhile wait for the next call): on a Cortex-M0+ each byte of the
 * protocol UART goes through here, so a volatile access or two per byte is a good part of its cost. */
static inline size_t byte_ring_read(byte_ring_t *r, uint8_t *dst, size_t max)
{
    uint16_t t = r->tail;
    uint16_t h = r->head;
    BYTE_RING_BARRIER();
    const uint8_t *buf = r->buf;
    uint16_t size = r->size;
    size_t n = 0;
    while (n < max && t != h) {
        dst[n++] = buf[t];
        if (++t == size) t = 0;
    }
    BYTE_RING_BARRIER();
    r->tail = t;
    return n;
}

/* Queues up to n bytes from src; returns how many fit (the producer's side of byte_ring_read). */
static inline size_t byte_ring_write(byte_ring_t *r, const uint8_t *src, size_t n)
{
    uint16_t h = r->head;
    uint16_t t = r->tail;
    uint8_t *buf = r->buf;
    uint16_t size = r->size;
    size_t k = 0;
    while (k < n) {
        uint16_t next = (uint16_t)(h + 1u == size ? 0u : h + 1u);
        if (next == t) break;
        buf[h] = src[k++];
        h = next;
    }
    BYTE_RING_BARRIER();
    r->head = h;
    return k;
}

static inline int byte_ring_empty(const byte_ring_t *r) { return r->head == r->tail; }

#endif
