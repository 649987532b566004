/*
 * runtime.c - what runs between reset and main() on every Cortex-M port: copy .data from flash,
 * zero .bss, paint the stack. Also the stack high-water mark and
 * the static RAM figure of board.h, and the reset request.
 *
 * Memory layout (cortexm_sections.ld): the stack sits at the BOTTOM of RAM, below .data/.bss, so
 * an overflow runs off the start of RAM into a bus fault instead of silently corrupting globals.
 */
#include <stdint.h>

#include "board.h"
#include "cortexm.h"

/* Linker script symbols (cortexm_sections.ld). */
extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];
extern uint32_t __stack_bottom[], __stack_top[];

/* The pattern painted over the unused stack at boot; a word still holding it was never written. */
#define STACK_PAINT 0xA5A5A5A5u

int main(void);

void Reset_Handler(void) __attribute__((noreturn));
void Reset_Handler(void)
{
    /* Paint from the bottom of the stack up to the current stack pointer. volatile keeps gcc from
     * turning the loop into a memset call whose own frame would sit in the painted area. */
    uint32_t *sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    for (volatile uint32_t *p = __stack_bottom; p < (volatile uint32_t *)sp; ++p) *p = STACK_PAINT;

    const uint32_t *src = __data_load;
    for (uint32_t *dst = __data_start; dst < __data_end; ) *dst++ = *src++;
    for (uint32_t *dst = __bss_start; dst < __bss_end; ) *dst++ = 0;

    (void)main();
    for (;;) cpu_wfi();
}

uint32_t board_stack_unused(void)
{
    const volatile uint32_t *p = __stack_bottom;
    while (p < (const volatile uint32_t *)__stack_top && *p == STACK_PAINT) ++p;
    return (uint32_t)((uintptr_t)p - (uintptr_t)__stack_bottom);
}

uint32_t board_stack_size(void) { return (uint32_t)((uintptr_t)__stack_top - (uintptr_t)__stack_bottom); }

uint32_t board_static_ram(void) { return (uint32_t)((uintptr_t)__bss_end - (uintptr_t)__data_start); }

void cortexm_reset(void)
{
    cpu_dmb();
    REG32(SCB_AIRCR) = SCB_AIRCR_RESET;
    for (;;) { }
}

void board_reset(void) { cortexm_reset(); }

/* Unexpected interrupts and faults park here; a debugger shows which one via IPSR. */
void Default_Handler(void);
void Default_Handler(void)
{
    for (;;) { }
}
