/*
 * selftest.h - shared by the two programs `rig emulate --selftest` runs in lockstep under QEMU and
 * the rig's ISS (rig/Rig.Emulation/Oracle): (a) instruction coverage, (b) the firmware core on a
 * fixed input.
 *
 * Contract: selftest_start.c resets (copies .data, zeroes .bss), calls selftest_main(), stores its
 * return value in selftest_result and branches to selftest_done, a one-instruction loop whose
 * address the rig puts a breakpoint on (QEMU) or stops at (ISS). An exception without a handler
 * parks in selftest_unexpected (a loop too: the lockstep reports where it ended).
 */
#ifndef RIG_SELFTEST_H
#define RIG_SELFTEST_H

#include <stdint.h>

uint32_t selftest_main(void);

extern volatile uint32_t selftest_result;

void selftest_done(void) __attribute__((noreturn));

#endif
