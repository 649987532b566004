/*
 * startup.c - nRF52840 vector table: 16 Cortex-M4 system exceptions (ARMv7-M ARM §B1.5.2) and
 * 48 device interrupts, IDs from the nRF52840 PS "Instantiation" table (the ID is the
 * peripheral's base address bits 17:12: UART0 at 0x40002000 is ID 2, PDM at 0x4001D000 ID 29).
 */
#include <stdint.h>

void Reset_Handler(void);
void Default_Handler(void);
void UARTE0_UART0_IRQHandler(void);
void PDM_IRQHandler(void);
void SysTick_Handler(void);
extern uint32_t __stack_top[];

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used))
const vector_t nrf52840_vectors[16 + 48] = {
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
    [16 + 2] = UARTE0_UART0_IRQHandler,
    [16 + 29] = PDM_IRQHandler,
};
