/*
 * coverage_exceptions.S - selftest program (a): the exception model on both cores. cov_exceptions()
 * takes, in order: SVC on the main stack, SVC on the process stack (CONTROL.SPSEL=1, so the frame
 * and EXC_RETURN 0xFFFFFFFD use PSP), PendSV and SysTick pended through ICSR (PENDSVSET,
 * PENDSTSET: synchronous and deterministic, unlike the SysTick timer, whose count QEMU runs on host
 * time), and a HardFault from UDF whose handler steps the stacked PC over it.
 * r0 = a 64-byte RAM buffer, used as the process stack (top).
 */
    .syntax unified
    .cpu cortex-m0plus
    .thumb
    .text

    .equ ICSR, 0xE000ED04
    .equ PENDSVSET, 1 << 28
    .equ PENDSTSET, 1 << 26

    .global cov_exceptions
    .type cov_exceptions, %function
    .thumb_func
cov_exceptions:
    push {r4-r7, lr}
    mov r7, r0
    movs r4, #0                  @ r4 counts handler entries (handlers add to it)
    svc #1
    /* thread mode on the process stack */
    mov r0, r7
    adds r0, #64
    msr psp, r0
    movs r0, #2
    msr control, r0
    isb
    mrs r1, control
    push {r1}                    @ pushed on PSP now
    svc #2
    pop {r1}
    movs r0, #0
    msr control, r0
    isb
    /* pended exceptions, taken after the store (and barriers) */
    ldr r1, =ICSR
    ldr r0, =PENDSVSET
    str r0, [r1]
    dsb
    isb
    ldr r0, =PENDSTSET
    str r0, [r1]
    dsb
    isb
    /* a fault: UDF -> HardFault (ARMv6-M), UsageFault escalated to HardFault (ARMv7-M) */
    movs r5, #0x55
    udf #7
    adds r5, #1
    mov r0, r4
    pop {r4-r7, pc}
    .ltorg

    .global SVC_Handler
    .type SVC_Handler, %function
    .thumb_func
SVC_Handler:
    adds r4, #1
    mrs r0, ipsr
    mov r1, lr                   @ EXC_RETURN
    mrs r2, msp
    mrs r3, psp
    bx lr

    .global PendSV_Handler
    .type PendSV_Handler, %function
    .thumb_func
PendSV_Handler:
    adds r4, #2
    mrs r0, ipsr
    bx lr

    .global SysTick_Handler
    .type SysTick_Handler, %function
    .thumb_func
SysTick_Handler:
    adds r4, #4
    mrs r0, ipsr
    bx lr

    /* Steps the stacked PC over the 16-bit UDF that faulted (frame on MSP: thread code above runs
     * on MSP when it faults). */
    .global HardFault_Handler
    .type HardFault_Handler, %function
    .thumb_func
HardFault_Handler:
    adds r4, #8
    mrs r0, msp
    ldr r1, [r0, #24]
    adds r1, #2
    str r1, [r0, #24]
    bx lr
