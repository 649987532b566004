/*
 * startup.c - nRF52840 vector table: 16 Cortex-M4 system exceptions (ARMv7-M ARM §B1.5.2) and
 * 48 device interrupts, IDs from the nRF52840 PS "Instantiation" table (the ID is the
 * peripheral's base address bits 17:12: UART0 at 0x40002000 is ID 2, PDM at 0x4001D000 ID 29).
 */
#include "vectors.h"

void UARTE0_UART0_IRQHandler(void);
void PDM_IRQHandler(void);

__attribute__((section(".vectors"), used))
const vector_t nrf52840_vectors[16 + 48] = {
    CORTEXM_SYSTEM_VECTORS,
    [16 + 2] = UARTE0_UART0_IRQHandler,
    [16 + 29] = PDM_IRQHandler,
};
