/* uart_wire.c - see uart_wire.h. */
#define _POSIX_C_SOURCE 200809L

#include "uart_wire.h"

#include <errno.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>

/* 8N1: one start bit, 8 data bits, one stop bit. */
#define UART_BITS_PER_BYTE 10u
#define NS_PER_S 1000000000u

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

/* Bytes the wire has finished since the busy spell began. elapsed * baud stays below 2^64 for
 * about five hours of unbroken traffic at 1 Mbaud; every idle gap starts a new spell. */
static uint64_t finished_by(const uart_wire_t *w, const uart_wire_dir_t *d, uint64_t now)
{
    uint64_t elapsed = now > d->origin_ns ? now - d->origin_ns : 0u;
    return elapsed * w->baud / ((uint64_t)UART_BITS_PER_BYTE * NS_PER_S);
}

/* When the next byte of the spell has its stop bit done. */
static uint64_t next_done_at(const uart_wire_t *w, const uart_wire_dir_t *d)
{
    uint64_t scaled = (d->done + 1u) * UART_BITS_PER_BYTE * NS_PER_S;
    return d->origin_ns + (scaled + w->baud - 1u) / w->baud;
}

static int pty_has_input(int fd)
{
    struct pollfd p = { fd, POLLIN, 0 };
    return poll(&p, 1, 0) > 0 && (p.revents & POLLIN) != 0;
}

static size_t ring_count(const byte_ring_t *r)
{
    return r->head >= r->tail ? (size_t)(r->head - r->tail) : (size_t)(r->size - r->tail + r->head);
}

void uart_wire_init(uart_wire_t *w, int fd, uint32_t baud, uint8_t *rx_buf, uint16_t rx_size,
                    uint8_t *tx_buf, uint16_t tx_size)
{
    w->fd = fd;
    w->baud = baud;
    w->rx.buf = rx_buf;
    w->rx.size = rx_size;
    w->tx.buf = tx_buf;
    w->tx.size = tx_size;
    w->overruns = 0;
    uart_wire_reset(w);
}

void uart_wire_reset(uart_wire_t *w)
{
    w->rx.head = w->rx.tail = 0;
    w->tx.head = w->tx.tail = 0;
    w->in.busy = 0;
    w->out.busy = 0;
}

/* Host -> board: every byte whose stop bit is done lands in the RX ring, or is lost when the
 * ring is full (the port's interrupt handler has nowhere to put it). */
static void pump_in(uart_wire_t *w, uint64_t now)
{
    if (!w->in.busy) {
        if (!pty_has_input(w->fd)) return;
        w->in.busy = 1; /* the first byte starts now and lands one byte time later */
        w->in.origin_ns = now;
        w->in.done = 0;
        return;
    }
    uint64_t due = finished_by(w, &w->in, now) - w->in.done;
    while (due != 0) {
        uint8_t bytes[256];
        size_t want = due < sizeof bytes ? (size_t)due : sizeof bytes;
        ssize_t n = read(w->fd, bytes, want);
        if (n <= 0) { w->in.busy = 0; return; } /* the host stopped sending: the line went idle */
        for (ssize_t i = 0; i < n; i++)
            if (!byte_ring_put(&w->rx, bytes[i])) w->overruns++;
        w->in.done += (uint64_t)n;
        due -= (uint64_t)n;
        if ((size_t)n < want) { w->in.busy = 0; return; }
        /* Caught up with the clock: if the host has nothing more, the line is idle from now on,
         * and the next byte must not ride on time the wire spent waiting. */
        if (due == 0 && !pty_has_input(w->fd)) w->in.busy = 0;
    }
}

/* Board -> host: bytes leave the TX ring as the wire finishes them. */
static void pump_out(uart_wire_t *w, uint64_t now)
{
    if (byte_ring_empty(&w->tx)) { w->out.busy = 0; return; }
    if (!w->out.busy) {
        w->out.busy = 1; /* the first queued byte starts now */
        w->out.origin_ns = now;
        w->out.done = 0;
        return;
    }
    uint64_t due = finished_by(w, &w->out, now) - w->out.done;
    while (due != 0 && !byte_ring_empty(&w->tx)) {
        uint8_t bytes[256];
        size_t want = due < sizeof bytes ? (size_t)due : sizeof bytes;
        size_t n = 0;
        /* Peek, so a pty that is momentarily full (the host is slow to read) loses nothing. */
        uint16_t t = w->tx.tail;
        while (n < want && t != w->tx.head) { bytes[n++] = w->tx.buf[t]; t = byte_ring_next(&w->tx, t); }
        ssize_t sent = write(w->fd, bytes, n);
        if (sent <= 0) {
            /* The host is not reading: the wire stalls; restart the spell when it drains. */
            if (sent < 0 && errno != EAGAIN && errno != EINTR) return;
            w->out.busy = 0;
            return;
        }
        for (ssize_t i = 0; i < sent; i++) w->tx.tail = byte_ring_next(&w->tx, w->tx.tail);
        w->out.done += (uint64_t)sent;
        due -= (uint64_t)sent;
        if ((size_t)sent < n) { w->out.busy = 0; return; }
    }
    /* Ran dry: the line is idle, and bytes written later start their own spell. */
    if (byte_ring_empty(&w->tx)) w->out.busy = 0;
}

void uart_wire_pump(uart_wire_t *w)
{
    uint64_t now = now_ns();
    pump_in(w, now);
    pump_out(w, now);
}

size_t uart_wire_read(uart_wire_t *w, uint8_t *dst, size_t max)
{
    uart_wire_pump(w);
    return byte_ring_read(&w->rx, dst, max);
}

void uart_wire_write(uart_wire_t *w, const uint8_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        while (!byte_ring_put(&w->tx, src[i])) {
            /* A full ring waits for the wire, one byte time at a time (as the ports' TX ISR). */
            uart_wire_pump(w);
            if (ring_count(&w->tx) + 1u < w->tx.size) continue;
            uint64_t wait = uart_wire_wait_ns(w, 1000000u, NULL);
            struct timespec ts = { 0, (long)wait };
            (void)nanosleep(&ts, NULL);
        }
    }
    uart_wire_pump(w);
}

int uart_wire_ready(const uart_wire_t *w) { return !byte_ring_empty(&w->rx); }

uint64_t uart_wire_wait_ns(const uart_wire_t *w, uint64_t max_ns, int *watch_pty)
{
    uint64_t now = now_ns();
    uint64_t wait = max_ns;
    if (w->in.busy) {
        uint64_t at = next_done_at(w, &w->in);
        uint64_t d = at > now ? at - now : 0u;
        if (d < wait) wait = d;
    }
    if (!byte_ring_empty(&w->tx)) {
        uint64_t d = 0;
        if (w->out.busy) {
            uint64_t at = next_done_at(w, &w->out);
            d = at > now ? at - now : 0u;
        }
        if (d < wait) wait = d;
    }
    if (watch_pty != NULL) *watch_pty = !w->in.busy;
    return wait;
}
