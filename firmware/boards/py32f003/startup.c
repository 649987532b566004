/*
 * startup.c - PY32F003 vector table: 16 Cortex-M0+ system exceptions (ARMv6-M ARM §B1.5.2)
 * then the 32 device interrupts, positions from the PY32F003 Reference Manual's interrupt
 * vector table (NVIC chapter). Handlers a port does not define fall to Default_Handler.
 */
#include "vectors.h"

void DMA1_Channel1_IRQHandler(void);
void DMA1_Channel2_3_IRQHandler(void);
void USART2_IRQHandler(void);

__attribute__((section(".vectors"), used))
const vector_t py32f003_vectors[16 + 32] = {
    CORTEXM_SYSTEM_VECTORS,
    [16 + 0] = Default_Handler, /* WWDG ... every unused device interrupt below */
    [16 + 1] = Default_Handler, [16 + 2] = Default_Handler, [16 + 3] = Default_Handler,
    [16 + 4] = Default_Handler, [16 + 5] = Default_Handler, [16 + 6] = Default_Handler,
    [16 + 7] = Default_Handler,
    [16 + 9] = DMA1_Channel1_IRQHandler,  /* IRQ 9: DMA1 channel 1 (ADC samples) */
    [16 + 10] = DMA1_Channel2_3_IRQHandler, /* IRQ 10: DMA1 channels 2 and 3 (UART receive) */
    [16 + 12] = Default_Handler, [16 + 13] = Default_Handler,
    [16 + 14] = Default_Handler, [16 + 16] = Default_Handler, [16 + 17] = Default_Handler,
    [16 + 19] = Default_Handler, [16 + 21] = Default_Handler, [16 + 22] = Default_Handler,
    [16 + 23] = Default_Handler, [16 + 25] = Default_Handler, [16 + 27] = Default_Handler,
    [16 + 28] = USART2_IRQHandler,        /* IRQ 28: USART2 (protocol link) */
};
