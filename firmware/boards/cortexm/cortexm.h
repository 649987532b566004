/*
 * cortexm.h - the Cortex-M core peripherals every port uses (System Control Space), written from
 * the ARMv6-M Architecture Reference Manual (DDI 0419, §B3 "System Address Map") and the ARMv7-M
 * Architecture Reference Manual (DDI 0403, §B3.2 SCS, §C1.8 DWT). Same addresses on M0+ and M4.
 */
#ifndef RIG_CORTEXM_H
#define RIG_CORTEXM_H

#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* Registers here and in the ports' *_regs.h are #defines, not enum constants: an enum constant
 * must fit an int (C99 §6.7.2.2), and addresses from 0x80000000 up do not. */

/* ARMv6-M ARM §B3.3 SysTick: CSR, RVR, CVR (24-bit down counter). */
#define SYST_CSR 0xE000E010u
#define SYST_RVR 0xE000E014u
#define SYST_CVR 0xE000E018u
#define SYST_CSR_ENABLE (1u << 0)
#define SYST_CSR_TICKINT (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2) /* 1 = processor clock */

/* ARMv6-M ARM §B3.4 NVIC: ISER/ICER/IPR. */
#define NVIC_ISER 0xE000E100u
#define NVIC_ICER 0xE000E180u
#define NVIC_ICPR 0xE000E280u

/* ARMv6-M ARM §B3.2 System Control Block: VTOR, AIRCR, SCR. */
#define SCB_VTOR 0xE000ED08u
#define SCB_AIRCR 0xE000ED0Cu
#define SCB_AIRCR_RESET 0x05FA0004u /* VECTKEY 0x05FA | SYSRESETREQ (bit 2) */
#define SCB_CPACR 0xE000ED88u /* ARMv7-M §B3.2.20: FPU access (CP10/CP11) */

/* ARMv7-M ARM §C1.6.5 DEMCR (TRCENA, bit 24) and §C1.8.7 DWT_CTRL / DWT_CYCCNT. M4 only. */
#define DEMCR 0xE000EDFCu
#define DEMCR_TRCENA (1u << 24)
#define DWT_CTRL 0xE0001000u
#define DWT_CYCCNT 0xE0001004u
#define DWT_CTRL_CYCCNTENA (1u << 0)

static inline void nvic_enable(unsigned irq) { REG32(NVIC_ICPR + 4u * (irq >> 5)) = 1u << (irq & 31u); REG32(NVIC_ISER + 4u * (irq >> 5)) = 1u << (irq & 31u); }
static inline void irq_enable(void) { __asm__ volatile("cpsie i" ::: "memory"); } /* once, at the end of board_init() */
/* Critical sections nest: irq_save() masks interrupts and returns the PRIMASK it found, and
 * irq_restore() puts that back, so a section entered with interrupts already masked (from a handler
 * or an outer section) does not unmask them on leaving (ARMv6-M ARM §B1.4.3 PRIMASK; MRS/MSR §A6.7). */
static inline uint32_t irq_save(void)
{
    uint32_t primask;
    __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask) :: "memory");
    return primask;
}
static inline void irq_restore(uint32_t primask) { __asm__ volatile("msr primask, %0" :: "r"(primask) : "memory"); }
static inline void cpu_wfi(void) { __asm__ volatile("dsb\n\twfi" ::: "memory"); }
static inline void cpu_dmb(void) { __asm__ volatile("dmb" ::: "memory"); }

/* Shared runtime pieces (runtime.c, cycles_*.c). */
void cortexm_systick32_init(void);       /* M0+: SysTick free-running, extended to 32 bits */
uint32_t cortexm_systick32_read(void);
void cortexm_dwt_init(void);             /* M4: DWT CYCCNT */
void cortexm_reset(void) __attribute__((noreturn));

#endif
