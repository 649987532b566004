/*
 * cycles_dwt.c - the Cortex-M4 cycle counter: DWT CYCCNT (ARMv7-M ARM §C1.8.7), a 32-bit counter
 * of core clock cycles, enabled through DEMCR.TRCENA (§C1.6.5).
 */
#include <stdint.h>

#include "board.h"
#include "cortexm.h"

void cortexm_dwt_init(void)
{
    REG32(DEMCR) |= DEMCR_TRCENA;
    REG32(DWT_CYCCNT) = 0;
    REG32(DWT_CTRL) |= DWT_CTRL_CYCCNTENA;
}

uint32_t board_cycles(void) { return REG32(DWT_CYCCNT); }
