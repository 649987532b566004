/*
 * startup.c - STM32L476 vector table: 16 Cortex-M4 system exceptions (ARMv7-M ARM §B1.5.2) and
 * 82 device interrupts, positions from RM0351 NVIC chapter, "STM32L47x/L48x/L49x/L4Ax vector
 * table" (DMA1 channel 4 = 14, USART2 = 38).
 */
#include "vectors.h"

void DMA1_Channel4_IRQHandler(void);
void USART2_IRQHandler(void);

__attribute__((section(".vectors"), used))
const vector_t stm32l476_vectors[16 + 82] = {
    CORTEXM_SYSTEM_VECTORS,
    [16 + 14] = DMA1_Channel4_IRQHandler,
    [16 + 38] = USART2_IRQHandler,
};
