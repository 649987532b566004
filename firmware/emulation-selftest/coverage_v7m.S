/*
 * coverage_v7m.S - selftest program (a), the ARMv7E-M part (Cortex-M4 build only): the Thumb-2
 * encoding classes gcc emits for the firmware. IT blocks, modified immediates, shifted-register
 * operands, wide moves, bitfields, multiplies and divides, DSP and saturating arithmetic, SIMD
 * with the GE flags, every load/store addressing mode, LDRD/STRD, exclusives, TBB/TBH, CBZ/CBNZ,
 * and the FPU enabled through CPACR with a few VFP operations whose results come back to core
 * registers (the lockstep compares r0-r15 and xPSR). cov_v7m(buffer): r0 = 64-byte RAM buffer.
 */
    .syntax unified
    .cpu cortex-m4
    .fpu fpv4-sp-d16
    .thumb
    .text

    .global cov_v7m
    .type cov_v7m, %function
    .thumb_func
cov_v7m:
    push.w {r4-r11, lr}
    mov r11, r0

    /* ---- IT blocks: every shape, conditions passing and failing, flags inside ---- */
    movs r0, #5
    cmp r0, #5
    it eq
    moveq r1, #1
    ite ne
    movne r1, #2
    moveq r1, #3
    itt eq
    addeq r1, r1, #1
    addeq r1, r1, #1
    itet gt
    movgt r2, #1
    movle r2, #2
    movgt r2, #3
    ittee ls
    movls r3, #1
    addls r3, r3, #1             @ 16-bit ADD inside IT does not set flags
    movhi r3, #9
    movhi r3, #8
    cmp r0, #6
    itttt lt
    addlt r2, r2, #1
    sublt r2, r2, #1
    lsllt r2, r2, #2
    cmplt r2, #0                 @ CMP inside IT sets flags for the rest of the block
    it cc
    movcc r4, #7
    cmp r0, #4
    ite hi
    movhi r4, #0x10
    movls r4, #0x20
    it ge
    bge 1f                       @ branch as the last instruction of an IT block
    movs r4, #0
