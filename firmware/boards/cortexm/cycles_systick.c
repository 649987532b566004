/*
 * cycles_systick.c - the Cortex-M0+ cycle counter: SysTick (ARMv6-M ARM §B3.3) is only 24 bits
 * wide, so it free-runs from 0xFFFFFF at the core clock and its wrap interrupt counts the upper
 * bits. At 24 MHz it wraps every 0.7 s, at 125 MHz every 0.13 s: one short interrupt each time.
 * It is board_cycles() on the M0+ ports and IDLE's clock on the M4 ports (RIG_APP_PORT_IDLE_CLOCK),
 * whose cycles come from DWT CYCCNT (cycles_dwt.c).
 */
#include <stdint.h>

#include "app.h"
#include "board.h"
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

#ifdef RIG_APP_PORT_IDLE_CLOCK
/* IDLE's clock (app.h) on the ports that count cycles with DWT CYCCNT: that stands still while WFI
 * gates the core clock, SysTick keeps counting the same core clock (and its wrap interrupt wakes
 * the core). */
uint32_t rig_port_idle_clock(void) { return cortexm_systick32_read(); }
#else
/* The M0+ ports have no DWT cycle counter: SysTick is their cycle counter too. */
uint32_t board_cycles(void) { return cortexm_systick32_read(); }
#endif
