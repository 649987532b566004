/*
 * coverage_v6m.S - selftest program (a), the ARMv6-M part (runs on both cores): every 16-bit
 * Thumb encoding class and the 32-bit ones ARMv6-M has, with the flag edge cases. The lockstep
 * compares r0-r15 and xPSR after each instruction, so every result only has to reach a register.
 * cov_v6m(buffer) takes a 64-byte RAM buffer in r0; it saves r4-r7 and the high registers it uses.
 */
    .syntax unified
    .cpu cortex-m0plus
    .thumb
    .text

    .global cov_v6m
    .type cov_v6m, %function
    .thumb_func
cov_v6m:
    push {r4-r7, lr}
    mov r4, r8
    mov r5, r9
    mov r6, r10
    mov r7, r11
    push {r4-r7}
    mov r7, r0                  @ r7 = buffer for the whole function

    /* ---- shift (immediate), add, subtract, move, compare ---- */
    .global cov_v6m_first_alu   @ the oracle's own tests patch this MOVS to check divergence reports
cov_v6m_first_alu:
    movs r0, #0                 @ Z=1
    movs r1, #0xFF
    lsls r2, r1, #24            @ N, C from bit 8
    lsls r2, r2, #1             @ C out = 1
    lsls r3, r1, #0             @ LSLS #0 = MOVS, C unchanged
    lsrs r3, r2, #31
    lsrs r3, r1, #32            @ imm 0 encodes 32: result 0, C = bit 31
    lsrs r3, r2, #32
    asrs r3, r2, #32            @ all sign, C = sign
    mvns r0, r0
    asrs r3, r0, #32
    asrs r3, r0, #5
    adds r3, r1, r0             @ carry out
    adds r3, r1, #7
    subs r3, r1, #7
    adds r3, #200               @ 8-bit immediate form
    subs r3, #255
    movs r4, #0x7F
    lsls r4, r4, #24
    adds r4, r4, r4             @ signed overflow: V=1
    movs r5, #1
    lsls r5, r5, #31            @ 0x80000000
    subs r6, r5, #1             @ V=1 (most negative - 1)
    subs r6, r0, r0             @ Z, C=1 (no borrow)
    movs r6, #0
    subs r6, r6, #1             @ borrow: C=0, N
    cmp r1, #0xFF
    cmp r1, #0x100 - 1
    cmp r1, r5                  @ low register compare
    cmn r1, r0                  @ 0xFF + -1: C=1
    cmn r5, r5                  @ V=1 C=1 Z=1

    /* ---- data processing (register), each with its flag rules ---- */
    movs r0, #0x0F
    movs r1, #0x3C
    mov r2, r0
    ands r2, r1
    mov r2, r0
    eors r2, r1
    mov r2, r0
    orrs r2, r1
    mov r2, r0
    bics r2, r1
    mvns r2, r1
    tst r0, r1
    movs r2, #0xC0
    tst r0, r2                  @ Z=1
    negs r2, r1                 @ RSBS #0
    movs r2, #0
    negs r2, r2                 @ 0: C=1
    negs r2, r5                 @ 0x80000000: V=1
    /* ADCS/SBCS with both carries in */
    movs r2, #0
    cmp r2, #1                  @ C=0
    movs r2, #5
    adcs r2, r1
    sbcs r2, r1
    cmp r2, r2                  @ C=1
    adcs r2, r1
    sbcs r2, r1
    mvns r3, r2                 @ carry chain through the top
    cmp r2, r2
    adcs r3, r3
    mov r3, r5
    subs r3, #1                 @ 0x7FFFFFFF
    cmp r2, r2
    adcs r3, r2                 @ V=1 through the carry in
    /* register shifts: amount 0, 1..31, 32, >32, and the byte only */
    movs r0, #0
    mov r2, r5
    lsls r2, r0                 @ by 0: C unchanged
    movs r0, #1
    lsls r2, r0                 @ C = old bit 31
    mov r2, r5
    adds r2, #3
    movs r0, #32
    lsls r2, r0                 @ 0, C = bit 0
    mov r2, r5
    adds r2, #3
    movs r0, #33
    lsls r2, r0                 @ 0, C=0
    mov r2, r5
    lsrs r2, r0
    movs r0, #32
    mov r2, r5
    lsrs r2, r0                 @ 0, C=bit31
    mov r2, r5
    asrs r2, r0                 @ all ones, C=1
    movs r0, #200
    mov r2, r5
    asrs r2, r0
    movs r0, #4
    mov r2, r1
    rors r2, r0
    movs r0, #32
    mov r2, r5
    adds r2, #1
    rors r2, r0                 @ unchanged, C = bit 31
    movs r0, #0
    rors r2, r0                 @ by 0: C unchanged
    movs r0, #0xFF
    lsls r0, r0, #8
    adds r0, #36                @ 0xFF24: only the low byte (36) counts
    mov r2, r1
    rors r2, r0
    /* multiply: N and Z only */
    movs r0, #3
    mov r2, r5
    muls r2, r0
    movs r2, #0
    muls r2, r0                 @ Z
    ldr r2, =0x12345679
    ldr r0, =0x9ABCDEF1
    muls r2, r0

    /* ---- high registers: ADD, CMP, MOV (any register) ---- */
    mov r8, r1
    mov r9, r5
    add r8, r9
    add r0, r8
    cmp r8, r9
    cmp r0, r8
    mov r10, sp
    add r10, r0
    mov r11, r10
    cmp r11, r10
    mov r12, r0
    add r12, r12
    mov r0, pc                  @ reads the instruction address + 4
    add r0, pc
    mov lr, r0

    /* ---- extend, reverse ---- */
    ldr r0, =0x8081F2F3
    sxtb r1, r0
    sxth r1, r0
    uxtb r1, r0
    uxth r1, r0
    rev r1, r0
    rev16 r1, r0
    revsh r1, r0
    movs r0, #0x80
    revsh r1, r0

    /* ---- loads and stores: every width, immediate and register offsets ---- */
    ldr r0, =0xA1B2C3D4
    str r0, [r7]
    str r0, [r7, #4]
    str r0, [r7, #60]
    strh r0, [r7, #8]
    strh r0, [r7, #62]
    strb r0, [r7, #10]
    strb r0, [r7, #31]
    movs r1, #12
    str r0, [r7, r1]
    movs r1, #16
    strh r0, [r7, r1]
    movs r1, #19
    strb r0, [r7, r1]
    ldr r2, [r7]
    ldr r2, [r7, #60]
    ldrh r2, [r7, #62]
    ldrb r2, [r7, #31]
    movs r1, #12
    ldr r2, [r7, r1]
    movs r1, #16
    ldrh r2, [r7, r1]
    ldrsh r2, [r7, r1]
    movs r1, #19
    ldrb r2, [r7, r1]
    ldrsb r2, [r7, r1]
    movs r1, #10
    ldrsb r2, [r7, r1]
    ldrh r2, [r7, #8]
    movs r1, #8
    ldrsh r2, [r7, r1]
    ldr r2, literal_word        @ PC-relative literal
    ldr r3, =0x0000BEEF
    adr r3, literal_word        @ ADD rd, PC, #imm
    ldr r3, [r3]
    /* SP-relative */
    sub sp, #16
    str r0, [sp]
    str r2, [sp, #12]
    ldr r3, [sp, #12]
    add r3, sp, #8              @ ADD rd, SP, #imm
    mov r3, sp
    add sp, #16
    add r3, sp
    /* LDM/STM with and without write-back, the base in the list */
    mov r0, r7
    movs r1, #1
    movs r2, #2
    movs r3, #3
    stmia r0!, {r1-r3}
    mov r0, r7
    ldmia r0!, {r4-r6}
    mov r0, r7
    ldmia r0, {r0, r1}          @ base loaded: no write-back
    mov r1, r7
    ldmia r1!, {r2}

    /* ---- PUSH/POP including LR/PC ---- */
    push {r1, r2, r3}
    pop {r4, r5, r6}
    bl cov_leaf                 @ BL, then POP {pc} returns
    adds r0, #1

    /* ---- branches: every condition taken and not taken ---- */
    movs r0, #0
    cmp r0, #0
    beq 1f
    movs r0, #99
1:  bne 2f
    cmp r0, #1                  @ 0 - 1: N, C=0
2:  bcs 3f
    bcc 3f
    movs r0, #98
3:  bmi 4f
    movs r0, #97
4:  bpl 5f
    cmn r5, r5                  @ V=1 C=1 Z=1
    bvs 5f
    movs r0, #96
5:  bvc 6f
    bhi 6f                      @ C=1 Z=1: not HI
    bls 6f
    movs r0, #95
6:  movs r1, #5
    cmp r1, #3
    bhi 7f
    movs r0, #94
7:  bge 8f
    movs r0, #93
8:  blt 9f
    bgt 9f
    movs r0, #92
9:  ble 10f
    cmp r1, r1
    ble 10f
    movs r0, #91
10: b 11f
    movs r0, #90
11:
    /* a counted loop: backward conditional branch */
    movs r1, #5
    movs r2, #0
12: adds r2, r2, r1
    subs r1, #1
    bne 12b

    /* ---- BX / BLX register, interworking ---- */
    adr r0, cov_leaf_arm_free
    adds r0, #1
    blx r0
    ldr r0, =cov_leaf
    blx r0
    adr r0, 13f
    adds r0, #1
    bx r0
    movs r0, #89
    .balign 4
13:
    /* ---- status registers, CPS, barriers, hints ---- */
    mrs r0, apsr
    movs r1, #0xF0
    lsls r1, r1, #24
    msr apsr_nzcvq, r1
    mrs r2, apsr
    movs r1, #0
    msr apsr_nzcvq, r1
    mrs r0, ipsr
    mrs r0, epsr
    mrs r0, xpsr
    mrs r0, iapsr
    mrs r0, primask
    cpsid i
    mrs r1, primask
    cpsie i
    mrs r1, primask
    movs r0, #1
    msr primask, r0
    movs r0, #0
    msr primask, r0
    mrs r0, control
    mrs r1, msp
    mrs r2, psp
    dmb
    dsb
    isb
    nop
    yield
    sev
    wfe                          @ the event SEV just set: returns at once

    pop {r4-r7}
    mov r8, r4
    mov r9, r5
    mov r10, r6
    mov r11, r7
    pop {r4-r7, pc}

    .balign 4
literal_word:
    .word 0xCAFEF00D
    .ltorg

    .type cov_leaf, %function
    .thumb_func
cov_leaf:
    push {r4, lr}
    movs r4, #7
    adds r0, r4, #1
    pop {r4, pc}

    .balign 4
    .type cov_leaf_arm_free, %function
    .thumb_func
cov_leaf_arm_free:
    mov r1, lr
    bx lr