1:

    /* ---- data processing, modified immediates (all four ThumbExpandImm shapes) ---- */
    mov r0, #0x000000AB
    mov r1, #0x00AB00AB
    mov r2, #0xAB00AB00
    mov r3, #0xABABABAB
    mov r4, #0x3FC00000          @ rotated 8-bit
    movs r5, #0x80000000         @ rotated, S: C from the rotation
    mvn r6, #0xFF
    add r7, r1, #0xAB00AB00
    adds r7, r2, r2
    adc r7, r1, #1
    sbcs r7, r1, #0x100
    rsb r7, r1, #0
    rsbs r7, r1, #0x00AB00AB
    and r7, r3, #0xF0F0F0F0
    ands r7, r3, #0x80000000     @ C from the immediate's rotation
    orr r7, r0, #0x1000
    orn r7, r0, #0xFF
    eor r7, r3, #0xFF00FF00
    bic r7, r3, #0xFF
    tst r3, #0x00010000
    teq r3, #0xABABABAB
    cmn r3, #1
    cmp r3, #0x80000000
    addw r7, r0, #0xFFF
    subw r7, r0, #0x123
    movw r8, #0xBEEF
    movt r8, #0xDEAD
    add r7, sp, #0x400
    sub sp, sp, #8
    add sp, sp, #8

    /* ---- shifted-register operands and register shifts, with carry ---- */
    add r7, r3, r1, lsl #3
    adds r7, r3, r1, lsr #31
    sub r7, r3, r1, asr #2
    rsb r7, r3, r1, ror #8
    ands r7, r3, r2, lsl #1      @ C = shifter carry out
    orrs r7, r0, r5, asr #31
    eors r7, r0, r3, rrx
    bics r7, r3, r0, lsr #1
    orn r7, r3, r0, lsl #4
    mvns r7, r3, lsr #4
    cmp r3, r1, lsl #1
    cmn r3, r1, lsr #1
    tst r3, r0, ror #1
    teq r3, r3, asr #1
    mov r7, r3, lsl #5
    movs r7, r3, lsr #32
    movs r7, r5, asr #32
    rrxs r7, r3
    lsl.w r7, r3, r0
    lsrs.w r7, r3, r0
    asrs.w r7, r2, r0
    rors.w r7, r3, r0
    movs r0, #0
    lsls.w r7, r3, r0
    movs r0, #33
    lsls.w r7, r3, r0
    mov r0, #0x17
    adcs.w r7, r3, r3
    sbc.w r7, r3, r1

    /* ---- bitfield, bit counting, extend with add, pack, reverse ---- */
    mov r7, r3
    bfi r7, r0, #4, #8
    bfc r7, #8, #12
    ubfx r9, r3, #3, #9
    sbfx r9, r3, #3, #9
    sbfx r9, r3, #0, #32
    clz r9, r3
    clz r9, r4
    movs r10, #0
    clz r9, r10
    rbit r9, r3
    rev.w r9, r3
    rev16.w r9, r3
    revsh.w r9, r3
    sxtb.w r9, r3, ror #8
    uxth.w r9, r3, ror #16
    sxtab r9, r1, r3
    uxtab r9, r1, r3, ror #24
    sxtah r9, r1, r3
    uxtah r9, r1, r3
    sxtb16 r9, r3
    uxtb16 r9, r3, ror #8
    sxtab16 r9, r1, r3
    uxtab16 r9, r1, r3
    pkhbt r9, r1, r3, lsl #16
    pkhtb r9, r1, r3, asr #16

    /* ---- multiply, multiply-accumulate, long, divide ---- */
    mul r9, r3, r1
    mla r9, r3, r1, r0
    mls r9, r3, r1, r0
    umull r9, r10, r3, r1
    smull r9, r10, r3, r1
    umlal r9, r10, r3, r1
    smlal r9, r10, r3, r5
    mov r9, #0
    mvn r10, #0
    umaal r9, r10, r3, r3
    udiv r9, r3, r0
    sdiv r9, r3, r0
    mvn r0, #6
    sdiv r9, r3, r0              @ negative divisor: rounds toward zero
    sdiv r9, r5, r0
    mvn r0, #0
    sdiv r9, r5, r0              @ 0x80000000 / -1 = 0x80000000
    movs r0, #0
    udiv r9, r3, r0              @ divide by zero is 0 (CCR.DIV_0_TRP clear)
    sdiv r9, r3, r0
    mov r0, #1000
    udiv r9, r0, r0

    /* ---- DSP multiplies: halfword, dual, most-significant word, with Q ---- */
    ldr r0, =0x7FFF8000
    ldr r1, =0x80007FFF
    smulbb r9, r0, r1
    smulbt r9, r0, r1
    smultb r9, r0, r1
    smultt r9, r0, r1
    smulwb r9, r0, r1
    smulwt r9, r0, r1
    smlabb r9, r0, r1, r3
    smlatt r9, r0, r1, r3
    smlawb r9, r0, r1, r3
    smuad r9, r0, r1
    smuadx r9, r0, r1
    smusd r9, r0, r1
    smlad r9, r0, r1, r3
    smlsd r9, r0, r1, r3
    smlald r9, r10, r0, r1
    smlsldx r9, r10, r0, r1
    smlalbb r9, r10, r0, r1
    smmul r9, r0, r1
    smmulr r9, r0, r1
    smmla r9, r0, r1, r3
    smmls r9, r0, r1, r3
    ldr r2, =0x80008000
    smuad r9, r2, r2             @ 0x40000000 * 2 overflows: sets Q
    mrs r9, apsr
    msr apsr_nzcvq, r10          @ clears Q (r10 has bit 27 clear or set: both fine)
    mov r10, #0
    msr apsr_nzcvq, r10
    smlabb r9, r2, r2, r5        @ accumulate overflow: Q
    mrs r9, apsr
    msr apsr_nzcvq, r10

    /* ---- saturating arithmetic ---- */
    mvn r0, #0x80000000          @ 0x7FFFFFFF
    qadd r9, r0, r0
    qsub r9, r5, r0
    qdadd r9, r0, r1
    qdsub r9, r1, r0
    msr apsr_nzcvq, r10
    ssat r9, #8, r3
    ssat r9, #16, r1, asr #4
    usat r9, #8, r1
    usat r9, #31, r3, lsl #1
    ssat16 r9, #8, r1
    usat16 r9, #4, r1
    mrs r9, apsr
    msr apsr_nzcvq, r10

    /* ---- SIMD add/subtract: signed, unsigned, saturating, halving, GE and SEL ---- */
    ldr r0, =0x7F80FF01
    ldr r1, =0x01FF8002
    sadd16 r9, r0, r1
    mrs r2, apsr                 @ GE bits are in the APSR as read by MRS
    ssub16 r9, r0, r1
    sel r9, r0, r1
    uadd8 r9, r0, r1
    sel r9, r0, r1
    usub8 r9, r0, r1
    sasx r9, r0, r1
    ssax r9, r0, r1
    uasx r9, r0, r1
    usax r9, r0, r1
    sadd8 r9, r0, r1
    ssub8 r9, r0, r1
    uadd16 r9, r0, r1
    usub16 r9, r0, r1
    qadd16 r9, r0, r1
    qsub8 r9, r0, r1
    uqadd8 r9, r0, r1
    uqsub16 r9, r0, r1
    shadd16 r9, r0, r1
    uhsub8 r9, r0, r1
    usad8 r9, r0, r1
    usada8 r9, r0, r1, r3
    msr apsr_g, r10
    mrs r9, apsr

    /* ---- loads and stores: 32-bit encodings and every addressing mode ---- */
    ldr r0, =0x89ABCDEF
    str.w r0, [r11, #4]
    str r0, [r11, #-4]!          @ pre-index, write-back
    str r0, [r11], #4            @ post-index
    strh.w r0, [r11, #8]
    strb.w r0, [r11, #11]
    strh r0, [r11, #-2]
    mov r1, #3
    str.w r0, [r11, r1, lsl #2]
    strb.w r0, [r11, r1]
    strh.w r0, [r11, r1, lsl #1]
    ldr.w r2, [r11, #4]
    ldr r2, [r11, #-4]
    ldr r2, [r11, #4]!
    ldr r2, [r11], #-4
    ldrh.w r2, [r11, #8]
    ldrsh.w r2, [r11, #10]
    ldrb.w r2, [r11, #11]
    ldrsb.w r2, [r11, #11]
    ldrsb r2, [r11, #-1]
    ldrsh r2, [r11, #-2]
    ldr.w r2, [r11, r1, lsl #2]
    ldrb.w r2, [r11, r1]
    ldrsb.w r2, [r11, r1]
    ldrh.w r2, [r11, r1, lsl #1]
    ldrsh.w r2, [r11, r1, lsl #1]
    ldrb r2, [r11, #1]!
    ldrh r2, [r11], #-1
    ldr.w r2, literal_v7m        @ literal, 32-bit encoding
    ldr.w r3, [pc, #-4]          @ literal, negative offset
    ldrb.w r3, literal_v7m
    ldr r2, [r11, #1]            @ unaligned LDR is allowed on ARMv7-M
    str r0, [r11, #2]            @ unaligned STR
    ldrh r2, [r11, #1]
    pld [r11]
    pld [r11, r1]
    ldrt r2, [r11, #4]
    strt r0, [r11, #8]
    ldrbt r2, [r11, #4]
    strd r0, r1, [r11, #8]
    ldrd r2, r3, [r11, #8]
    strd r0, r1, [r11, #-8]!
    ldrd r2, r3, [r11], #8
    ldrd r2, r3, literal_v7m
    stmia.w r11, {r0-r3, r8}
    ldmia.w r11, {r4-r7, r9}
    stmdb r11!, {r0, r1}
    ldmia r11!, {r2, r3}
    stmdb r11, {r2, r3}
    ldmdb r11, {r4, r5}
    push.w {r0, r8}
    pop.w {r2, r9}
    ldr r2, [sp, #-4]!
    ldr r2, [sp], #4

    /* ---- exclusives ---- */
    ldrex r2, [r11]
    adds r2, #1
    strex r3, r2, [r11]          @ succeeds: 0
    strex r3, r2, [r11]          @ monitor closed: 1
    ldrex r2, [r11, #4]
    clrex
    strex r3, r2, [r11, #4]      @ cleared: 1
    ldrexb r2, [r11]
    strexb r3, r2, [r11]
    ldrexh r2, [r11]
    strexh r3, r2, [r11]

    /* ---- table branches, compare-and-branch, wide branches ---- */
    movs r0, #0
    movs r4, #0
2:  tbb [pc, r0]
3:
    .byte (4f - 3b) / 2, (5f - 3b) / 2, (6f - 3b) / 2, 0
4:  adds r4, #1
    b 7f
5:  adds r4, #2
    b 7f
6:  adds r4, #4
7:  adds r0, #1
    cmp r0, #3
    bne 2b
    movs r0, #1
    tbh [pc, r0, lsl #1]
8:
    .hword (9f - 8b) / 2, (10f - 8b) / 2
9:  adds r4, #8
10: adds r4, #16
    movs r0, #0
    cbz r0, 11f
    adds r4, #32
11: cbnz r0, 12f
    cbnz r4, 12f
    adds r4, #64
12: cmp r4, #0
    beq.w 13f
    bne.w 13f
    nop.w
13: b.w 14f
    nop
14: bl cov_v7m_leaf

    /* ---- system: MRS/MSR of the v7-M registers, barriers, hints ---- */
    mrs r0, basepri
    mov r1, #0x40
    msr basepri, r1
    msr basepri_max, r1
    mrs r0, basepri
    mov r1, #0
    msr basepri, r1
    mrs r0, faultmask
    cpsid f
    mrs r0, faultmask
    cpsie f
    dmb.w
    dsb.w
    isb.w
    nop.w
    sev.w

    /* ---- FPU: enable CP10/CP11 in CPACR, then a few single-precision operations ---- */
    ldr r0, =0xE000ED88
    ldr r1, [r0]
    orr r1, r1, #(0xF << 20)
    str r1, [r0]
    dsb
    isb
    mov r0, #3
    vmov s0, r0
    vcvt.f32.s32 s0, s0          @ 3.0
    mov r0, #0x40000000          @ 2.0
    vmov s1, r0
    vadd.f32 s2, s0, s1
    vmul.f32 s3, s2, s1
    vsub.f32 s4, s3, s0
    vdiv.f32 s5, s0, s1
    vsqrt.f32 s6, s3
    vmla.f32 s6, s0, s1
    vneg.f32 s7, s6
    vabs.f32 s8, s7
    vmov.f32 s9, #0.5
    vcmp.f32 s5, s9
    vmrs APSR_nzcv, fpscr
    vcmpe.f32 s5, #0
    vmrs APSR_nzcv, fpscr
    vcvt.s32.f32 s10, s8
    vmov r1, s10
    vmov r2, s5
    vmov r3, r4, s2, s3
    vstr s6, [r11]
    vldr s11, [r11]
    vmov r5, s11
    vpush {s0-s3}
    vpop {s12-s15}
    vmov r6, s15
    vstmia r11, {s0-s1}
    vldmia r11, {s16-s17}
    vmov r7, s17
    vmrs r8, fpscr

    pop.w {r4-r11, pc}

    .balign 4
literal_v7m:
    .word 0x13579BDF
    .word 0x2468ACE0
    .ltorg

    .type cov_v7m_leaf, %function
    .thumb_func
cov_v7m_leaf:
    add r0, r4, #1
    bx lr
