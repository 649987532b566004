/*
 * startup.c - RP2040 vector table (at 0x10000100, right after boot2): 16 Cortex-M0+ system
 * exceptions (ARMv6-M ARM §B1.5.2) and the 26 device interrupts of RP2040 datasheet §2.3.2
 * "Interrupts" (DMA_IRQ_0 = 11, UART0_IRQ = 20).
 */
#include <stdint.h>

void Reset_Handler(void);
void Default_Handler(void);
void SysTick_Handler(void);
void UART0_IRQHandler(void);
void DMA_IRQ_0_IRQHandler(void);
extern uint32_t __stack_top[];

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used))
const vector_t rp2040_vectors[16 + 26] = {
    [0] = (vector_t)(uintptr_t)__stack_top,
    [1] = Reset_Handler,
    [2] = Default_Handler,  /* NMI */
    [3] = Default_Handler,  /* HardFault */
    [11] = Default_Handler, /* SVCall */
    [14] = Default_Handler, /* PendSV */
    [15] = SysTick_Handler,
    [16 + 11] = DMA_IRQ_0_IRQHandler,
    [16 + 20] = UART0_IRQHandler,
};
