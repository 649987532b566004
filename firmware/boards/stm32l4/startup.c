/*
 * startup.c - STM32L476 vector table: 16 Cortex-M4 system exceptions (ARMv7-M ARM §B1.5.2) and
 * 82 device interrupts, positions from RM0351 NVIC chapter, "STM32L47x/L48x/L49x/L4Ax vector
 * table" (DMA1 channel 4 = 14, USART2 = 38).
 */
#include <stdint.h>

void Reset_Handler(void);
void Default_Handler(void);
void DMA1_Channel4_IRQHandler(void);
void USART2_IRQHandler(void);
void SysTick_Handler(void);
extern uint32_t __stack_top[];

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used))
const vector_t stm32l476_vectors[16 + 82] = {
    [0] = (vector_t)(uintptr_t)__stack_top,
    [1] = Reset_Handler,
    [2] = Default_Handler,  /* NMI */
    [3] = Default_Handler,  /* HardFault */
    [4] = Default_Handler,  /* MemManage */
    [5] = Default_Handler,  /* BusFault */
    [6] = Default_Handler,  /* UsageFault */
    [11] = Default_Handler, /* SVCall */
    [12] = Default_Handler, /* DebugMon */
    [14] = Default_Handler, /* PendSV */
    [15] = SysTick_Handler,  /* IDLE's clock (cycles come from DWT) */
    [16 + 14] = DMA1_Channel4_IRQHandler,
    [16 + 38] = USART2_IRQHandler,
};
