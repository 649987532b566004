/*
 * nrf52840_regs.h - the nRF52840 registers this port touches, from the nRF52840 Product
 * Specification v1.7 (section per block). Tasks are triggered by writing 1, events are cleared
 * by writing 0 (PS "Peripheral interface").
 */
#ifndef RIG_NRF52840_REGS_H
#define RIG_NRF52840_REGS_H

#include "cortexm.h"

/* PS "CLOCK - Clock control": start the 64 MHz crystal oscillator (HFXO) for an accurate HFCLK. */
enum {
    CLOCK_BASE = 0x40000000u,
    CLOCK_TASKS_HFCLKSTART = CLOCK_BASE + 0x000u,
    CLOCK_EVENTS_HFCLKSTARTED = CLOCK_BASE + 0x100u
};

/* PS "POWER - Power supply": POWER shares its base with CLOCK (0x40000000). DCDCEN (0x578) switches the
 * REG1 stage from the LDO to the DC/DC buck (needs the DCC inductor, which the Nano 33 BLE's NINA-B306
 * module carries); the profile's power model is the DC/DC figure (profiles/nrf52840.yaml power.regulator). */
enum {
    POWER_BASE = 0x40000000u,
    POWER_DCDCEN = POWER_BASE + 0x578u,
    POWER_DCDCEN_ENABLE = 1u
};

/* PS "GPIO - General purpose input/output": P0 at 0x50000000, P1 at 0x50000300; OUTSET/OUTCLR/DIRSET, PIN_CNF[n]. */
enum {
    P0_BASE = 0x50000000u,
    P1_BASE = 0x50000300u,
    GPIO_OUTSET = 0x508u,
    GPIO_OUTCLR = 0x50Cu,
    GPIO_DIRSET = 0x518u,
    GPIO_PIN_CNF = 0x700u,          /* + 4 * pin */
    GPIO_PIN_CNF_INPUT_CONNECT = 0u /* DIR=0 input, INPUT=0 connect buffer */
};

/* PS "UART - Universal asynchronous receiver/transmitter" (legacy, byte-wise, shares ID 2 with UARTE0): ENABLE = 4, BAUDRATE 1M =
 * 0x10000000, PSEL: PIN[4:0], PORT[5], CONNECT[31] = 0. */
enum {
    UART0_BASE = 0x40002000u,
    UART_TASKS_STARTRX = 0x000u,
    UART_TASKS_STARTTX = 0x008u,
    UART_EVENTS_RXDRDY = 0x108u,
    UART_EVENTS_TXDRDY = 0x11Cu,
    UART_EVENTS_ERROR = 0x124u,
    UART_INTENSET = 0x304u,
    UART_ERRORSRC = 0x480u,
    UART_ENABLE = 0x500u,
    UART_PSEL_TXD = 0x50Cu,
    UART_PSEL_RXD = 0x514u,
    UART_RXD = 0x518u,
    UART_TXD = 0x51Cu,
    UART_BAUDRATE = 0x524u,
    UART_CONFIG = 0x56Cu,
    UART_ENABLE_ON = 4u,
    UART_INT_RXDRDY = 1u << 2,
    UART_INT_TXDRDY = 1u << 7,
    UART_INT_ERROR = 1u << 9,
    UART0_IRQN = 2
};

/* PS "PDM - Pulse density modulation interface": hardware decimation of a 1-bit PDM stream to 16-bit PCM by an integer ratio
 * (RATIO 0 = 64, 1 = 80); EasyDMA writes MAXCNT samples to SAMPLE.PTR, double-buffered: PTR is
 * latched at STARTED, so the next buffer is set in the STARTED interrupt. */
enum {
    PDM_BASE = 0x4001D000u,
    PDM_TASKS_START = PDM_BASE + 0x000u,
    PDM_TASKS_STOP = PDM_BASE + 0x004u,
    PDM_EVENTS_STARTED = PDM_BASE + 0x100u,
    PDM_EVENTS_STOPPED = PDM_BASE + 0x104u,
    PDM_EVENTS_END = PDM_BASE + 0x108u,
    PDM_INTENSET = PDM_BASE + 0x304u,
    PDM_ENABLE = PDM_BASE + 0x500u,
    PDM_PDMCLKCTRL = PDM_BASE + 0x504u,
    PDM_MODE = PDM_BASE + 0x508u,
    PDM_GAINL = PDM_BASE + 0x518u,
    PDM_RATIO = PDM_BASE + 0x520u,
    PDM_PSEL_CLK = PDM_BASE + 0x540u,
    PDM_PSEL_DIN = PDM_BASE + 0x544u,
    PDM_SAMPLE_PTR = PDM_BASE + 0x560u,
    PDM_SAMPLE_MAXCNT = PDM_BASE + 0x564u,
    PDM_INT_STARTED = 1u << 0,
    PDM_INT_END = 1u << 2,
    PDM_MODE_MONO = 1u << 0,           /* OPERATION = Mono, EDGE = LeftFalling */
    PDM_CLK_1280K = 0x0A000000u,       /* PDM_CLK = 1.280 MHz */
    PDM_RATIO_80 = 1u,                 /* 1.280 MHz / 80 = 16 kHz exactly */
    PDM_GAIN_DEFAULT = 0x28u,          /* 0 dB */
    PDM_IRQN = 29
};

#endif
