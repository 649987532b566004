/*
 * rp2040_regs.h - the RP2040 registers this port touches, from the RP2040 datasheet (section per
 * block). Every APB/AHB register has atomic aliases (§2.1.2): +0x2000 sets bits, +0x3000 clears.
 */
#ifndef RIG_RP2040_REGS_H
#define RIG_RP2040_REGS_H

#include "cortexm.h"

#define ALIAS_SET 0x2000u
#define ALIAS_CLR 0x3000u

/* §2.14 Subsystem resets: RESET, RESET_DONE; bit per peripheral. */
#define RESETS_BASE 0x4000C000u
#define RESETS_RESET (RESETS_BASE + 0x0u)
#define RESETS_DONE (RESETS_BASE + 0x8u)
#define RESET_ADC (1u << 0)
#define RESET_DMA (1u << 2)
#define RESET_IO_BANK0 (1u << 5)
#define RESET_PADS_BANK0 (1u << 8)
#define RESET_PLL_SYS (1u << 12)
#define RESET_PLL_USB (1u << 13)
#define RESET_UART0 (1u << 22)

/* §2.16 Crystal oscillator (XOSC): 12 MHz crystal on the Pico. */
#define XOSC_BASE 0x40024000u
#define XOSC_CTRL (XOSC_BASE + 0x00u)
#define XOSC_STATUS (XOSC_BASE + 0x04u)
#define XOSC_STARTUP (XOSC_BASE + 0x0Cu)
#define XOSC_CTRL_1_15MHZ 0xAA0u
#define XOSC_CTRL_ENABLE (0xFABu << 12)
#define XOSC_STATUS_STABLE (1u << 31)
#define XOSC_STARTUP_DELAY 47u /* ~1 ms: (12 MHz / 1000 + 128) / 256 */

/* §2.15 Clocks: per clock CTRL / DIV / SELECTED. */
#define CLOCKS_BASE 0x40008000u
#define CLK_REF_CTRL (CLOCKS_BASE + 0x30u)
#define CLK_REF_SELECTED (CLOCKS_BASE + 0x38u)
#define CLK_SYS_CTRL (CLOCKS_BASE + 0x3Cu)
#define CLK_SYS_DIV (CLOCKS_BASE + 0x40u)
#define CLK_SYS_SELECTED (CLOCKS_BASE + 0x44u)
#define CLK_PERI_CTRL (CLOCKS_BASE + 0x48u)
#define CLK_ADC_CTRL (CLOCKS_BASE + 0x60u)
#define CLK_ADC_DIV (CLOCKS_BASE + 0x64u)
#define CLK_REF_SRC_XOSC 2u
#define CLK_SYS_SRC_AUX 1u /* SRC bit 0: 0 = clk_ref, 1 = AUXSRC */
#define CLK_SYS_AUXSRC_PLL_SYS (0u << 5)
#define CLK_PERI_AUXSRC_CLK_SYS (0u << 5)
#define CLK_ADC_AUXSRC_PLL_USB (0u << 5)
#define CLK_CTRL_ENABLE (1u << 11)
#define CLK_DIV_1 (1u << 8) /* INT field starts at bit 8 */

/* §2.18 PLL: CS (REFDIV, LOCK), PWR (PD, POSTDIVPD, VCOPD), FBDIV_INT, PRIM (POSTDIV1/2). */
#define PLL_SYS_BASE 0x40028000u
#define PLL_USB_BASE 0x4002C000u
#define PLL_CS 0x0u
#define PLL_PWR 0x4u
#define PLL_FBDIV_INT 0x8u
#define PLL_PRIM 0xCu
#define PLL_PWR_PD (1u << 0)
#define PLL_PWR_POSTDIVPD (1u << 3)
#define PLL_PWR_VCOPD (1u << 5)
#define PLL_PRIM_POSTDIV1_POS 16
#define PLL_PRIM_POSTDIV2_POS 12
#define PLL_CS_LOCK (1u << 31)

