/*
 * selftest_start.c - vector table and reset of the two selftest programs (selftest.h). The
 * exception handlers the coverage program exercises (SVCall, PendSV, SysTick, HardFault) are
 * weak here and defined in coverage_exceptions.S; program (b) takes none, so they park.
 */
#include <stdint.h>

#include "selftest.h"

extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];
extern uint32_t __stack_top[];

volatile uint32_t selftest_result;

void Reset_Handler(void) __attribute__((noreturn));
void selftest_unexpected(void);
void HardFault_Handler(void) __attribute__((weak, alias("selftest_unexpected")));
void SVC_Handler(void) __attribute__((weak, alias("selftest_unexpected")));
void PendSV_Handler(void) __attribute__((weak, alias("selftest_unexpected")));
void SysTick_Handler(void) __attribute__((weak, alias("selftest_unexpected")));

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used))
const vector_t selftest_vectors[16] = {
    [0] = (vector_t)(uintptr_t)__stack_top,
    [1] = Reset_Handler,
    [2] = selftest_unexpected,  /* NMI */
    [3] = HardFault_Handler,
    [4] = selftest_unexpected,  /* MemManage (v7-M) */
    [5] = selftest_unexpected,  /* BusFault (v7-M) */
    [6] = selftest_unexpected,  /* UsageFault (v7-M) */
    [11] = SVC_Handler,
    [12] = selftest_unexpected, /* DebugMonitor (v7-M) */
    [14] = PendSV_Handler,
    [15] = SysTick_Handler,
};

void Reset_Handler(void)
{
    const uint32_t *src = __data_load;
    for (uint32_t *dst = __data_start; dst < __data_end; ) *dst++ = *src++;
    for (uint32_t *dst = __bss_start; dst < __bss_end; ) *dst++ = 0;
    selftest_result = selftest_main();
    selftest_done();
}

/* Not inlined and never returning: one `b .` at a symbol the rig finds in the ELF. */
__attribute__((naked, noinline)) void selftest_done(void)
{
    __asm__ volatile("1: b 1b");
}

__attribute__((naked, noinline)) void selftest_unexpected(void)
{
    __asm__ volatile("1: b 1b");
}
