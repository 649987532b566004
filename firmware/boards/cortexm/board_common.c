/*
 * board_common.c - the board.h functions every Cortex-M port implements alike (board_common.h).
 */
#include "board_common.h"

#include "board.h"
#include "build_id.h"
#include "cortexm.h"

/* cortexm_sections.ld brackets the build-id note it keeps in flash. */
extern const uint8_t __build_id_note[];
extern const uint8_t __build_id_note_end[];

const char *board_name(void) { return RIG_BOARD_NAME; }
uint32_t board_cycles_hz(void) { return RIG_CLOCK_HZ; }
int board_cycles_are_mcu(void) { return 1; }

size_t board_build_id(const uint8_t **id)
{
    return rig_build_id_find(__build_id_note, (size_t)(__build_id_note_end - __build_id_note), id);
}

/* A port whose chip has a memory-mapped unique ID names it (CMake: RIG_UID_ADDR, RIG_UID_BYTES). */
size_t board_unique_id(uint8_t *dst, size_t max)
{
#if defined(RIG_UID_ADDR) && defined(RIG_UID_BYTES)
    /* Word reads (the ID registers are 32-bit), bytes in address order (little-endian words). */
    const volatile uint32_t *uid = (const volatile uint32_t *)RIG_UID_ADDR;
    size_t n = RIG_UID_BYTES < max ? RIG_UID_BYTES : max;
    for (size_t i = 0; i < n; i++) dst[i] = (uint8_t)(uid[i >> 2] >> (8u * (i & 3u)));
    return n;
#else
    (void)dst;
    (void)max;
    return 0;
#endif
}

size_t board_uart_read(uint8_t *dst, size_t max) { return byte_ring_read(&cortexm_uart_rx, dst, max); }

void board_uart_write(const uint8_t *src, size_t n)
{
    /* A full ring waits for the transmit interrupt to drain a byte (one byte time at most); the
     * interrupt is switched on once per batch queued, not once per byte. */
    while (n != 0) {
        size_t k = byte_ring_write(&cortexm_uart_tx, src, n);
        if (k == 0) continue;
        cortexm_port_uart_tx_kick();
        src += k;
        n -= k;
    }
}

size_t board_mic_read(int16_t *dst, size_t max)
{
    uint32_t primask = irq_save();
    uint32_t written = cortexm_port_mic_written_locked();
    irq_restore(primask);
    uint32_t start;
    size_t n = mic_reader_span(&cortexm_mic, written, cortexm_mic_ring_samples, max, &start);
    cortexm_port_mic_copy(dst, start, n);
    mic_reader_consume(&cortexm_mic, n);
    return n;
}

uint32_t board_mic_dropped(void) { return cortexm_mic.dropped; }

/* Sleep only if nothing arrived since the caller looked: checked with interrupts off, and WFI
 * still wakes on an interrupt that became pending meanwhile (ARMv6-M/ARMv7-M ARM, WFI), so a
 * byte or a capture block that lands between the check and the sleep is never slept through. */
void board_idle(void)
{
    uint32_t primask = irq_save();
    if (byte_ring_empty(&cortexm_uart_rx) && cortexm_port_mic_written_locked() == cortexm_mic.read_total) cpu_wfi();
    irq_restore(primask);
}