/* §4.2 UART (ARM PL011), registers §4.2.8. */
#define UART0_BASE 0x40034000u
#define UART_DR 0x00u
#define UART_FR 0x18u
#define UART_IBRD 0x24u
#define UART_FBRD 0x28u
#define UART_LCR_H 0x2Cu
#define UART_CR 0x30u
#define UART_IFLS 0x34u
#define UART_IMSC 0x38u
#define UART_FR_RXFE (1u << 4)
#define UART_FR_TXFF (1u << 5)
#define UART_LCR_H_FEN (1u << 4)
#define UART_LCR_H_WLEN_8 (3u << 5)
#define UART_CR_UARTEN (1u << 0)
#define UART_CR_TXE (1u << 8)
#define UART_CR_RXE (1u << 9)
#define UART_IMSC_RX (1u << 4)
#define UART_IMSC_TX (1u << 5)
#define UART_IMSC_RT (1u << 6)
#define UART0_IRQN 20

/* §2.19 GPIO: IO_BANK0 GPIOn_CTRL.FUNCSEL (2 = UART, 5 = SIO), PADS_BANK0 GPIOn (IE, OD). */
#define IO_BANK0_BASE 0x40014000u
#define PADS_BANK0_BASE 0x4001C000u
#define FUNCSEL_UART 2u
#define FUNCSEL_SIO 5u
#define FUNCSEL_NULL 31u
#define PADS_OD (1u << 7)
#define PADS_IE (1u << 6)
#define IO_GPIO_CTRL(n) (IO_BANK0_BASE + 0x04u + 8u * (n))
#define PADS_GPIO(n) (PADS_BANK0_BASE + 0x04u + 4u * (n))

/* §2.3.1.7 SIO GPIO registers. */
#define SIO_BASE 0xD0000000u
#define SIO_GPIO_OUT_SET (SIO_BASE + 0x14u)
#define SIO_GPIO_OUT_CLR (SIO_BASE + 0x18u)
#define SIO_GPIO_OE_SET (SIO_BASE + 0x24u)

/* §4.9 ADC: CS (EN, START_MANY, AINSEL[14:12]), FCS (EN, DREQ_EN, THRESH[27:24]), FIFO, DIV
 * (INT[23:8]: one conversion every 1 + INT cycles of the 48 MHz clk_adc). */
#define ADC_BASE 0x4004C000u
#define ADC_CS (ADC_BASE + 0x00u)
#define ADC_FCS (ADC_BASE + 0x08u)
#define ADC_FIFO (ADC_BASE + 0x0Cu)
#define ADC_DIV (ADC_BASE + 0x10u)
#define ADC_CS_EN (1u << 0)
#define ADC_CS_START_MANY (1u << 3)
#define ADC_CS_READY (1u << 8)
#define ADC_FCS_EN (1u << 0)
#define ADC_FCS_DREQ_EN (1u << 3)
#define ADC_FCS_THRESH_1 (1u << 24)
#define ADC_CLOCK_HZ 48000000u

/* §2.5 DMA, registers §2.5.7: channel n at 0x40 * n; CTRL_TRIG starts the channel. Ring
 * wrapping on the write address (RING_SEL) keeps the ring in place with a single channel. */
#define DMA_BASE 0x50000000u
#define DMA_CH0_READ_ADDR (DMA_BASE + 0x00u)
#define DMA_CH0_WRITE_ADDR (DMA_BASE + 0x04u)
#define DMA_CH0_TRANS_COUNT (DMA_BASE + 0x08u)
#define DMA_CH0_CTRL_TRIG (DMA_BASE + 0x0Cu)
#define DMA_CH0_AL1_TRANS_COUNT_TRIG (DMA_BASE + 0x1Cu) /* writing the count restarts the channel */
#define DMA_INTE0 (DMA_BASE + 0x404u)
#define DMA_INTS0 (DMA_BASE + 0x40Cu) /* write 1 to clear */
#define DMA_CHAN_ABORT (DMA_BASE + 0x444u)
#define DMA_CTRL_EN (1u << 0)
#define DMA_CTRL_HIGH_PRIORITY (1u << 1)
#define DMA_CTRL_SIZE_HALFWORD (1u << 2)
#define DMA_CTRL_INCR_WRITE (1u << 5)
#define DMA_CTRL_RING_SIZE_POS 6 /* log2 of the ring in bytes */
#define DMA_CTRL_RING_SEL_WRITE (1u << 10)
#define DMA_CTRL_CHAIN_TO_POS 11 /* chain to itself = no chaining */
#define DMA_CTRL_TREQ_SEL_POS 15
#define DREQ_ADC 36
#define DMA_IRQ_0_IRQN 11

#endif
