/*
 * cycles_systick.c - the Cortex-M0+ cycle counter: SysTick (ARMv6-M ARM §B3.3) is only 24 bits
 * wide, so it free-runs from 0xFFFFFF at the core clock and its wrap interrupt counts the upper
 * bits. At 24 MHz it wraps every 0.7 s, at 125 MHz every 0.13 s: one short interrupt each time.
 */
#include <stdint.h>

#include "cortexm.h"

static volatile uint32_t s_wraps; /* SysTick reloads since boot */

void SysTick_Handler(void);
void SysTick_Handler(void) { s_wraps = s_wraps + 1u; }

void cortexm_systick32_init(void)
{
    REG32(SYST_RVR) = 0x00FFFFFFu;
    REG32(SYST_CVR) = 0;
    REG32(SYST_CSR) = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;
}

uint32_t cortexm_systick32_read(void)
{
    /* Re-read when a wrap interrupt ran in between, so high and low halves belong together. */
    uint32_t wraps, down;
    do {
        wraps = s_wraps;
        down = REG32(SYST_CVR);
    } while (wraps != s_wraps);
    return (wraps << 24) + (0x00FFFFFFu - down);
}
