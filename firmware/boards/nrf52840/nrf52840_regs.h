/*
 * nrf52840_regs.h - the nRF52840 registers this port touches, from the nRF52840 Product
 * Specification v1.7 (section per block). Tasks are triggered by writing 1, events are cleared
 * by writing 0 (PS "Peripheral interface").
 */
#ifndef RIG_NRF52840_REGS_H
#define RIG_NRF52840_REGS_H

#include "cortexm.h"

/* PS "CLOCK - Clock control": start the 64 MHz crystal oscillator (HFXO) for an accurate HFCLK. */
#define CLOCK_BASE 0x40000000u
#define CLOCK_TASKS_HFCLKSTART (CLOCK_BASE + 0x000u)
#define CLOCK_EVENTS_HFCLKSTARTED (CLOCK_BASE + 0x100u)

/* PS "POWER - Power supply": POWER shares its base with CLOCK (0x40000000). DCDCEN (0x578) switches the
 * REG1 stage from the LDO to the DC/DC buck (needs the DCC inductor, which the Nano 33 BLE's NINA-B306
 * module carries); the profile's power model is the DC/DC figure (profiles/nrf52840.yaml power.regulator). */
#define POWER_BASE 0x40000000u
#define POWER_DCDCEN (POWER_BASE + 0x578u)
#define POWER_DCDCEN_ENABLE 1u

/* PS "NVMC - Non-volatile memory controller": ICACHECNF bit 0 (CACHEEN) turns on the flash instruction cache,
 * which is off after reset. */
#define NVMC_BASE 0x4001E000u
#define NVMC_ICACHECNF (NVMC_BASE + 0x540u)
#define NVMC_ICACHECNF_CACHEEN 1u

/* PS "GPIO - General purpose input/output": P0 at 0x50000000, P1 at 0x50000300; OUTSET/OUTCLR/DIRSET, PIN_CNF[n]. */
#define P0_BASE 0x50000000u
#define P1_BASE 0x50000300u
#define GPIO_OUTSET 0x508u
#define GPIO_OUTCLR 0x50Cu
#define GPIO_DIRSET 0x518u
#define GPIO_PIN_CNF 0x700u /* + 4 * pin */
#define GPIO_PIN_CNF_INPUT_CONNECT 0u /* DIR=0 input, INPUT=0 connect buffer */

/* PS "UART - Universal asynchronous receiver/transmitter" (legacy, byte-wise, shares ID 2 with UARTE0): ENABLE = 4, BAUDRATE 1M =
 * 0x10000000, PSEL: PIN[4:0], PORT[5], CONNECT[31] = 0. */
#define UART0_BASE 0x40002000u
#define UART_TASKS_STARTRX 0x000u
#define UART_TASKS_STARTTX 0x008u
#define UART_EVENTS_RXDRDY 0x108u
#define UART_EVENTS_TXDRDY 0x11Cu
#define UART_EVENTS_ERROR 0x124u
#define UART_INTENSET 0x304u
#define UART_ERRORSRC 0x480u
#define UART_ENABLE 0x500u
#define UART_PSEL_TXD 0x50Cu
#define UART_PSEL_RXD 0x514u
#define UART_RXD 0x518u
#define UART_TXD 0x51Cu
#define UART_BAUDRATE 0x524u
#define UART_CONFIG 0x56Cu
#define UART_ENABLE_ON 4u
#define UART_INT_RXDRDY (1u << 2)
#define UART_INT_TXDRDY (1u << 7)
#define UART_INT_ERROR (1u << 9)
#define UART0_IRQN 2

/* PS "PDM - Pulse density modulation interface": hardware decimation of a 1-bit PDM stream to 16-bit PCM by an integer ratio
 * (RATIO 0 = 64, 1 = 80); EasyDMA writes MAXCNT samples to SAMPLE.PTR, double-buffered: PTR is
 * latched at STARTED, so the next buffer is set in the STARTED interrupt. */
#define PDM_BASE 0x4001D000u
#define PDM_TASKS_START (PDM_BASE + 0x000u)
#define PDM_TASKS_STOP (PDM_BASE + 0x004u)
#define PDM_EVENTS_STARTED (PDM_BASE + 0x100u)
#define PDM_EVENTS_STOPPED (PDM_BASE + 0x104u)
#define PDM_EVENTS_END (PDM_BASE + 0x108u)
#define PDM_INTENSET (PDM_BASE + 0x304u)
#define PDM_ENABLE (PDM_BASE + 0x500u)
#define PDM_PDMCLKCTRL (PDM_BASE + 0x504u)
#define PDM_MODE (PDM_BASE + 0x508u)
#define PDM_GAINL (PDM_BASE + 0x518u)
#define PDM_RATIO (PDM_BASE + 0x520u)
#define PDM_PSEL_CLK (PDM_BASE + 0x540u)
#define PDM_PSEL_DIN (PDM_BASE + 0x544u)
#define PDM_SAMPLE_PTR (PDM_BASE + 0x560u)
#define PDM_SAMPLE_MAXCNT (PDM_BASE + 0x564u)
#define PDM_INT_STARTED (1u << 0)
#define PDM_INT_END (1u << 2)
#define PDM_MODE_MONO (1u << 0) /* OPERATION = Mono, EDGE = LeftFalling */
#define PDM_CLK_1280K 0x0A000000u /* PDM_CLK = 1.280 MHz */
#define PDM_RATIO_80 1u /* 1.280 MHz / 80 = 16 kHz exactly */
#define PDM_GAIN_DEFAULT 0x28u /* 0 dB */
#define PDM_IRQN 29

#endif
