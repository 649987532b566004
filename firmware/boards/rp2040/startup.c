/*
 * startup.c - RP2040 vector table (at 0x10000100, right after boot2): 16 Cortex-M0+ system
 * exceptions (ARMv6-M ARM §B1.5.2) and the 26 device interrupts of RP2040 datasheet §2.3.2
 * "Interrupts" (DMA_IRQ_0 = 11, UART0_IRQ = 20).
 */
#include "vectors.h"

void UART0_IRQHandler(void);
void DMA_IRQ_0_IRQHandler(void);

__attribute__((section(".vectors"), used))
const vector_t rp2040_vectors[16 + 26] = {
    CORTEXM_SYSTEM_VECTORS,
    [16 + 11] = DMA_IRQ_0_IRQHandler,
    [16 + 20] = UART0_IRQHandler,
};
