/*
 * board.h - the contract between the portable firmware (firmware/core) and a board port
 * (firmware/boards/<board>/). A port implements every function below once; the core calls
 * nothing else that touches hardware. The native virtual board (firmware/boards/native)
 * implements the same contract on a pseudo-terminal, so the very same core runs in both.
 *
 * Rules for ports: no dynamic allocation, no blocking longer than one UART byte time in any
 * function but board_idle(), and every buffer is owned by the port (static storage).
 */
#ifndef RIG_BOARD_H
#define RIG_BOARD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Brings up clocks, the protocol UART, the microphone path, the cycle counter and the marker
 * pin. Called once before anything else. */
void board_init(void);

/* Short name reported in the hello message, e.g. "py32f003" or "native". */
const char *board_name(void);

/* The image's GNU build id (firmware/core/build_id.h): points *id at it and returns its length,
 * 0 when the image carries none. Reported in HELLO (protocol v3). */
size_t board_build_id(const uint8_t **id);

/* The chip's factory-programmed unique ID: copies at most max bytes to dst and returns how many,
 * 0 when the chip has none the port reads. Reported in HELLO (protocol v3, run.json boardUid). */
size_t board_unique_id(uint8_t *dst, size_t max);

/* Free-running cycle counter. Ports with a 24-bit SysTick extend it to 32 bits; the core only
 * ever takes differences, so wrap-around is harmless. */
uint32_t board_cycles(void);

/* Ticks of board_cycles() per second, and whether they are MCU core cycles (1) or host
 * cycles on a virtual board (0) - the rig never reports one as the other. */
uint32_t board_cycles_hz(void);
int board_cycles_are_mcu(void);

/* Protocol UART. read returns the number of bytes copied (0 when none are waiting) and never
 * blocks; write queues or sends all n bytes. */
size_t board_uart_read(uint8_t *dst, size_t max);
void board_uart_write(const uint8_t *src, size_t n);

/* Microphone capture (acoustic mode): copies up to max Q15 samples captured since the last
 * call at the frontend's sample rate; returns how many. Counts samples it had to drop. */
size_t board_mic_read(int16_t *dst, size_t max);
uint32_t board_mic_dropped(void);
void board_mic_start(void);
void board_mic_stop(void);

/* Marker pin for power windows: high while a measured window runs. */
void board_marker(int level);

/* Sleeps until the next interrupt (WFI on a chip; a bounded wait on the native board). */
void board_idle(void);

/* Stack bytes never touched since boot (stack painting), and static RAM in use (.data+.bss). */
uint32_t board_stack_unused(void);
uint32_t board_stack_size(void);
uint32_t board_static_ram(void);

/* Restarts the board (the host's reset request). */
void board_reset(void);

#ifdef __cplusplus
}
#endif

#endif /* RIG_BOARD_H */
