/*
 * boot2.S - the RP2040 second-stage boot loader, written for this project for any W25Q-style
 * (or other JEDEC) serial NOR flash that answers the plain 03h READ command.
 *
 * The boot ROM copies the first 256 bytes of flash to SRAM at 0x20041F00, checks a CRC32 over
 * bytes 0..251 against bytes 252..255 and enters here in Thumb state with lr = 0 (RP2040
 * datasheet §2.8.1 "Processor Controlled Boot Sequence"; CRC: polynomial 0x04C11DB7, initial
 * value 0xFFFFFFFF, no bit reflection, no final XOR). boot2_crc.cmake appends that CRC.
 *
 * All this stage does is put the XIP SSI (a Synopsys DW_apb_ssi, datasheet §4.10 "SSI",
 * registers §4.10.13) into EEPROM-read mode so that a CPU read of 0x10xxxxxx becomes a 03h read
 * of the flash: 8-bit instruction, 24-bit address, 32-bit data frames, SCK = clk_sys / 4.
 * Slower than quad I/O, but it works with every SPI flash and needs no status-register writes.
 * Then it jumps through the application's vector table right after this 256-byte block.
 * Only PC-relative references: the code runs at 0x20041F00 but would run anywhere.
 */
    .syntax unified
    .cpu cortex-m0plus
    .thumb

    .equ SSI_BASE,        0x18000000
    .equ SSI_CTRLR0,      0x00  /* TMOD[9:8], DFS_32[20:16], SPI_FRF[22:21] */
    .equ SSI_CTRLR1,      0x04  /* NDF: data frames per read, minus one */
    .equ SSI_SSIENR,      0x08
    .equ SSI_BAUDR,       0x14  /* SCK = clk_sys / BAUDR (even) */
    .equ SSI_SPI_CTRLR0,  0xF4  /* TRANS_TYPE[1:0], ADDR_L[5:2], INST_L[9:8], XIP_CMD[31:24] */

    .equ CTRLR0_EEPROM_READ_32BIT, (3 << 8) | (31 << 16)           /* standard SPI frame format */
    .equ SPI_CTRLR0_READ_03H, (0x03 << 24) | (2 << 8) | (6 << 2)   /* cmd 03h, 8-bit inst, 24-bit addr */
    .equ APP_VECTORS,     0x10000100
    .equ M0PLUS_VTOR,     0xE000ED08

    .section .text.boot2_entry, "ax"
    .global boot2_entry
    .type boot2_entry, %function
boot2_entry:
    push {lr}
    ldr r3, =SSI_BASE
    movs r1, #0
    str r1, [r3, #SSI_SSIENR]        /* registers are writable only while disabled */
    movs r1, #4
    str r1, [r3, #SSI_BAUDR]
    ldr r1, =CTRLR0_EEPROM_READ_32BIT
    str r1, [r3, #SSI_CTRLR0]
    ldr r1, =SPI_CTRLR0_READ_03H
    ldr r2, =(SSI_BASE + SSI_SPI_CTRLR0)
    str r1, [r2]
    movs r1, #0
    str r1, [r3, #SSI_CTRLR1]        /* one 32-bit frame per XIP access */
    movs r1, #1
    str r1, [r3, #SSI_SSIENR]

    pop {r0}
    cmp r0, #0
    beq 1f
    bx r0                            /* called as a function (lr != 0): just return */
1:  ldr r0, =APP_VECTORS             /* entered from the boot ROM: start the application */
    ldr r1, =M0PLUS_VTOR
    str r0, [r1]
    ldmia r0!, {r1, r2}              /* initial SP, reset handler */
    msr msp, r1
    bx r2
    .ltorg
