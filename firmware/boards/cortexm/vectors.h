/*
 * vectors.h - what every port's vector table (its startup.c) shares: the entry type, the handlers
 * the shared code defines (Reset_Handler and Default_Handler in runtime.c, SysTick_Handler in
 * cycles_systick.c) and the 16 system exception entries (ARMv6-M ARM §B1.5.2, ARMv7-M ARM
 * §B1.5.2). A port's table is CORTEXM_SYSTEM_VECTORS followed by its device interrupts at 16 + n.
 */
#ifndef RIG_VECTORS_H
#define RIG_VECTORS_H

#include <stdint.h>

typedef void (*vector_t)(void);

void Reset_Handler(void);
void Default_Handler(void);
void SysTick_Handler(void);
extern uint32_t __stack_top[];

#if __ARM_ARCH >= 7
/* ARMv7-M's configurable faults and debug monitor; ARMv6-M reserves these entries. */
#define CORTEXM_V7M_VECTORS                      \
    [4] = Default_Handler,  /* MemManage */      \
    [5] = Default_Handler,  /* BusFault */       \
    [6] = Default_Handler,  /* UsageFault */     \
    [12] = Default_Handler, /* DebugMon */
#else
#define CORTEXM_V7M_VECTORS
#endif

#define CORTEXM_SYSTEM_VECTORS                                 \
    [0] = (vector_t)(uintptr_t)__stack_top, /* initial SP */   \
    [1] = Reset_Handler,                                       \
    [2] = Default_Handler,  /* NMI */                          \
    [3] = Default_Handler,  /* HardFault */                    \
    CORTEXM_V7M_VECTORS                                        \
    [11] = Default_Handler, /* SVCall */                       \
    [14] = Default_Handler, /* PendSV */                       \
    [15] = SysTick_Handler  /* M0+: cycle counter; M4: IDLE's clock */

#endif
