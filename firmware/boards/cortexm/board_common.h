/*
 * board_common.h - the half of board.h that every Cortex-M port implements alike, written once in
 * board_common.c: the UART as two byte rings served by the port's UART interrupt
 * (board_uart_read, board_uart_write), the microphone as a mic_reader over the port's capture ring
 * (board_mic_read, board_mic_dropped), board_idle() (sleep only when neither has news, checked
 * with interrupts off), and the board's name and cycle clock from the build (RIG_BOARD_NAME,
 * RIG_CLOCK_HZ). The rest of board.h (init, microphone start/stop, marker, cycles) stays in the
 * port's board.c, which also defines the objects and hooks below.
 */
#ifndef RIG_BOARD_COMMON_H
#define RIG_BOARD_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "byte_ring.h"
#include "mic_reader.h"

#ifndef CORTEXM_PORT_UART_RX
extern byte_ring_t cortexm_uart_rx;          /* the UART receive interrupt puts, board_uart_read gets */
#else
/* The port receives on its own (CORTEXM_PORT_UART_RX, e.g. py32f003: DMA into a ring) and answers
 * board_uart_read through these; waiting is called with interrupts off (board_idle). */
size_t cortexm_port_uart_read(uint8_t *dst, size_t max);
int cortexm_port_uart_rx_waiting_locked(void);
#endif
extern byte_ring_t cortexm_uart_tx;          /* board_uart_write puts, the transmit interrupt gets */
extern mic_reader_t cortexm_mic;             /* what board_mic_read has handed out of the capture ring */
extern const uint32_t cortexm_mic_ring_samples; /* the capture ring's length (a power of two) */

/* After board_uart_write queued a byte: make sure the transmitter is draining cortexm_uart_tx. */
void cortexm_port_uart_tx_kick(void);
/* Samples the capture hardware has written since board_mic_start(); called with interrupts off. */
uint32_t cortexm_port_mic_written_locked(void);
/* Copies n samples as Q15 from capture ring position start on, wrapping at the ring's end. */
void cortexm_port_mic_copy(int16_t *dst, uint32_t start, size_t n);

#endif
